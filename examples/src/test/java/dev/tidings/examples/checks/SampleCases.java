package dev.tidings.examples.checks;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tidings.examples.checks.Samples.Choices;
import dev.tidings.examples.checks.Samples.Kind;
import dev.tidings.examples.checks.Samples.Line;
import dev.tidings.examples.checks.Samples.Lists;
import dev.tidings.examples.checks.Samples.Misc;
import dev.tidings.examples.checks.Samples.Node;
import dev.tidings.examples.checks.Samples.Numbers;
import dev.tidings.examples.checks.Samples.Texts;
import dev.tidings.examples.checks.Samples.Times;
import dev.tidings.examples.checks.Samples.Tree;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Random instances of the {@link Samples} records, and which of them the generated check judges
 * exactly (the rest hold a value it does not judge, for which it says {@code false}).
 */
final class SampleCases {
  private SampleCases() {}

  static Texts texts(Edges g) {
    return new Texts(
        g.either(() -> g.text(0, 6), g::anyString),
        g.either(() -> g.text(1, 4), g::anyString),
        g.either(() -> g.text(2, 5), g::anyString),
        g.either(() -> g.text(1, 3).replaceAll("[^a-z]", "k") + "-" + g.longIn(0, 999), g::anyString),
        g.either(() -> g.pick("ab", "cd", "AB", "Cd"), g::anyString),
        g.either(() -> g.text(1, 3), g::anyString),
        g.either(() -> 'a', g::anyChar),
        g.either(() -> g.pick('x', "😀".charAt(0)), () -> g.chance(30) ? null : g.anyChar()),
        g.either(() -> g.text(0, 3).toCharArray(), () -> {
          String s = g.anyString();
          return s == null ? null : s.toCharArray();
        }),
        g.either(() -> g.orNull(() -> g.text(0, 3)), g::anyString),
        g.either(() -> g.chance(20) ? Optional.empty() : Optional.of(g.text(1, 3)),
            () -> g.chance(20) ? null : Optional.ofNullable(g.anyString())),
        g.either(() -> g.pick(Optional.empty(), Optional.of(Optional.empty()), Optional.of(Optional.of(g.text(0, 2)))),
            () -> g.chance(20) ? null : Optional.of(Optional.ofNullable(g.anyString()))));
  }

  static Numbers numbers(Edges g) {
    return new Numbers(
        (byte) g.anyLong(-128, 127),
        g.either(() -> (short) g.longIn(-3, 3), () -> (short) g.anyLong(-3, 3, Short.MIN_VALUE)),
        g.either(() -> (int) g.longIn(1, 10), () -> g.anyInt(1, 10)),
        g.either(() -> (int) g.longIn(1, Integer.MAX_VALUE), () -> g.chance(20) ? null : g.anyInt(0, 1)),
        g.either(() -> g.longIn(Long.MIN_VALUE, 0), () -> g.chance(20) ? null : g.anyLong(0)),
        g.either(() -> (int) g.longIn(1, 100), () -> g.anyInt(0, 1)),
        g.either(() -> g.longIn(-5, 10), () -> g.anyLong(10, 11)),
        g.either(() -> g.longIn(Long.MIN_VALUE, -1), () -> g.anyLong(0, -1)),
        g.either(() -> BigInteger.valueOf(g.longIn(-5, 1000)), () -> g.chance(10) ? null : g.anyBigInteger(-5, 1000)),
        g.either(() -> g.anyBigInteger(0), () -> null),
        g.either(() -> g.pick(0.2f, 1e30f, Math.nextUp(0.1f)), () -> g.anyFloat(0.1f)),
        g.either(() -> g.pick(0f, -0f, -Float.MAX_VALUE, 1.5f, Math.nextDown(0x1p31f)), () -> g.anyFloat(0x1p31f)),
        g.either(() -> g.pick(Double.MIN_VALUE, 1e-300, 1.0, 1e300), () -> g.anyDouble(0)),
        g.either(() -> g.doubleIn(1, 2), () -> g.anyDouble(1, 2)),
        g.either(() -> g.pick(1.0, -1e300, Math.nextDown(0x1p60)), () -> g.anyDouble(0x1p60)),
        g.either(() -> g.pick(0.3, 0.29999999999999993, -0.0, -1e300), () -> g.chance(20) ? null : g.anyDouble(0.3)),
        g.either(() -> g.decimalIn("0.01", "99.99"), () -> g.chance(10) ? null : g.anyDecimal("0.01", "99.99")),
        g.either(() -> g.decimalIn("0", "1E+10"), () -> g.anyDecimal("0")),
        g.either(() -> g.chance(50) ? OptionalInt.empty() : OptionalInt.of(g.anyInt()),
            () -> g.chance(30) ? null : OptionalInt.of(g.anyInt(0))),
        g.either(() -> g.chance(50) ? OptionalLong.empty() : OptionalLong.of(g.anyLong()), () -> null),
        g.either(() -> g.chance(50) ? OptionalDouble.empty() : OptionalDouble.of(g.doubleIn(-1, 1)),
            () -> OptionalDouble.of(g.anyDouble())),
        g.either(() -> g.chance(30) ? Optional.empty() : Optional.of((int) g.longIn(3, 10)),
            () -> g.chance(20) ? null : Optional.of(g.anyInt(3))));
  }

