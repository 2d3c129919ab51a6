package dev.tidings.processor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Derives a JSON Schema (draft 2020-12) from a record, matching what the runtime's Jackson
 * configuration writes for it (ISO-8601 strings for {@code java.time}, {@code null} for an empty
 * {@code Optional}, base64 for {@code byte[]}, enum constants by name).
 *
 * <p>It works in two passes: the first finds every record reachable from the root (to name their
 * {@code $defs} entries, and to notice types that a later round may still generate); the second
 * builds the schemas. Problems are collected, never thrown.
 *
 * <p>Types and their schemas:
 *
 * <ul>
 *   <li>{@code String}: string; {@code char}: string of length 1; {@code boolean}: boolean;
 *   <li>{@code byte}, {@code short}, {@code int}, {@code long} (and boxes): integer bounded by the
 *       Java type; {@code BigInteger}: integer; {@code float}, {@code double}, {@code BigDecimal}:
 *       number;
 *   <li>enums: string with {@code enum} of the constant names; records: {@code $ref} into {@code
 *       $defs} ({@code "#"} for the root itself, so recursion works);
 *   <li>arrays, {@code Collection}s: array with {@code items} ({@code uniqueItems} for {@code Set});
 *       {@code Map} with {@code String} or enum keys: object with {@code additionalProperties};
 *   <li>{@code Optional<T>}, {@code OptionalInt}, ... and anything annotated {@code @Nullable}: the
 *       schema of {@code T} or {@code null}, and the component is not required;
 *   <li>{@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}: {@code format: date-time};
 *       {@code LocalDate}: {@code date}; {@code OffsetTime}: {@code time}; {@code UUID}: {@code
 *       uuid}; {@code URI}: {@code uri-reference}; {@code LocalDateTime}, {@code LocalTime} and
 *       {@code Duration} get a {@code pattern} instead of a format, because RFC 3339's {@code time}
 *       requires an offset and its {@code duration} has no fractions or signs, while Java writes
 *       both; {@code byte[]}: string with {@code contentEncoding: base64}; {@code JsonNode}: any.
 * </ul>
 *
 * The content model is closed: every record's object schema has {@code additionalProperties: false},
 * so a property the record does not declare is refused, and schema evolution follows the closed
 * model's rules (adding an optional property is backward compatible, removing one forward
 * compatible). Maps are the exception: their {@code additionalProperties} is the schema of their
 * values. A public getter that Jackson would write as a property of its own ({@code getTotal()}
 * besides the components) would make every record invalid, so it is an error.
 */
final class SchemaDeriver {
  static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

  private final TypeShapes shapes;
  private final Constraints constraints;
  private final JacksonDefaults jackson;

  SchemaDeriver(Elements elements, Types types) {
    this.shapes = new TypeShapes(elements, types);
    this.constraints = new Constraints(elements);
    this.jackson = new JacksonDefaults(elements);
  }

  /**
   * The outcome of a derivation: a document, or the problems that prevent one (warnings may come
   * with a document), or the name of a type that is not resolved yet.
   */
  record Result(Map<String, Object> document, List<Problem> problems, String unresolved) {}

  /** Derives the JSON Schema of {@code record}, titled {@code id}. */
  Result derive(TypeElement record, String id) {
    return new Run(record).derive(id);
  }

  /** The JSON value that the class-path JSON file and the generated constant hold. */
  static String text(Map<String, Object> document) {
    return Json.write(document);
  }

  /** One derivation: the state of both passes for one root record. */
  private final class Run {
    private final TypeElement root;
    private final String rootName;
    private final Map<String, TypeElement> reachable = new LinkedHashMap<>();
    private final Map<String, String> defNames = new HashMap<>();
    private final Map<String, Map<String, Object>> defs = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private final List<Problem> problems = new ArrayList<>();
    private String unresolved;

    Run(TypeElement root) {
      this.root = root;
      this.rootName = root.getSimpleName().toString();
    }

    Result derive(String id) {
      discover(root);
      if (unresolved != null) {
        return new Result(null, List.of(), unresolved);
      }
      nameDefinitions();
      Map<String, Object> body = object(root, null);
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("$schema", DRAFT);
      document.put("title", id);
      document.putAll(body);
      if (!defs.isEmpty()) {
        document.put("$defs", new LinkedHashMap<>(new TreeMap<>(defs)));
      }
      boolean failed = problems.stream().anyMatch(Problem::isError);
      return new Result(failed ? null : document, List.copyOf(problems), null);
    }

    // ---- pass 1: reachable records and unresolved types

    private void discover(TypeElement record) {
      String name = record.getQualifiedName().toString();
      if (reachable.putIfAbsent(name, record) != null) {
        return;
      }
      for (RecordComponentElement component : record.getRecordComponents()) {
        discover(component.asType());
      }
    }

