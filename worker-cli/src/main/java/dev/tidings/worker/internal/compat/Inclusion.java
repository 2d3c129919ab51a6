package dev.tidings.worker.internal.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides, keyword by keyword, whether every JSON document the writer's schema accepts is accepted
 * by the reader's schema (the writer's set of documents is included in the reader's), and reports
 * each keyword where it is not. Sound for the keywords the processor derives ({@code type}, {@code
 * enum}, {@code const}, numeric bounds, {@code multipleOf}, string lengths, {@code pattern}, {@code
 * format}, {@code items}, item counts, {@code uniqueItems}, {@code properties}, {@code required},
 * {@code additionalProperties}, {@code propertyNames}, property counts, {@code $ref} into the same
 * document, {@code anyOf}/{@code oneOf}/{@code allOf}); a reader keyword it does not know is
 * reported as {@link Rule#NOT_COMPARABLE} unless the writer has the same value. Regular expressions
 * are compared as text: a changed pattern is reported even when it accepts more.
 *
 * <p>Structure: {@link #include} resolves references and composition, then hands the plain
 * keywords to {@link #keywords}, which splits them by the instance types both sides allow; the
 * leaf keywords live in {@link LeafRules}, the object keywords in {@link #objects}.
 */
final class Inclusion {
  private static final Set<String> ALL_TYPES = Set.of("null", "boolean", "object", "array", "number", "string");
  /** Keywords that do not constrain instances, or that {@link #keywords} handles. */
  private static final Set<String> KNOWN = Set.of("$schema", "$id", "$comment", "$defs", "definitions", "title",
      "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "$anchor", "type", "enum", "const",
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern",
      "format", "items", "minItems", "maxItems", "uniqueItems", "properties", "required", "additionalProperties",
      "propertyNames", "minProperties", "maxProperties", "anyOf", "oneOf", "allOf", "$ref", "contentEncoding",
      "contentMediaType");
  private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "$defs", "definitions", "title",
      "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "$anchor");
  private static final ObjectNode ANY = JsonNodeFactory.instance.objectNode();

  /** A difference, with pointers into both documents and the text with {@code {W}}/{@code {R}}. */
  record Found(Rule rule, String writerPointer, String readerPointer, String text) {}

  private final JsonNode writerDoc;
  private final JsonNode readerDoc;
  private List<Found> found = new ArrayList<>();
  private Set<String> visited = new HashSet<>();

  private Inclusion(JsonNode writerDoc, JsonNode readerDoc) {
    this.writerDoc = writerDoc;
    this.readerDoc = readerDoc;
  }

  /** What keeps {@code reader} from accepting everything {@code writer} accepts; empty when nothing does. */
  static List<Found> check(JsonNode writer, JsonNode reader) {
    Inclusion inclusion = new Inclusion(writer, reader);
    inclusion.include(writer, "", reader, "");
    return inclusion.found;
  }

  void add(Rule rule, String wp, String rp, Object a, Object b) {
    found.add(new Found(rule, wp, rp, rule.format(a, b)));
  }

  void include(JsonNode w, String wp, JsonNode r, String rp) {
    Located wl = Located.resolve(writerDoc, w, wp);
    Located rl = Located.resolve(readerDoc, r, rp);
    if (wl.problem() != null || rl.problem() != null) {
      add(Rule.NOT_COMPARABLE, wp, rp, "$ref", wl.problem() != null ? wl.problem() : rl.problem());
      return;
    }
    w = wl.node();
    wp = wl.pointer();
    r = rl.node();
    rp = rl.pointer();
    if (!visited.add(wp + "\u0000" + rp)) {
      return; // a recursive structure already under comparison
    }
    if (w.isBoolean() && !w.asBoolean()) {
      return; // the writer writes nothing here
    }
    if (r.isBoolean()) {
      if (!r.asBoolean()) {
        add(Rule.NOTHING_ALLOWED, wp, rp, "values here", "");
      }
      return;
    }
    if (unconstrained(r)) {
      return;
    }
    if (w.isBoolean()) {
      w = ANY;
    }
    if (!w.isObject() || !r.isObject()) {
      add(Rule.NOT_COMPARABLE, wp, rp, "(schema)", r);
      return;
    }
    String wAlt = w.has("anyOf") ? "anyOf" : w.has("oneOf") ? "oneOf" : null;
    if (wAlt != null && w.get(wAlt).isArray()) {
      ObjectNode rest = without(w, "anyOf", "oneOf");
      int i = 0;
      for (JsonNode branch : w.get(wAlt)) {
        Located b = Located.resolve(writerDoc, branch, wp + "/" + wAlt + "/" + i++);
        include(rest.isEmpty() ? b.node() : merge(rest, b.node()), b.pointer(), r, rp);
      }
      return;
    }
    if (w.has("allOf") && w.get("allOf").isArray()) {
      includeAllOfWriter(w, wp, r, rp);
      return;
    }
    if (r.has("allOf") && r.get("allOf").isArray()) {
      int i = 0;
      for (JsonNode member : r.get("allOf")) {
        include(w, wp, member, rp + "/allOf/" + i++);
      }
      r = without(r, "allOf");
    }
    String rAlt = r.has("anyOf") ? "anyOf" : r.has("oneOf") ? "oneOf" : null;
    if (rAlt != null && r.get(rAlt).isArray()) {
      includeAlternativeReader(w, wp, r, rp, rAlt);
      return;
    }
    keywords((ObjectNode) w, wp, (ObjectNode) r, rp);
  }

  /** A writer with allOf: enough that its own keywords, or one member, fit the reader. */
  private void includeAllOfWriter(JsonNode w, String wp, JsonNode r, String rp) {
    ObjectNode rest = without(w, "allOf");
    List<Found> own = trial(rest, wp, r, rp);
    if (own.isEmpty()) {
      return;
    }
    int i = 0;
    for (JsonNode member : w.get("allOf")) {
      if (trial(member, wp + "/allOf/" + i++, r, rp).isEmpty()) {
        return;
      }
    }
    found.addAll(own);
  }

  /** A reader with anyOf/oneOf: the writer must fit one branch; else the closest branch's problems. */
  private void includeAlternativeReader(JsonNode w, String wp, JsonNode r, String rp, String keyword) {
    ObjectNode rest = without(r, "anyOf", "oneOf");
    List<Found> best = null;
    int i = 0;
    for (JsonNode branch : r.get(keyword)) {
      Located b = Located.resolve(readerDoc, branch, rp + "/" + keyword + "/" + i++);
      List<Found> problems = trial(w, wp, rest.isEmpty() ? b.node() : merge(rest, b.node()), b.pointer());
      if (problems.isEmpty()) {
        return;
      }
      if (best == null || problems.size() < best.size()) {
        best = problems;
      }
    }
    if (best != null) {
      found.addAll(best);
    }
  }

  private List<Found> trial(JsonNode w, String wp, JsonNode r, String rp) {
    List<Found> saved = found;
    Set<String> savedVisited = visited;
    found = new ArrayList<>();
    visited = new HashSet<>(visited);
    try {
      include(w, wp, r, rp);
      return found;
    } finally {
      found = saved;
      visited = savedVisited;
    }
  }

  private void keywords(ObjectNode w, String wp, ObjectNode r, String rp) {
    Set<String> wTypes = types(w);
    Set<String> rTypes = types(r);
    Set<String> live = new LinkedHashSet<>();
    List<String> lost = new ArrayList<>();
    for (String t : wTypes) {
      if (rTypes.contains(t) || (t.equals("integer") && rTypes.contains("number"))) {
        live.add(t);
      } else {
        lost.add(t);
      }
    }
    if (!lost.isEmpty()) {
      add(Rule.TYPE_NARROWED, wp + "/type", rp + "/type", String.join(", ", lost), "");
    }
    JsonNode values = w.has("const") ? JsonNodeFactory.instance.arrayNode().add(w.get("const")) : w.get("enum");
    LeafRules leaves = new LeafRules(this, w, wp, r, rp);
    if (values != null && values.isArray()) {
      leaves.values(values, live);
      return;
    }
    leaves.choices();
    if (live.contains("number") || live.contains("integer")) {
      leaves.numbers(live.contains("number") ? "number" : "integer");
    }
    if (live.contains("string")) {
      leaves.strings();
    }
    if (live.contains("array")) {
      leaves.arrays();
      if (r.has("items")) {
        include(w.has("items") ? w.get("items") : ANY, wp + "/items", r.get("items"), rp + "/items");
      }
    }
    if (live.contains("object")) {
      objects(w, wp, r, rp);
    }
    for (Iterator<String> names = r.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KNOWN.contains(name) && !r.get(name).equals(w.get(name))) {
        add(Rule.NOT_COMPARABLE, wp + "/" + name, rp + "/" + name, name, r.get(name));
      }
    }
  }

  private void objects(ObjectNode w, String wp, ObjectNode r, String rp) {
    Set<String> wRequired = strings(w.get("required"));
    for (String name : strings(r.get("required"))) {
      if (!wRequired.contains(name)) {
        add(Rule.REQUIRED_ADDED, wp + "/required", rp + "/required", name, "");
      }
    }
    JsonNode wProps = w.path("properties");
    JsonNode rProps = r.path("properties");
    JsonNode wExtra = w.has("additionalProperties") ? w.get("additionalProperties") : ANY;
    JsonNode rExtra = r.has("additionalProperties") ? r.get("additionalProperties") : ANY;
    for (Iterator<String> names = rProps.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      String token = "/properties/" + Located.escape(name);
      if (wProps.has(name)) {
        include(wProps.get(name), wp + token, rProps.get(name), rp + token);
      } else if (!isFalse(wExtra)) {
        List<Found> problems = trial(wExtra, wp + "/additionalProperties", rProps.get(name), rp + token);
        if (!problems.isEmpty()) {
          add(isAny(wExtra) ? Rule.PROPERTY_ADDED_TO_OPEN_MODEL : Rule.ADDITIONAL_PROPERTIES_NARROWED,
              wp + "/additionalProperties", rp + token, name, isAny(wExtra) ? "" : "undeclared ones");
        }
      }
    }
    for (Iterator<String> names = wProps.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (rProps.has(name) || isFalse(wProps.get(name))) {
        continue;
      }
      String token = "/properties/" + Located.escape(name);
      if (isFalse(rExtra)) {
        add(Rule.PROPERTY_REMOVED, wp + token, rp + token, name, "");
      } else {
        include(wProps.get(name), wp + token, rExtra, rp + "/additionalProperties");
      }
    }
    if (!isFalse(wExtra) && !isAny(rExtra)) {
      if (isFalse(rExtra)) {
        add(Rule.ADDITIONAL_PROPERTIES_NARROWED, wp + "/additionalProperties", rp + "/additionalProperties",
            "none", isAny(wExtra) ? "any" : "some");
      } else {
        include(wExtra, wp + "/additionalProperties", rExtra, rp + "/additionalProperties");
      }
    }
    if (r.has("propertyNames")) {
      List<Found> problems = trial(w.has("propertyNames") ? w.get("propertyNames") : ANY, wp + "/propertyNames",
          r.get("propertyNames"), rp + "/propertyNames");
      if (!problems.isEmpty()) {
        add(Rule.PROPERTY_NAMES_NARROWED, wp + "/propertyNames", rp + "/propertyNames",
            w.has("propertyNames") ? "other names" : "any name", "");
      }
    }
    new LeafRules(this, w, wp, r, rp).propertyCounts();
  }

  static Set<String> types(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return new LinkedHashSet<>(ALL_TYPES);
    }
    Set<String> types = new LinkedHashSet<>();
    if (type.isTextual()) {
      types.add(type.asText());
    } else {
      type.forEach(t -> types.add(t.asText()));
    }
    return types;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  /** A schema without a keyword that constrains instances. */
  private static boolean unconstrained(JsonNode schema) {
    if (schema.isBoolean()) {
      return schema.asBoolean();
    }
    for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      if (!ANNOTATIONS.contains(names.next())) {
        return false;
      }
    }
    return true;
  }

  static boolean isFalse(JsonNode schema) {
    return schema.isBoolean() && !schema.asBoolean();
  }

  static boolean isAny(JsonNode schema) {
    return (schema.isBoolean() && schema.asBoolean()) || (schema.isObject() && schema.isEmpty());
  }

  private static ObjectNode without(JsonNode schema, String... names) {
    ObjectNode copy = ((ObjectNode) schema).deepCopy();
    copy.remove(List.of(names));
    return copy;
  }

  private static JsonNode merge(ObjectNode rest, JsonNode branch) {
    if (!branch.isObject()) {
      return branch;
    }
    ObjectNode merged = rest.deepCopy();
    merged.setAll((ObjectNode) branch.deepCopy());
    return merged;
  }
}