  /** Exact unless a float or a double is NaN or infinite: Jackson writes those as strings. */
  static boolean numbersExact(Numbers n) {
    return Float.isFinite(n.ratio()) && Float.isFinite(n.capped()) && Double.isFinite(n.amount())
        && Double.isFinite(n.unit()) && Double.isFinite(n.huge()) && (n.third() == null || Double.isFinite(n.third()))
        && (n.maybeDouble() == null || n.maybeDouble().isEmpty() || Double.isFinite(n.maybeDouble().getAsDouble()));
  }

  static Choices choices(Edges g) {
    Supplier<Kind> kind = () -> g.pick(Kind.values());
    return new Choices(
        g.either(kind, () -> null),
        g.orNull(kind),
        g.either(() -> new HashSet<>(List.of(kind.get(), kind.get())), () -> withNull(new HashSet<>(), kind)),
        g.either(() -> EnumSet.of(kind.get()), () -> g.chance(50) ? null : EnumSet.allOf(Kind.class)),
        g.either(() -> List.of(kind.get(), kind.get()), () -> withNull(new ArrayList<>(), kind)),
        g.either(() -> {
          Map<Kind, String> labels = new EnumMap<>(Kind.class);
          labels.put(kind.get(), g.text(0, 2));
          return labels;
        }, () -> {
          Map<Kind, String> labels = new HashMap<>();
          for (Kind k : Kind.values()) {
            if (g.chance(60)) {
              labels.put(k, g.chance(20) ? null : "x");
            }
          }
          return labels;
        }));
  }

  static Lists lists(Edges g) {
    return new Lists(
        g.either(() -> strings(g, 1 + g.random.nextInt(3)), () -> g.chance(10) ? null
            : g.chance(20) ? new Bag(strings(g, 1)) : strings(g, g.random.nextInt(5))),
        g.either(() -> new TreeSet<>(strings(g, g.random.nextInt(3))), () -> identitySet(g)),
        g.either(() -> new HashSet<>(List.of(g.anyInt(), g.anyInt())),
            () -> withNull(new LinkedHashSet<>(), g::anyInt)),
        g.either(() -> g.chance(70) ? Set.of(g.doubleIn(-1, 1)) : Set.of(),
            () -> g.chance(50) ? new HashSet<>(List.of(0.0, -0.0)) : new HashSet<>(List.of(g.anyDouble(), 1.0))),
        g.either(() -> g.chance(70) ? Set.of(g.decimalIn("-1", "1")) : Set.of(),
            () -> new HashSet<>(List.of(new BigDecimal("1.0"), g.pick(new BigDecimal("1.00"), BigDecimal.TEN)))),
        g.either(() -> new int[] {g.anyInt(), g.anyInt()}, () -> g.chance(50) ? null : new int[0]),
        g.either(() -> strings(g, g.random.nextInt(3)).toArray(new String[0]),
            () -> new String[] {"a", g.anyString(), "c"}),
        g.either(() -> withNull(new ArrayList<>(), () -> g.text(0, 2)), () -> null),
        g.either(() -> List.of(List.of(0, g.anyInt(0)).subList(0, 1), List.of()),
            () -> List.of(withNull(new ArrayList<>(), () -> g.anyInt(0)))),
        g.either(() -> Map.of("a", g.anyInt(), "b", g.anyInt()), () -> counts(g)),
        g.either(() -> {
          Map<String, Line> lines = new LinkedHashMap<>();
          lines.put("x", line(g));
          lines.put("y", null);
          return lines;
        }, () -> Collections.singletonMap(g.chance(50) ? null : "k", line(g))),
        g.either(() -> List.of(g.anyLong()), () -> withNull(new ArrayList<>(), g::anyLong)),
        g.either(() -> new TreeSet<>(List.of("b", "a")), () -> null));
  }

  /**
   * Exact unless a set of doubles or decimals holds two items (equal JSON may come from unequal
   * values: 1.0 and 1.00), the identity map {@code counts} holds a key twice (JSON keeps the last
   * value; the check tests them all), or {@code tags} is a {@link Bag}.
   */
  static boolean listsExact(Lists l) {
    return (l.measures() == null || l.measures().size() <= 1) && (l.amounts() == null || l.amounts().size() <= 1)
        && !(l.tags() instanceof Bag)
        && (l.counts() == null || new HashSet<>(l.counts().keySet()).size() == l.counts().size());
  }

  static Tree tree(Edges g) {
    return tree(g, 3);
  }