    private void discover(TypeMirror type) {
      if (unresolved != null) {
        return;
      }
      TypeShapes.Shape shape = shapes.classify(type);
      switch (shape.kind) {
        case UNRESOLVED -> unresolved = TypeNames.qualified(type);
        case RECORD -> discover(shape.element);
        case OPTIONAL, ARRAY -> discover(shape.inner);
        case MAP -> {
          discover(shape.key);
          discover(shape.inner);
        }
        default -> {
          // leaves, enums, any, unsupported: nothing reachable
        }
      }
    }

    private void nameDefinitions() {
      Map<String, Integer> simpleNames = new HashMap<>();
      for (TypeElement record : reachable.values()) {
        simpleNames.merge(record.getSimpleName().toString(), 1, Integer::sum);
      }
      for (Map.Entry<String, TypeElement> e : reachable.entrySet()) {
        String simple = e.getValue().getSimpleName().toString();
        defNames.put(e.getKey(), simpleNames.get(simple) == 1 ? simple : e.getKey());
      }
    }

    // ---- pass 2: schemas

    /**
     * The object schema of a record. {@code site} is the root component that leads here (problems
     * are reported on it), {@code null} for the root itself.
     */
    private Map<String, Object> object(TypeElement record, Site site) {
      Map<String, Object> properties = new LinkedHashMap<>();
      List<Object> required = new ArrayList<>();
      for (RecordComponentElement component : record.getRecordComponents()) {
        Site here = site != null
            ? site.then("." + component.getSimpleName())
            : new Site(sourceOf(record, component), component.getSimpleName().toString());
        List<AnnotationMirror> annotations = declarationAnnotations(record, component);
        TypeMirror type = component.asType();
        Map<String, Object> schema = schema(type, annotations, here);
        String name = jsonName(record, component);
        boolean nullable = shape(type) == TypeShapes.Kind.OPTIONAL || hasNullable(annotations);
        if (schema != null && nullable && !type.getKind().isPrimitive()) {
          // A declaration @Nullable (not a type annotation): Jackson writes null for it, so allow it.
          schema = TypeShapes.nullable(schema);
        }
        properties.put(name, schema == null ? new LinkedHashMap<>() : schema);
        if (type.getKind().isPrimitive() || !nullable) {
          required.add(name);
        }
      }
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("type", "object");
      object.put("properties", properties);
      if (!required.isEmpty()) {
        object.put("required", required);
      }
      object.put("additionalProperties", false);
      extraGetters(record, site);
      return object;
    }

    /**
     * Reports the getters Jackson writes besides the components: the closed schema would refuse
     * every record. Reported on the getter of the root record, else on the root component that
     * leads to the nested record.
     */
    private void extraGetters(TypeElement record, Site site) {
      for (JacksonDefaults.Getter getter : jackson.extraGetters(record)) {
        Element at = site == null && getter.method().getEnclosingElement().equals(record) ? getter.method()
            : site != null ? site.component : record;
        String method = getter.method().getSimpleName().toString();
        String owner = ((TypeElement) getter.method().getEnclosingElement()).getSimpleName().toString();
        problems.add(Problem.of(Message.SCHEMA_GETTER, at, owner + "." + method + "()",
            record.getQualifiedName(), getter.property(), rootName, record.getSimpleName(), getter.property()));
      }
    }

    private TypeShapes.Kind shape(TypeMirror type) {
      return shapes.classify(type).kind;
    }

