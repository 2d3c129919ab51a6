package dev.tidings.processor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
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
 * Every object schema has {@code additionalProperties: true}: readers tolerate properties added by
 * newer producers, as Jackson does when it reads them.
 */
final class SchemaDeriver {
  static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

  private static final String LOCAL_TIME_PATTERN = "^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?$";
  private static final String LOCAL_DATE_TIME_PATTERN =
      "^[+-]?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?$";
  private static final String DURATION_PATTERN =
      "^[-+]?[Pp]([-+]?[0-9]+[Dd])?([Tt]([-+]?[0-9]+[Hh])?([-+]?[0-9]+[Mm])?([-+]?[0-9]+([.,][0-9]{0,9})?[Ss])?)?$";

  /** Schemas of types that map to one fixed schema, by qualified name. */
  private static final Map<String, Supplier<Map<String, Object>>> LEAVES = leaves();

  private final Elements elements;
  private final Types types;
  private final Constraints constraints;

  SchemaDeriver(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.constraints = new Constraints(elements);
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

  private static Map<String, Supplier<Map<String, Object>>> leaves() {
    Map<String, Supplier<Map<String, Object>>> m = new HashMap<>();
    m.put("java.lang.String", () -> json("type", "string"));
    m.put("java.lang.Character", SchemaDeriver::character);
    m.put("java.lang.Boolean", () -> json("type", "boolean"));
    m.put("java.lang.Byte", () -> integer(Byte.MIN_VALUE, Byte.MAX_VALUE));
    m.put("java.lang.Short", () -> integer(Short.MIN_VALUE, Short.MAX_VALUE));
    m.put("java.lang.Integer", () -> integer(Integer.MIN_VALUE, Integer.MAX_VALUE));
    m.put("java.lang.Long", () -> integer(Long.MIN_VALUE, Long.MAX_VALUE));
    m.put("java.lang.Float", () -> json("type", "number"));
    m.put("java.lang.Double", () -> json("type", "number"));
    m.put("java.math.BigInteger", () -> json("type", "integer"));
    m.put("java.math.BigDecimal", () -> json("type", "number"));
    m.put("java.time.Instant", () -> formatted("date-time"));
    m.put("java.time.OffsetDateTime", () -> formatted("date-time"));
    m.put("java.time.ZonedDateTime", () -> formatted("date-time"));
    m.put("java.time.LocalDate", () -> formatted("date"));
    m.put("java.time.OffsetTime", () -> formatted("time"));
    m.put("java.time.LocalTime", () -> json("type", "string", "pattern", LOCAL_TIME_PATTERN));
    m.put("java.time.LocalDateTime", () -> json("type", "string", "pattern", LOCAL_DATE_TIME_PATTERN));
    m.put("java.time.Duration", () -> json("type", "string", "pattern", DURATION_PATTERN));
    m.put("java.util.UUID", () -> formatted("uuid"));
    m.put("java.net.URI", () -> formatted("uri-reference"));
    return m;
  }

  private static Map<String, Object> json(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> integer(long min, long max) {
    return json("type", "integer", "minimum", min, "maximum", max);
  }

  private static Map<String, Object> character() {
    return json("type", "string", "minLength", 1L, "maxLength", 1L);
  }

  private static Map<String, Object> formatted(String format) {
    return json("type", "string", "format", format);
  }

  /** {@code schema} or {@code null}. */
  static Map<String, Object> nullable(Map<String, Object> schema) {
    if (schema.isEmpty()) {
      return schema;
    }
    Object type = schema.get("type");
    if (type instanceof String t && !schema.containsKey("$ref")) {
      Map<String, Object> copy = new LinkedHashMap<>(schema);
      copy.put("type", List.of(t, "null"));
      if (copy.get("enum") instanceof List<?> values && !values.contains(null)) {
        List<Object> withNull = new ArrayList<>(values);
        withNull.add(null);
        copy.put("enum", withNull);
      }
      return copy;
    }
    if (type instanceof List<?> list && list.contains("null")) {
      return schema;
    }
    return json("anyOf", List.of(schema, json("type", "null")));
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
      Shape shape = classify(type);
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
        properties.put(name, schema == null ? new LinkedHashMap<>() : schema);
        boolean nullable = shape(type) == Kind.OPTIONAL || hasNullable(annotations);
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
      object.put("additionalProperties", true);
      return object;
    }

    private Kind shape(TypeMirror type) {
      return classify(type).kind;
    }

    /**
     * The schema of {@code type} with the constraints and nullability of {@code annotations} (the
     * declaration annotations at the top level, the type's own below), or {@code null} after
     * reporting why there is none.
     */
    private Map<String, Object> schema(
        TypeMirror type, List<? extends AnnotationMirror> annotations, Site site) {
      Shape shape = classify(type);
      Map<String, Object> schema;
      switch (shape.kind) {
        case LEAF -> schema = shape.leaf.get();
        case OPTIONAL -> {
          List<AnnotationMirror> inner = new ArrayList<>(annotations);
          inner.addAll(shape.inner.getAnnotationMirrors());
          Map<String, Object> value = schema(shape.inner, inner, site);
          return value == null ? null : nullable(value);
        }
        case ARRAY -> {
          Map<String, Object> items = schema(shape.inner, shape.inner.getAnnotationMirrors(), site.then("[]"));
          if (items == null) {
            return null;
          }
          schema = json("type", "array", "items", items);
          if (shape.unique) {
            schema.put("uniqueItems", true);
          }
        }
        case MAP -> {
          Shape key = classify(shape.key);
          boolean stringKey = key.kind == Kind.LEAF && isString(shape.key);
          if (!stringKey && key.kind != Kind.ENUM) {
            report(Message.SCHEMA_COMPONENT_TYPE, site, type,
                " (map keys must be String or an enum, since JSON object keys are strings)");
            return null;
          }
          Map<String, Object> values = schema(shape.inner, shape.inner.getAnnotationMirrors(), site.then("{}"));
          if (values == null) {
            return null;
          }
          schema = json("type", "object");
          if (key.kind == Kind.ENUM) {
            schema.put("propertyNames", json("enum", constants(key.element)));
          }
          schema.put("additionalProperties", values);
        }
        case ENUM -> schema = json("type", "string", "enum", constants(shape.element));
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
        schema = nullable(schema);
      }
      return schema;
    }

    private Map<String, Object> reference(TypeElement record, Site site) {
      String name = record.getQualifiedName().toString();
      if (record.equals(root) || name.equals(root.getQualifiedName().toString())) {
        return json("$ref", "#");
      }
      String defName = defNames.get(name);
      if (!defs.containsKey(defName) && inProgress.add(defName)) {
        defs.put(defName, object(record, site));
        inProgress.remove(defName);
      }
      return json("$ref", "#/$defs/" + defName.replace("~", "~0").replace("/", "~1"));
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

  // ---- classification

  private enum Kind { LEAF, OPTIONAL, ARRAY, MAP, ENUM, RECORD, ANY, UNSUPPORTED, UNRESOLVED }

  /** What a type is, with what the second pass needs to build its schema. */
  private static final class Shape {
    Kind kind;
    Supplier<Map<String, Object>> leaf;
    TypeMirror inner;
    TypeMirror key;
    TypeElement element;
    boolean unique;
    String reason = "";

    static Shape of(Kind kind) {
      Shape s = new Shape();
      s.kind = kind;
      return s;
    }

    static Shape leaf(Supplier<Map<String, Object>> leaf) {
      Shape s = of(Kind.LEAF);
      s.leaf = leaf;
      return s;
    }

    static Shape unsupported(String reason) {
      Shape s = of(Kind.UNSUPPORTED);
      s.reason = reason;
      return s;
    }
  }

  private Shape classify(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN:
        return Shape.leaf(LEAVES.get("java.lang.Boolean"));
      case BYTE:
        return Shape.leaf(LEAVES.get("java.lang.Byte"));
      case SHORT:
        return Shape.leaf(LEAVES.get("java.lang.Short"));
      case INT:
        return Shape.leaf(LEAVES.get("java.lang.Integer"));
      case LONG:
        return Shape.leaf(LEAVES.get("java.lang.Long"));
      case CHAR:
        return Shape.leaf(SchemaDeriver::character);
      case FLOAT:
      case DOUBLE:
        return Shape.leaf(LEAVES.get("java.lang.Double"));
      case ARRAY:
        return array(((ArrayType) type).getComponentType());
      case ERROR:
        return Shape.of(Kind.UNRESOLVED);
      case DECLARED:
        return declared((DeclaredType) type);
      case TYPEVAR:
        return Shape.unsupported(" (a type variable; a schema needs a concrete type)");
      default:
        return Shape.unsupported("");
    }
  }

  private Shape array(TypeMirror component) {
    if (component.getKind() == TypeKind.BYTE) {
      return Shape.leaf(() -> json("type", "string", "contentEncoding", "base64"));
    }
    if (component.getKind() == TypeKind.CHAR) {
      return Shape.leaf(() -> json("type", "string")); // Jackson writes char[] as a string
    }
    Shape s = Shape.of(Kind.ARRAY);
    s.inner = component;
    return s;
  }

  private Shape declared(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    Supplier<Map<String, Object>> leaf = LEAVES.get(name);
    if (leaf != null) {
      return Shape.leaf(leaf);
    }
    switch (name) {
      case "java.util.OptionalInt":
        return optional(types.getPrimitiveType(TypeKind.INT));
      case "java.util.OptionalLong":
        return optional(types.getPrimitiveType(TypeKind.LONG));
      case "java.util.OptionalDouble":
        return optional(types.getPrimitiveType(TypeKind.DOUBLE));
      case "java.util.Optional": {
        TypeMirror value = argument(type, 0);
        return value == null ? rawOrWildcard(type) : optional(value);
      }
      case "java.lang.Object":
        return Shape.unsupported(" (Object says nothing about the JSON; use JsonNode for free-form JSON)");
      default:
        break;
    }
    if (element.getKind() == ElementKind.ENUM) {
      Shape s = Shape.of(Kind.ENUM);
      s.element = element;
      return s;
    }
    if (element.getKind() == ElementKind.RECORD) {
      if (!type.getTypeArguments().isEmpty() || !element.getTypeParameters().isEmpty()) {
        return Shape.unsupported(" (a generic record; declare a record with concrete component types)");
      }
      Shape s = Shape.of(Kind.RECORD);
      s.element = element;
      return s;
    }
    if (isSubtype(type, Names.JSON_NODE)) {
      return Shape.of(Kind.ANY);
    }
    DeclaredType map = supertype(type, "java.util.Map");
    if (map != null) {
      TypeMirror key = ownArgument(type, map, 0);
      TypeMirror value = ownArgument(type, map, 1);
      if (key == null || value == null) {
        return rawOrWildcard(map);
      }
      Shape s = Shape.of(Kind.MAP);
      s.key = key;
      s.inner = value;
      return s;
    }
    DeclaredType collection = supertype(type, "java.util.Collection");
    if (collection != null) {
      TypeMirror item = ownArgument(type, collection, 0);
      if (item == null) {
        return rawOrWildcard(collection);
      }
      Shape s = Shape.of(Kind.ARRAY);
      s.inner = item;
      s.unique = supertype(type, "java.util.Set") != null;
      return s;
    }
    if (element.getKind() == ElementKind.INTERFACE) {
      return Shape.unsupported(" (an interface; the schema needs one concrete shape, e.g. a record)");
    }
    return Shape.unsupported(" (a class; only records, enums and the listed types are mapped)");
  }

  private Shape optional(TypeMirror value) {
    Shape s = Shape.of(Kind.OPTIONAL);
    s.inner = value;
    return s;
  }

  private static Shape rawOrWildcard(DeclaredType type) {
    return type.getTypeArguments().isEmpty()
        ? Shape.unsupported(" (a raw type; give its type arguments, e.g. List<String>)")
        : Shape.unsupported(" (a wildcard without an upper bound; give a concrete type argument)");
  }

  /** Type argument {@code index}, with {@code ? extends X} read as {@code X}; null when unusable. */
  private static TypeMirror argument(DeclaredType type, int index) {
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (arguments.size() <= index) {
      return null;
    }
    TypeMirror argument = arguments.get(index);
    if (argument.getKind() == TypeKind.WILDCARD) {
      return ((WildcardType) argument).getExtendsBound();
    }
    return argument;
  }

  /**
   * Argument {@code index} of the supertype, taken from {@code type} itself when it is the same
   * type there ({@code List<@Size(min = 2) String>} as a {@code Collection}), because the walk up
   * the supertypes drops type annotations.
   */
  private TypeMirror ownArgument(DeclaredType type, DeclaredType supertype, int index) {
    TypeMirror inherited = argument(supertype, index);
    TypeMirror own = argument(type, index);
    if (inherited != null && own != null
        && type.getTypeArguments().size() == supertype.getTypeArguments().size()
        && types.isSameType(own, inherited)) {
      return own;
    }
    return inherited;
  }

  private boolean isSubtype(TypeMirror type, String qualifiedName) {
    TypeElement target = elements.getTypeElement(qualifiedName);
    return target != null && types.isAssignable(types.erasure(type), types.erasure(target.asType()));
  }

  /** The parameterization of {@code qualifiedName} among the supertypes of {@code type}. */
  private DeclaredType supertype(TypeMirror type, String qualifiedName) {
    TypeElement target = elements.getTypeElement(qualifiedName);
    if (target == null || !types.isAssignable(types.erasure(type), types.erasure(target.asType()))) {
      return null;
    }
    return find(type, target);
  }

  private DeclaredType find(TypeMirror type, TypeElement target) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    if (types.isSameType(types.erasure(type), types.erasure(target.asType()))) {
      return (DeclaredType) type;
    }
    for (TypeMirror parent : types.directSupertypes(type)) {
      DeclaredType found = find(parent, target);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static boolean isString(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.String");
  }

  private static List<Object> constants(TypeElement enumType) {
    List<Object> names = new ArrayList<>();
    for (Element e : enumType.getEnclosedElements()) {
      if (e.getKind() == ElementKind.ENUM_CONSTANT) {
        names.add(e.getSimpleName().toString());
      }
    }
    return names;
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
  private String jsonName(TypeElement record, RecordComponentElement component) {
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