  private static Tree tree(Edges g, int depth) {
    List<Tree> children = new ArrayList<>();
    while (depth > 0 && g.chance(25)) {
      children.add(tree(g, depth - 1));
    }
    if (g.wild()) {
      children.add(null);
    }
    return new Tree(
        g.either(() -> g.text(0, 3), g::anyString),
        g.either(() -> children, () -> null),
        depth > 0 && g.chance(20) ? Optional.of(tree(g, depth - 1)) : Optional.empty(),
        g.either(() -> node(g, 3), () -> null),
        g.either(() -> g.chance(50) ? Optional.empty() : Optional.of(line(g)), () -> Optional.of(line(g))),
        g.either(() -> Map.of("n", node(g, 1)), () -> Collections.singletonMap("n", g.chance(50) ? null : node(g, 2))));
  }

  private static Node node(Edges g, int depth) {
    List<Node> kids = new ArrayList<>();
    while (depth > 0 && g.chance(30)) {
      kids.add(g.either(() -> node(g, depth - 1), () -> null));
    }
    return new Node(
        g.either(() -> g.text(1, 3), g::anyString),
        g.either(() -> kids, () -> null),
        depth > 0 && g.chance(30) ? node(g, depth - 1) : null);
  }

  static Line line(Edges g) {
    return new Line(
        g.either(() -> g.text(1, 3), g::anyString),
        g.either(() -> (int) g.longIn(1, 1000), () -> g.anyInt(1)),
        g.either(() -> g.decimalIn("0", "100"), () -> g.chance(20) ? null : g.anyDecimal("0")));
  }

  static Times times(Edges g) {
    return new Times(
        g.instant(),
        g.offsetDateTime(),
        g.zonedDateTime(),
        g.localDate(),
        g.localDateTime(),
        g.localTime(),
        g.offsetTime(),
        g.duration(),
        g.orNull(g::instant),
        g.chance(50) ? Optional.empty() : Optional.of(g.localDate()),
        g.either(() -> List.of(g.instant()), () -> List.of(g.instant(), g.instant())),
        g.wild() ? g.instant() : null);
  }

  /**
   * Exact unless an {@code OffsetTime} has an offset with seconds (the validator does not reject
   * it) or {@code stamped} is set (a pattern on a {@code java.time} value is not judged).
   */
  static boolean timesExact(Times t) {
    return t.offsetTime().getOffset().getTotalSeconds() % 60 == 0 && t.stamped() == null;
  }

  static Misc misc(Edges g) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return new Misc(
        g.either(g::uuid, () -> null),
        g.uuid(),
        g.uri(),
        g.either(() -> g.chance(50) ? Optional.empty() : Optional.of(g.uri()), () -> Optional.of(g.uri())),
        g.either(() -> new byte[g.random.nextInt(4)], () -> null),
        g.pick(null, nodes.nullNode(), nodes.textNode("x"), nodes.objectNode().put("a", 1), nodes.arrayNode(),
            MissingNode.getInstance(), nodes.numberNode(Double.NaN)),
        g.random.nextBoolean(),
        g.either(() -> Boolean.TRUE, () -> null),
        g.either(() -> new HashSet<>(List.of(g.uuid(), g.uuid())), () -> {
          Set<UUID> ids = Collections.newSetFromMap(new IdentityHashMap<>());
          ids.add(new UUID(1, 2));
          ids.add(new UUID(1, 2));
          return ids;
        }),
        g.either(() -> g.text(0, 2), g::anyString),
        g.chance(10) ? g.pick("a@b.c", "not an address", "") : null);
  }

  /** Exact unless {@code email} is set: addresses are not judged. */
  static boolean miscExact(Misc m) {
    return m.email() == null;
  }

  // ---- helpers

  /** A list that Jackson writes as an object, for its annotation: a check must not vouch for it. */
  @JsonFormat(shape = JsonFormat.Shape.OBJECT)
  static final class Bag extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Bag(List<String> items) {
      super(items);
    }
  }

  private static List<String> strings(Edges g, int count) {
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      strings.add(g.text(0, 3));
    }
    return strings;
  }

  /** Two equal strings that are distinct objects: two equal items in JSON. */
  private static Set<String> identitySet(Edges g) {
    Set<String> set = Collections.newSetFromMap(new IdentityHashMap<>());
    String a = g.text(1, 2);
    set.add(a);
    set.add(new String(a));
    return set;
  }

  /** Up to three properties, one of them twice (an identity map), or a null key. */
  private static Map<String, Integer> counts(Edges g) {
    Map<String, Integer> counts = g.chance(50) ? new IdentityHashMap<>() : new HashMap<>();
    for (int i = g.random.nextInt(5); i > 0; i--) {
      counts.put(new String(g.pick("a", "b")), g.chance(10) ? null : i);
    }
    if (g.chance(10)) {
      counts.put(null, 1);
    }
    return counts;
  }

  private static <T, C extends java.util.Collection<T>> C withNull(C collection, Supplier<T> item) {
    collection.add(item.get());
    collection.add(null);
    return collection;
  }
}
