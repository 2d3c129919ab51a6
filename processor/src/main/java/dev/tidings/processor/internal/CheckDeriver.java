package dev.tidings.processor.internal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Derives the {@code RecordCheck} of a record from its derived JSON Schema and its Java types: a
 * method {@code static boolean check(Record v)} and one private helper per nested record, which
 * test each component against the keywords of its schema, as the JSON Schema validator would test
 * the JSON that Jackson writes.
 *
 * <p>The check is one-sided: it returns {@code true} only for a record whose JSON the schema
 * accepts, and {@code false} for any other record and for what it does not judge (see {@link
 * LeafChecks}). Where it cannot even be conservative, no check is generated ({@link
 * Result#missing}): when Jackson may write the record otherwise than the schema assumes ({@link
 * JacksonDefaults}), when a record it must name is not visible from the generated class, or when a
 * schema has a keyword it does not model.
 *
 * <p>Tests follow the schema: {@code null} passes where the schema allows {@code null} (an {@code
 * Optional}, a {@code @Nullable} value), an empty {@code Optional} too since Jackson writes it as
 * {@code null}; items, map values and nested records are tested like components; {@code
 * uniqueItems} is tested by {@code equals} for items whose JSON is equal exactly when they are, and
 * otherwise holds only for sets of at most one item. Collections and maps must be of {@code
 * java.util} classes, which Jackson writes as such (another class may carry Jackson annotations).
 * Objects are closed ({@code additionalProperties: false}), which a record meets by itself: Jackson
 * writes its components and nothing else (a getter it would write besides them is an error of
 * {@link SchemaDeriver}, and any Jackson annotation means no check).
 */
final class CheckDeriver {
  /** The generated check's parameter, in every method. */
  private static final String VALUE = "v";

  private static final Set<String> OBJECT_KEYWORDS = Set.of("type", "properties", "required", "additionalProperties");
  private static final Set<String> ROOT_KEYWORDS =
      Set.of("$schema", "title", "$defs", "type", "properties", "required", "additionalProperties");

  /** Why no check can be generated; thrown from anywhere in a derivation, caught at its start. */
  static final class NoCheck extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoCheck(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The members of the generated check; or, when {@code missing} is set, why there is none. */
  record Result(List<FieldSpec> fields, List<MethodSpec> methods, String missing) {
    static Result none(String why) {
      return new Result(List.of(), List.of(), why);
    }
  }

  private final Elements elements;
  private final TypeShapes shapes;
  private final JacksonDefaults jackson;

  CheckDeriver(Elements elements, Types types) {
    this.elements = elements;
    this.shapes = new TypeShapes(elements, types);
    this.jackson = new JacksonDefaults(elements);
  }

  /** The check of {@code root}, whose derived JSON Schema is {@code document}. */
  Result derive(TypeElement root, Map<String, Object> document) {
    try {
      return new Run(root, document).run();
    } catch (NoCheck e) {
      return Result.none(e.getMessage());
    }
  }

  /** One derivation: the root method, then a helper for each record reached, breadth first. */
  private final class Run {
    private final TypeElement root;
    private final Map<String, Object> document;
    private final PackageElement pkg;
    private final CheckConstants constants = new CheckConstants();
    private final LeafChecks leaves = new LeafChecks(constants);
    /** Helper method name by record qualified name; the root's is {@code check}. */
    private final Map<String, String> helpers = new HashMap<>();
    private final Set<String> methodNames = new HashSet<>();
    private final Deque<Helper> pending = new ArrayDeque<>();
    private boolean deprecated;

    Run(TypeElement root, Map<String, Object> document) {
      this.root = root;
      this.document = document;
      this.pkg = Generation.packageOf(root);
    }

    Result run() {
      helpers.put(root.getQualifiedName().toString(), "check");
      methodNames.add("check");
      methodNames.add(CheckConstants.URI_REFERENCE);
      methodNames.add(CheckConstants.JDK_CLASS);
      List<MethodSpec.Builder> methods = new ArrayList<>();
      methods.add(method(root, document, "check", ROOT_KEYWORDS, root.getSimpleName().toString())
          .addJavadoc("Whether {@code v} certainly satisfies {@link #JSON_SCHEMA}, as Jackson writes it;\n"
              + "{@code false} when it does not, or when this check cannot tell (the JSON Schema validator\n"
              + "then decides).\n"));
      while (!pending.isEmpty()) {
        Helper helper = pending.removeFirst();
        methods.add(method(helper.record, helper.schema, helper.name, OBJECT_KEYWORDS, helper.path)
            .addModifiers(Modifier.PRIVATE)
            .addJavadoc("The check of {@link $T}, at {@code $L} in the schema.\n", ClassName.get(helper.record),
                helper.ref));
      }
      List<MethodSpec> built = new ArrayList<>();
      for (MethodSpec.Builder method : methods) {
        if (deprecated) {
          method.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "{$S, $S}", "deprecation", "removal").build());
        }
        built.add(method.build());
      }
      built.addAll(constants.methods());
      return new Result(constants.fields(), built, null);
    }

