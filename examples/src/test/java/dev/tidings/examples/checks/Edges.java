package dev.tidings.examples.checks;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Random values from one seeded {@link Random}, biased to the edges of what JSON Schema accepts.
 * Each value is either tame (meant to be valid for its component, often at a bound) or wild:
 * anything from the full set of edges, valid or not. Half of the cases are tame but for one wild
 * value (so that each edge is judged on its own), a quarter are tame, a quarter mostly wild.
 */
final class Edges {
  static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
  static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private static final String[] TAME_LETTERS = {"a", "b", "z", "q", "0", "7", "é", "😀", "x", "-"};
  private static final String[] ANY_LETTERS =
      {"a", "B", "z", "-", "0", "9", " ", "\t", "\n", "\u00a0", "\u2003", "é", "e\u0301", "😀", "\uD83D", "\uDE00"};
  private static final List<String> STRINGS = List.of(
      "", " ", "  ", "\t\n", "\u00a0", "\u2003", "a", "ab", "abc", "abcd", "abcde", "abcdef", "😀", "😀😀",
      "😀😀😀😀😀", "😀😀😀😀😀😀", "a😀", "\uD83D", "\uDE00x", "é", "e\u0301", "ab-12", "abc-1234", "a-", "-1",
      "AB", "cD", "ab\n", "ab-1\n", "ab-123", "x\u0000");
  private static final List<ZoneOffset> OFFSETS = List.of(
      ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHours(-18), ZoneOffset.ofHours(18),
      ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHoursMinutes(-9, -45));
  private static final List<ZoneOffset> ODD_OFFSETS = List.of(
      ZoneOffset.ofHoursMinutesSeconds(1, 0, 30), ZoneOffset.ofTotalSeconds(-1), ZoneOffset.ofTotalSeconds(59),
      ZoneOffset.ofTotalSeconds(-18 * 3600 + 1));
  private static final List<ZoneId> ZONES = List.of(
      ZoneId.of("UTC"), ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"),
      ZoneId.of("Australia/Lord_Howe"), ZoneOffset.ofHours(-18));

  /** More than the choices between tame and wild that any record makes. */
  private static final int CHOICES = 24;

  final Random random;
  private double wildness;
  private int choice;
  private int wildChoice;

  Edges(long seed) {
    this.random = new Random(seed);
  }

  /** Starts a case. */
  void nextCase() {
    int mode = random.nextInt(4);
    wildness = mode == 0 ? 0.3 : 0;
    choice = 0;
    wildChoice = mode >= 2 ? random.nextInt(CHOICES) : -1;
  }

  boolean wild() {
    return choice++ == wildChoice || random.nextDouble() < wildness;
  }

  /** {@code tame} or, with the case's wildness, {@code wild}. */
  <T> T either(Supplier<T> tame, Supplier<T> wild) {
    return wild() ? wild.get() : tame.get();
  }

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  @SafeVarargs
  final <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** {@code null} now and then, else {@code value}. */
  <T> T orNull(Supplier<T> value) {
    return chance(15) ? null : value.get();
  }

  // ---- strings