    /**
     * The schema of {@code type} with the constraints and nullability of {@code annotations} (the
     * declaration annotations at the top level, the type's own below), or {@code null} after
     * reporting why there is none.
     */
    private Map<String, Object> schema(
        TypeMirror type, List<? extends AnnotationMirror> annotations, Site site) {
      TypeShapes.Shape shape = shapes.classify(type);
      Map<String, Object> schema;
      switch (shape.kind) {
        case LEAF -> schema = shape.leaf.get();
        case OPTIONAL -> {
          List<AnnotationMirror> inner = new ArrayList<>(annotations);
          inner.addAll(shape.inner.getAnnotationMirrors());
          Map<String, Object> value = schema(shape.inner, inner, site);
          return value == null ? null : TypeShapes.nullable(value);
        }
        case ARRAY -> {
          Map<String, Object> items = schema(shape.inner, shape.inner.getAnnotationMirrors(), site.then("[]"));
          if (items == null) {
            return null;
          }
          schema = TypeShapes.json("type", "array", "items", items);
          if (shape.unique) {
            schema.put("uniqueItems", true);
          }
        }
        case MAP -> {
          TypeShapes.Shape key = shapes.classify(shape.key);
          boolean stringKey = key.kind == TypeShapes.Kind.LEAF && TypeShapes.isString(shape.key);
          if (!stringKey && key.kind != TypeShapes.Kind.ENUM) {
            report(Message.SCHEMA_COMPONENT_TYPE, site, type,
                " (map keys must be String or an enum, since JSON object keys are strings)");
            return null;
          }
          Map<String, Object> values = schema(shape.inner, shape.inner.getAnnotationMirrors(), site.then("{}"));
          if (values == null) {
            return null;
          }
          schema = TypeShapes.json("type", "object");
          if (key.kind == TypeShapes.Kind.ENUM) {
            schema.put("propertyNames", TypeShapes.json("enum", TypeShapes.constants(key.element)));
          }
          schema.put("additionalProperties", values);
        }
        case ENUM -> schema = TypeShapes.json("type", "string", "enum", TypeShapes.constants(shape.element));
        case RECORD -> schema = reference(shape.element, site);
        case ANY -> schema = new LinkedHashMap<>();
        case UNSUPPORTED -> {
          report(Message.SCHEMA_COMPONENT_TYPE, site, type, shape.reason);
          return null;
        }
        default -> throw new IllegalStateException("unresolved type after pass 1: " + type);
      }
      Site constrained = site;
      constraints.apply(schema, annotations, (annotation, kind, appliesTo) ->
          problems.add(Problem.of(Message.SCHEMA_CONSTRAINT, constrained.component,
              annotation, constrained.path, rootName, kind, appliesTo)));
      if (!type.getKind().isPrimitive() && hasNullable(type.getAnnotationMirrors())) {
        schema = TypeShapes.nullable(schema);
      }
      return schema;
    }

    private Map<String, Object> reference(TypeElement record, Site site) {
      String name = record.getQualifiedName().toString();
      if (record.equals(root) || name.equals(root.getQualifiedName().toString())) {
        return TypeShapes.json("$ref", "#");
      }
      String defName = defNames.get(name);
      if (!defs.containsKey(defName) && inProgress.add(defName)) {
        defs.put(defName, object(record, site));
        inProgress.remove(defName);
      }
      return TypeShapes.json("$ref", "#/$defs/" + defName.replace("~", "~0").replace("/", "~1"));
    }

    private void report(Message message, Site site, TypeMirror type, String reason) {
      problems.add(Problem.of(message, site.component, site.path, rootName, TypeNames.qualified(type), reason));
    }
  }

  /** Where a nested schema sits: the root component it hangs off, and the path from the root. */
  private record Site(Element component, String path) {
    Site then(String step) {
      return new Site(component, path + step);
    }
  }

  // ---- annotations of components

  /**
   * The annotations on a component, its accessor, its field and its type, each type once: a
   * constraint annotation may land on any of them, depending on its {@code @Target}.
   */
  private static List<AnnotationMirror> declarationAnnotations(
      TypeElement record, RecordComponentElement component) {
    Map<String, AnnotationMirror> found = new LinkedHashMap<>();
    List<AnnotationMirror> all = new ArrayList<>(component.getAnnotationMirrors());
    if (component.getAccessor() != null) {
      all.addAll(component.getAccessor().getAnnotationMirrors());
      all.addAll(component.getAccessor().getReturnType().getAnnotationMirrors());
    }
    for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(component.getSimpleName())) {
        all.addAll(field.getAnnotationMirrors());
        all.addAll(field.asType().getAnnotationMirrors());
      }
    }
    all.addAll(component.asType().getAnnotationMirrors());
    for (AnnotationMirror mirror : all) {
      found.putIfAbsent(Annotations.qualifiedName(mirror), mirror);
    }
    return new ArrayList<>(found.values());
  }

  /**
   * The element javac can point at for a root component: its field (javac has no source position
   * for the record component element itself), else the record.
   */
  private static Element sourceOf(TypeElement record, RecordComponentElement component) {
    for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(component.getSimpleName())) {
        return field;
      }
    }
    return record;
  }

  private static boolean hasNullable(List<? extends AnnotationMirror> annotations) {
    for (AnnotationMirror mirror : annotations) {
      if (Annotations.simpleName(mirror).equals(Names.NULLABLE_SIMPLE_NAME)) {
        return true;
      }
    }
    return false;
  }

  /** The property name Jackson writes: {@code @JsonProperty("...")} when given, else the name. */
  static String jsonName(TypeElement record, RecordComponentElement component) {
    for (AnnotationMirror mirror : declarationAnnotations(record, component)) {
      if (Annotations.qualifiedName(mirror).equals(Names.JSON_PROPERTY)) {
        String renamed = Annotations.string(Annotations.explicitValue(mirror, "value"), "");
        if (!renamed.isEmpty()) {
          return renamed;
        }
      }
    }
    return component.getSimpleName().toString();
  }
}
