package dev.tidings.processor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Sorts component types into the shapes {@link SchemaDeriver} knows: a fixed schema (strings,
 * numbers, {@code java.time}, ...), an {@code Optional}, an array or collection, a map, an enum, a
 * record, any JSON, or unsupported (with the reason), and holds the fixed schemas themselves.
 *
 * <p>{@code LocalDateTime}, {@code LocalTime} and {@code Duration} get a {@code pattern} rather than
 * a {@code format}: RFC 3339's {@code date-time} and {@code time} require an offset and its {@code
 * duration} has no fractions or signs, while Jackson writes all three that way.
 */
final class TypeShapes {
  private final Elements elements;
  private final Types types;

  TypeShapes(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  static final String LOCAL_TIME_PATTERN = "^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?$";
  static final String LOCAL_DATE_TIME_PATTERN =
      "^[+-]?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?$";
  static final String DURATION_PATTERN =
      "^[-+]?[Pp]([-+]?[0-9]+[Dd])?([Tt]([-+]?[0-9]+[Hh])?([-+]?[0-9]+[Mm])?([-+]?[0-9]+([.,][0-9]{0,9})?[Ss])?)?$";

  /** Schemas of types that map to one fixed schema, by qualified name. */
  private static final Map<String, Supplier<Map<String, Object>>> LEAVES = leaves();

  private static Map<String, Supplier<Map<String, Object>>> leaves() {
    Map<String, Supplier<Map<String, Object>>> m = new HashMap<>();
    m.put("java.lang.String", () -> json("type", "string"));
    m.put("java.lang.Character", TypeShapes::character);
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

  /** A new schema object of the given keys and values, in that order. */
  static Map<String, Object> json(Object... keysAndValues) {
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
    if (schema.size() == 1 && schema.get("anyOf") instanceof List<?> anyOf && anyOf.contains(json("type", "null"))) {
      return schema;
    }
    return json("anyOf", List.of(schema, json("type", "null")));
  }


  enum Kind { LEAF, OPTIONAL, ARRAY, MAP, ENUM, RECORD, ANY, UNSUPPORTED, UNRESOLVED }

  /** What a type is, with what the second pass needs to build its schema. */
  static final class Shape {
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

  /** What {@code type} is. */
  Shape classify(TypeMirror type) {
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
        return Shape.leaf(TypeShapes::character);
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

  static boolean isString(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.String");
  }

  /** The constant names of an enum, in declaration order. */
  static List<Object> constants(TypeElement enumType) {
    List<Object> names = new ArrayList<>();
    for (Element e : enumType.getEnclosedElements()) {
      if (e.getKind() == ElementKind.ENUM_CONSTANT) {
        names.add(e.getSimpleName().toString());
      }
    }
    return names;
  }
}