  /** {@code min} to {@code max} code points of tame letters, often exactly at a bound. */
  String text(int min, int max) {
    int length = pick(min, max, min + random.nextInt(max - min + 1));
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(pick(TAME_LETTERS));
    }
    return s.toString();
  }

  /** Any string: edge strings, random mixes of letters, spaces and surrogates, or {@code null}. */
  String anyString() {
    int kind = random.nextInt(10);
    if (kind == 0) {
      return null;
    }
    if (kind < 6) {
      return pick(STRINGS);
    }
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(8);
    for (int i = 0; i < length; i++) {
      s.append(pick(ANY_LETTERS));
    }
    return s.toString();
  }

  char anyChar() {
    return pick('a', ' ', '\u0000', '\uD83D', '\uDE00', '\uFFFF', 'é', (char) random.nextInt(Character.MAX_VALUE + 1));
  }

  // ---- numbers

  /** A value in {@code [lo, hi]}, often a bound. */
  long longIn(long lo, long hi) {
    return switch (random.nextInt(5)) {
      case 0 -> lo;
      case 1 -> hi;
      default -> lo + (long) (random.nextDouble() * ((double) hi - lo));
    };
  }

  /** Any long: a pivot or one off it, an extreme, or random. */
  long anyLong(long... pivots) {
    int kind = random.nextInt(10);
    if (kind < 6 && pivots.length > 0) {
      return pivots[random.nextInt(pivots.length)] + random.nextInt(3) - 1;
    }
    return switch (kind) {
      case 6 -> Long.MIN_VALUE;
      case 7 -> Long.MAX_VALUE;
      case 8 -> 0;
      default -> random.nextLong();
    };
  }

  int anyInt(int... pivots) {
    long[] wide = new long[pivots.length];
    for (int i = 0; i < pivots.length; i++) {
      wide[i] = pivots[i];
    }
    long value = anyLong(wide);
    return value == (int) value ? (int) value : random.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
  }

  /** A finite double in {@code [lo, hi]}, often a bound. */
  double doubleIn(double lo, double hi) {
    return switch (random.nextInt(5)) {
      case 0 -> lo;
      case 1 -> hi;
      default -> lo + random.nextDouble() * (hi - lo);
    };
  }

  /** Any double: pivots and their neighbours, zeros, extremes, NaN and infinities, random. */
  double anyDouble(double... pivots) {
    int kind = random.nextInt(12);
    if (kind < 5 && pivots.length > 0) {
      double pivot = pivots[random.nextInt(pivots.length)];
      return pick(pivot, Math.nextUp(pivot), Math.nextDown(pivot), pivot + 1, pivot - 1);
    }
    return switch (kind) {
      case 5 -> Double.NaN;
      case 6 -> pick(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
      case 7 -> pick(0.0, -0.0);
      case 8 -> pick(Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE);
      case 9 -> pick(0.1, 0.3, 0.30000000000000004, 1e-300, 1e300);
      default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12));
    };
  }

  float anyFloat(float... pivots) {
    int kind = random.nextInt(10);
    if (kind < 5 && pivots.length > 0) {
      float pivot = pivots[random.nextInt(pivots.length)];
      return pick(pivot, Math.nextUp(pivot), Math.nextDown(pivot), pivot + 1);
    }
    return switch (kind) {
      case 5 -> Float.NaN;
      case 6 -> pick(Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);
      case 7 -> pick(0.0f, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f);
      default -> (random.nextFloat() - 0.5f) * (float) Math.pow(10, random.nextInt(8));
    };
  }

  /** A decimal in {@code [lo, hi]} with a random scale, often a bound written with extra zeros. */
  BigDecimal decimalIn(String lo, String hi) {
    BigDecimal a = new BigDecimal(lo);
    BigDecimal b = new BigDecimal(hi);
    BigDecimal value = switch (random.nextInt(4)) {
      case 0 -> a;
      case 1 -> b;
      default -> a.add(b.subtract(a).multiply(BigDecimal.valueOf(random.nextDouble())));
    };
    return chance(30) ? value.setScale(value.scale() + 2) : value;
  }

  /** Any decimal: pivots and just past them, huge and tiny exponents, random. */
  BigDecimal anyDecimal(String... pivots) {
    int kind = random.nextInt(8);
    if (kind < 5 && pivots.length > 0) {
      BigDecimal pivot = new BigDecimal(pick(pivots));
      BigDecimal step = pick(new BigDecimal("0.01"), new BigDecimal("0.001"), BigDecimal.ZERO, new BigDecimal("1E-30"));
      BigDecimal value = random.nextBoolean() ? pivot.add(step) : pivot.subtract(step);
      return chance(30) ? value.setScale(value.scale() + 3) : value;
    }
    return switch (kind) {
      case 5 -> pick(new BigDecimal("1E+400"), new BigDecimal("-1E+400"), new BigDecimal("1E-400"));
      case 6 -> pick(BigDecimal.ZERO, new BigDecimal("0.000"), new BigDecimal("-0.00"));
      default -> BigDecimal.valueOf(random.nextLong(), random.nextInt(20) - 5);
    };
  }

  BigInteger anyBigInteger(long... pivots) {
    return random.nextInt(5) == 0
        ? new BigInteger(pick("1" + "0".repeat(40), "-" + "9".repeat(30), "9223372036854775808"))
        : BigInteger.valueOf(anyLong(pivots));
  }

  // ---- java.time

  Instant instant() {
    return either(
        () -> pick(FIRST, LAST, Instant.EPOCH,
            Instant.ofEpochSecond(
                longIn(FIRST.getEpochSecond(), LAST.getEpochSecond()), random.nextInt(1_000_000_000))),
        () -> pick(Instant.MIN, Instant.MAX, FIRST.minusNanos(1), LAST.plusNanos(1),
            Instant.parse("+10000-01-01T00:00:00Z"), Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L)));
  }

  LocalDateTime localDateTime() {
    return either(
        () -> LocalDateTime.of(pick(0, 9999, 1970 + random.nextInt(200)), 1 + random.nextInt(12),
            1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), pick(0, random.nextInt(60)),
            pick(0, 0, random.nextInt(1_000_000_000), 1_000_000)),
        () -> pick(LocalDateTime.MIN, LocalDateTime.MAX, LocalDateTime.of(-1, 12, 31, 23, 59),
            LocalDateTime.of(10000, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59),
            LocalDateTime.of(0, 1, 1, 0, 0), LocalDateTime.of(1850, 6, 1, 12, 0)));
  }

  OffsetDateTime offsetDateTime() {
    return OffsetDateTime.of(localDateTime(), either(() -> pick(OFFSETS), () -> pick(ODD_OFFSETS)));
  }

  ZonedDateTime zonedDateTime() {
    return either(
        () -> ZonedDateTime.of(localDateTime().withYear(1970 + random.nextInt(100)), pick(ZONES)),
        () -> ZonedDateTime.of(localDateTime(), pick(ZONES)));
  }

  LocalDate localDate() {
    return either(
        () -> LocalDate.of(pick(0, 9999, random.nextInt(10000)), 1 + random.nextInt(12), 1 + random.nextInt(28)),
        () -> pick(LocalDate.MIN, LocalDate.MAX, LocalDate.of(-1, 12, 31), LocalDate.of(10000, 1, 1),
            LocalDate.of(0, 1, 1), LocalDate.of(9999, 12, 31)));
  }

  LocalTime localTime() {
    return pick(LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.NOON, LocalTime.of(random.nextInt(24), random.nextInt(60)),
        LocalTime.of(random.nextInt(24), random.nextInt(60), random.nextInt(60),
            pick(0, 1, 1000, random.nextInt(1_000_000_000))));
  }

  OffsetTime offsetTime() {
    return either(
        () -> OffsetTime.of(random.nextInt(24), random.nextInt(60), 1 + random.nextInt(59),
            pick(0, 1, random.nextInt(1_000_000_000)), pick(OFFSETS)),
        () -> OffsetTime.of(random.nextInt(24), random.nextInt(60), pick(0, 30), pick(0, 0, 5),
            random.nextBoolean() ? pick(OFFSETS) : pick(ODD_OFFSETS)));
  }

  Duration duration() {
    return pick(Duration.ZERO, Duration.ofNanos(-1), Duration.ofSeconds(-1, 5), Duration.ofSeconds(Long.MIN_VALUE),
        Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofMillis(random.nextLong() % 10_000_000_000L),
        Duration.ofDays(random.nextInt(1000)).plusNanos(random.nextInt(1_000_000_000)));
  }

  // ---- other leaves

  UUID uuid() {
    return pick(new UUID(random.nextLong(), random.nextLong()), new UUID(0, 0),
        new UUID(random.nextLong() >>> 4, random.nextLong()),
        new UUID(-1, -1));
  }

  /** URIs: ASCII ones, and ones RFC 3986 rejects (non-ASCII, brackets in the query) that Java accepts. */
  URI uri() {
    return either(
        () -> URI.create(pick("http://x/y", "", "//x/y%41", "mailto:a@b", "urn:isbn:123", "http://[::1]:80/p?q=1",
            "a:b#[x]", "x/y", "#f", "?q=%5B1%5D")),
        () -> pick(URI.create("http://x/é"), URI.create("?q=é"), URI.create("http://x/y#é"),
            uri("http", "x", "/y", "a=[1]", null), uri("http", "h", "/a b", null, null),
            uri(null, null, "é", null, null), uri("s", "a", "/[x]", "q]", "f[")));
  }

  private static URI uri(String scheme, String host, String path, String query, String fragment) {
    try {
      return new URI(scheme, host, path, query, fragment);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