    /** A check method: {@code static boolean name(Record v)} testing each component. */
    private MethodSpec.Builder method(
        TypeElement record, Map<String, Object> schema, String name, Set<String> keywords, String path) {
      String problem = jackson.recordProblem(record);
      if (problem != null) {
        throw new NoCheck(problem);
      }
      if (!visible(record)) {
        throw new NoCheck(record.getQualifiedName() + " is not visible from package " + pkg.getQualifiedName());
      }
      deprecated |= elements.isDeprecated(record);
      Keywords.only(schema, keywords, path);
      Keywords.expect(schema, "type", "object", path);
      Keywords.expect(schema, "additionalProperties", false, path);
      Map<String, Object> properties = Keywords.map(schema.get("properties"), "properties");
      if (properties.size() != record.getRecordComponents().size()) {
        throw new NoCheck("two components of " + record.getSimpleName() + " have the same JSON name");
      }
      CheckBlock body = CheckBlock.method(VALUE);
      body.name("java"); // never a local: it would hide the package in qualified names
      if (name.equals("check")) {
        body.failIf("$L == null", VALUE);
      }
      for (RecordComponentElement component : record.getRecordComponents()) {
        String json = SchemaDeriver.jsonName(record, component);
        Object property = properties.get(json);
        if (property == null) {
          throw new NoCheck("the schema of " + record.getSimpleName() + " has no property " + json);
        }
        deprecated |= elements.isDeprecated(component) || elements.isDeprecated(component.getAccessor());
        String local = body.name(component.getSimpleName().toString());
        CheckBlock tests = body.child();
        value(component.asType(), Keywords.map(property, json), local, true, tests, path + "." + json);
        if (tests.isEmpty()) {
          body.release(local);
        } else {
          body.declare(local, "$L.$N()", VALUE, component.getAccessor().getSimpleName().toString());
          body.append(tests);
        }
      }
      return MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.STATIC)
          .returns(boolean.class)
          .addParameter(ClassName.get(record), VALUE)
          .addCode(body.body());
    }

    /**
     * Tests {@code x}, a value of {@code type}, against {@code schema}.
     *
     * @param mayBeNull whether {@code x} can be {@code null} (not the value of an {@code Optional})
     */
    private void value(
        TypeMirror type, Map<String, Object> schema, String x, boolean mayBeNull, CheckBlock out, String path) {
      TypeShapes.Shape shape = shapes.classify(type);
      if (shape.kind == TypeShapes.Kind.ANY) {
        Keywords.only(schema, Set.of(), path);
        return; // any JSON, null included
      }
      Keywords.Nullable nullable = Keywords.nullable(schema);
      if (mayBeNull && !type.getKind().isPrimitive()) {
        if (nullable.allowsNull() && shape.kind == TypeShapes.Kind.OPTIONAL) {
          optional(shape, type, nullable.schema(), x, true, out, path);
          return;
        }
        if (nullable.allowsNull()) {
          CheckBlock present = out.child();
          present(shape, type, nullable.schema(), x, present, path);
          out.wrap(present, "if ($L != null)", x);
          return;
        }
        out.failIf("$L == null", x);
      }
      present(shape, type, nullable.schema(), x, out, path);
    }

    /** Tests {@code x}, which is not {@code null}. */
    private void present(
        TypeShapes.Shape shape, TypeMirror type, Map<String, Object> schema, String x, CheckBlock out, String path) {
      switch (shape.kind) {
        case LEAF -> leaves.emit(type, schema, x, path, out);
        case OPTIONAL -> optional(shape, type, schema, x, false, out, path);
        case ARRAY -> array(shape, type, schema, x, out, path);
        case MAP -> map(shape, type, schema, x, out, path);
        case ENUM -> enumeration(shape.element, schema, path);
        case RECORD -> {
          Keywords.only(schema, Set.of("$ref"), path);
          if (!(schema.get("$ref") instanceof String ref)) {
            throw new NoCheck("the schema of " + path + " has no $ref");
          }
          out.failIf("!$L($L)", helper(shape.element, ref, path), x);
        }
        default -> throw new NoCheck(path + " has no JSON Schema mapping");
      }
    }

    /**
     * An {@code Optional}: Jackson writes an empty one as {@code null}, which the schema allows.
     *
     * @param mayBeNull whether {@code x} itself may be {@code null} (also written as {@code null})
     */
    private void optional(
        TypeShapes.Shape shape, TypeMirror type, Map<String, Object> schema, String x, boolean mayBeNull,
        CheckBlock out, String path) {
      String getter = switch (qualifiedName(type)) {
        case "java.util.OptionalInt" -> "getAsInt";
        case "java.util.OptionalLong" -> "getAsLong";
        case "java.util.OptionalDouble" -> "getAsDouble";
        default -> "get";
      };
      String inner = out.name(x + "Value");
      CheckBlock tests = out.child();
      value(shape.inner, schema, inner, false, tests, path);
      if (tests.isEmpty()) {
        out.release(inner);
        return;
      }
      CheckBlock present = out.child();
      present.declare(inner, "$L.$L()", x, getter);
      present.append(tests);
      if (mayBeNull) {
        out.wrap(present, "if ($L != null && $L.isPresent())", x, x);
      } else {
        out.wrap(present, "if ($L.isPresent())", x);
      }
    }

    private void array(
        TypeShapes.Shape shape, TypeMirror type, Map<String, Object> schema, String x, CheckBlock out, String path) {
      Keywords.only(schema, Set.of("type", "items", "minItems", "maxItems", "uniqueItems"), path);
      Keywords.expect(schema, "type", "array", path);
      boolean isArray = type.getKind() == TypeKind.ARRAY;
      if (!isArray) {
        requireJdk(type, path);
      }
      if (!isArray) {
        out.failIf("!$L($L)", constants.jdkClass(), x);
      }
      String size = x + (isArray ? ".length" : ".size()");
      long min = Keywords.count(schema, "minItems");
      long max = Keywords.count(schema, "maxItems");
      if (min > 0) {
        out.failIf("$L < $L", size, min);
      }
      if (max >= 0) {
        out.failIf("$L > $L", size, max);
      }
      if (Boolean.TRUE.equals(schema.get("uniqueItems"))) {
        if (isArray) {
          throw new NoCheck(path + " is an array with unique items");
        }
        if (equalsIsJsonEquality(shape.inner)) {
          out.failIf("$L > 1 && new $T<>($L).size() != $L", size, HashSet.class, x, size);
        } else {
          out.failIf("$L > 1", size); // equal JSON from unequal values (1.0 and 1.00): not judged
        }
      }
      String item = out.name("item");
      CheckBlock tests = out.child();
      value(shape.inner, Keywords.map(schema.get("items"), "items"), item, true, tests, path + "[]");
      if (tests.isEmpty()) {
        out.release(item);
      }
      out.wrap(tests, "for (var $L : $L)", item, x);
    }

    private void map(
        TypeShapes.Shape shape, TypeMirror type, Map<String, Object> schema, String x, CheckBlock out, String path) {
      Keywords.only(schema,
          Set.of("type", "propertyNames", "additionalProperties", "minProperties", "maxProperties"), path);
      Keywords.expect(schema, "type", "object", path);
      requireJdk(type, path);
      out.failIf("!$L($L)", constants.jdkClass(), x);
      TypeShapes.Shape key = shapes.classify(shape.key);
      if (key.kind == TypeShapes.Kind.ENUM) {
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("enum", TypeShapes.constants(key.element));
        Keywords.expect(schema, "propertyNames", names, path);
        String problem = jackson.enumProblem(key.element);
        if (problem != null) {
          throw new NoCheck(problem);
        }
      } else if (!TypeShapes.isString(shape.key) || schema.containsKey("propertyNames")) {
        throw new NoCheck(path + " has keys the check does not model");
      }
      String entry = out.name("entry");
      String entryValue = out.name("entryValue");
      CheckBlock tests = out.child();
      tests.failIf("$L.getKey() == null", entry); // Jackson cannot write a null key
      CheckBlock valueTests = tests.child();
      value(shape.inner, Keywords.map(schema.get("additionalProperties"), "additionalProperties"),
          entryValue, true, valueTests, path + "{}");
      if (valueTests.isEmpty()) {
        out.release(entryValue);
      } else {
        tests.declare(entryValue, "$L.getValue()", entry);
        tests.append(valueTests);
      }
      out.wrap(tests, "for (var $L : $L.entrySet())", entry, x);
      long min = Keywords.count(schema, "minProperties");
      long max = Keywords.count(schema, "maxProperties");
      if (min > 0 || max >= 0) {
        // Keys equal by equals are one JSON property (an IdentityHashMap may hold both).
        String count = out.name("properties");
        if (key.kind == TypeShapes.Kind.ENUM) {
          out.declare(count, "$L.size()", x);
        } else {
          out.declare(count, "new $T<>($L.keySet()).size()", HashSet.class, x);
        }
        if (min > 0) {
          out.failIf("$L < $L", count, min);
        }
        if (max >= 0) {
          out.failIf("$L > $L", count, max);
        }
      }
    }

    /** An enum constant: always one of the names, unless Jackson writes it otherwise. */
    private void enumeration(TypeElement type, Map<String, Object> schema, String path) {
      Keywords.only(schema, Set.of("type", "enum"), path);
      Keywords.expect(schema, "type", "string", path);
      Keywords.expect(schema, "enum", TypeShapes.constants(type), path);
      String problem = jackson.enumProblem(type);
      if (problem != null) {
        throw new NoCheck(problem);
      }
    }

    /** The name of the helper that checks {@code record}, scheduling it on first use. */
    private String helper(TypeElement record, String ref, String path) {
      String qualified = record.getQualifiedName().toString();
      String known = helpers.get(qualified);
      if (known != null) {
        return known;
      }
      String prefix = "#/$defs/";
      if (!ref.startsWith(prefix)) {
        throw new NoCheck("the schema of " + path + " refers to " + ref + ", not to a definition");
      }
      String defName = ref.substring(prefix.length()).replace("~1", "/").replace("~0", "~");
      Map<String, Object> defs = Keywords.map(document.get("$defs"), "$defs");
      Map<String, Object> schema = Keywords.map(defs.get(defName), ref);
      String name = methodName(record);
      helpers.put(qualified, name);
      pending.add(new Helper(record, schema, name, ref, record.getSimpleName().toString()));
      return name;
    }

    /** {@code checkLine}; {@code checkOrder_Line} when two records share the simple name. */
    private String methodName(TypeElement record) {
      String name = "check" + record.getSimpleName();
      if (methodNames.add(name)) {
        return name;
      }
      List<String> chain = new ArrayList<>();
      for (Element e = record; e instanceof TypeElement t; e = e.getEnclosingElement()) {
        chain.add(0, t.getSimpleName().toString());
      }
      String base = "check" + String.join("_", chain);
      name = base;
      for (int i = 2; !methodNames.add(name); i++) {
        name = base + i;
      }
      return name;
    }

    /** Whether the generated class, in the root's package, can name {@code type}. */
    private boolean visible(TypeElement type) {
      boolean samePackage = Generation.packageOf(type).equals(pkg);
      for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
        if (t.getModifiers().contains(Modifier.PRIVATE)
            || t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS
            || (!t.getModifiers().contains(Modifier.PUBLIC) && !samePackage)) {
          return false;
        }
      }
      return true;
    }

    /** Items whose JSON is equal exactly when they are equal by {@code equals}. */
    private boolean equalsIsJsonEquality(TypeMirror item) {
      TypeShapes.Shape shape = shapes.classify(item);
      return shape.kind == TypeShapes.Kind.ENUM
          || (shape.kind == TypeShapes.Kind.LEAF && LeafChecks.equalsIsJsonEquality(item));
    }

    /** A collection or map type of the JDK, which Jackson writes as an array or an object. */
    private void requireJdk(TypeMirror type, String path) {
      String name = qualifiedName(type);
      if (!name.startsWith("java.util.")) {
        throw new NoCheck(path + " is a " + name + ", whose Jackson annotations the check does not read");
      }
    }
  }

  private static String qualifiedName(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString()
        : type.toString();
  }

  /** A nested record still to check: its schema in {@code $defs} and its helper's name. */
  private record Helper(TypeElement record, Map<String, Object> schema, String name, String ref, String path) {}
}
