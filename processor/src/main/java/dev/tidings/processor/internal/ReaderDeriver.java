package dev.tidings.processor.internal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Derives {@code <Record>_Reader}, the streaming reader of a record whose schema has a generated
 * check: one {@code static} method per record and enum reached, reading the current JSON value
 * with the strict readers of {@code ReaderSupport}, so that a record comes out only when the JSON
 * held exactly its values as Jackson writes them. Unknown, duplicate or missing required
 * properties, {@code null} where the schema allows none, and any token Jackson would coerce end the
 * reading as "not sure".
 *
 * <p>The reader builds records with their canonical constructor, as Jackson does, and is "not sure"
 * when an accessor of the record built does not return the very value read (a constructor or an
 * accessor that normalizes): then Jackson would write other JSON than what was read. It is derived
 * only when nothing makes Jackson's binding differ from that: no record in the graph declares a
 * constructor besides the canonical one, no Jackson annotation changes reading ({@code
 * @JsonCreator}, {@code @JsonAlias}, ...), and every type is one the strict readers know (see
 * {@link Run#value}). Otherwise there is no reader ({@link Result#missing}) and the consume path
 * keeps the exact route without it.
 */
final class ReaderDeriver {
  private static final ClassName SUPPORT = ClassName.bestGuess(Names.READER_SUPPORT);
  private static final ClassName RECORD_READER = ClassName.bestGuess(Names.RECORD_READER);
  private static final ClassName PARSER = ClassName.bestGuess(Names.JSON_PARSER);
  private static final ClassName TOKEN = ClassName.bestGuess(Names.JSON_TOKEN);
  private static final String P = "p";
  private static final int MAX_COMPONENTS = 64;
  /** Jackson annotations that change how a record or an enum is read (not written). */
  private static final Set<String> READING = Set.of(
      "com.fasterxml.jackson.annotation.JsonCreator",
      "com.fasterxml.jackson.annotation.JsonAlias",
      "com.fasterxml.jackson.annotation.JsonIgnoreProperties",
      "com.fasterxml.jackson.annotation.JsonEnumDefaultValue",
      "com.fasterxml.jackson.annotation.JsonSetter",
      "com.fasterxml.jackson.annotation.JsonMerge",
      "com.fasterxml.jackson.annotation.JacksonInject");

  /** Why no reader can be generated; thrown anywhere in a derivation, caught at its start. */
  static final class NoReader extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoReader(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The reader class to write, or why there is none ({@code missing}). */
  record Result(TypeSpec type, String missing) {}

  private final Elements elements;
  private final Types types;
  private final TypeShapes shapes;

  ReaderDeriver(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.shapes = new TypeShapes(elements, types);
  }

  /** The reader of {@code root}, whose derived JSON Schema is {@code document}, named {@code name}. */
  Result derive(TypeElement root, Map<String, Object> document, ClassName name) {
    try {
      return new Result(new Run(root, document, name).run(), null);
    } catch (NoReader | CheckDeriver.NoCheck e) {
      return new Result(null, e.getMessage());
    }
  }

  private final class Run {
    private final TypeElement root;
    private final Map<String, Object> document;
    private final ClassName name;
    private final PackageElement pkg;
    private final Map<String, String> methodsByType = new HashMap<>();
    private final Set<String> methodNames = new HashSet<>();
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final List<MethodSpec> methods = new ArrayList<>();
    private int items;

    Run(TypeElement root, Map<String, Object> document, ClassName name) {
      this.root = root;
      this.document = document;
      this.name = name;
      this.pkg = Generation.packageOf(root);
    }

    TypeSpec run() {
      String rootMethod = record(root, document);
      while (!pending.isEmpty()) {
        pending.removeFirst().run();
      }
      ClassName type = ClassName.get(root);
      MethodSpec read = MethodSpec.methodBuilder("read")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(type)
          .addParameter(PARSER, P)
          .addException(IOException.class)
          .addStatement("return $N($N)", rootMethod, P)
          .build();
      methods.sort((a, b) -> a.name().compareTo(b.name()));
      return TypeSpec.classBuilder(name)
          .addOriginatingElement(root)
          .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
          .addSuperinterface(ParameterizedTypeName.get(RECORD_READER, type))
          .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "{$S, $S}", "deprecation", "removal").build())
          .addJavadoc("Reads the JSON of {@link $T} as the schema's check judges it; see {@code $L}.\n",
              type, Names.RECORD_READER)
          .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build())
          .addMethod(read)
          .addMethods(methods)
          .build();
    }

    /** The method reading {@code record} (scheduled on first use), whose object schema is {@code schema}. */
    private String record(TypeElement record, Map<String, Object> schema) {
      String qualified = record.getQualifiedName().toString();
      String known = methodsByType.get(qualified);
      if (known != null) {
        return known;
      }
      readable(record);
      String method = methodName("read" + record.getSimpleName());
      methodsByType.put(qualified, method);
      pending.add(() -> methods.add(recordMethod(record, schema, method)));
      return method;
    }

    private MethodSpec recordMethod(TypeElement record, Map<String, Object> schema, String method) {
      List<? extends RecordComponentElement> components = record.getRecordComponents();
      if (components.size() > MAX_COMPONENTS) {
        throw new NoReader(record.getSimpleName() + " has more than " + MAX_COMPONENTS + " components");
      }
      Map<String, Object> properties = Keywords.map(schema.get("properties"), "properties");
      List<?> required = schema.get("required") instanceof List<?> list ? list : List.of();
      CodeBlock.Builder body = CodeBlock.builder()
          .addStatement("$T.expect($N, $T.START_OBJECT)", SUPPORT, P, TOKEN);
      CodeBlock.Builder cases = CodeBlock.builder();
      CodeBlock.Builder args = CodeBlock.builder();
      CodeBlock.Builder same = CodeBlock.builder();
      long requiredBits = 0;
      for (int i = 0; i < components.size(); i++) {
        RecordComponentElement component = components.get(i);
        String json = SchemaDeriver.jsonName(record, component);
        Map<String, Object> property = Keywords.map(properties.get(json), json);
        TypeMirror type = component.asType();
        String local = "v" + i;
        long bit = 1L << i;
        if (required.contains(json)) {
          requiredBits |= bit;
        }
        Keywords.Nullable nullable = Keywords.nullable(property);
        TypeShapes.Shape shape = shapes.classify(type);
        CodeBlock read = value(type, nullable.schema(), record.getSimpleName() + "." + json);
        if (nullable.allowsNull() && !type.getKind().isPrimitive()) {
          read = CodeBlock.of("$T.isNull($N) ? $L : $L", SUPPORT, P, empty(shape), read);
        }
        body.addStatement("$T $N = $L", TypeName.get(type).withoutAnnotations(), local, initial(type, shape));
        cases.add("case $S:\n", json).indent()
            .addStatement("seen = $T.first(seen, $LL)", SUPPORT, bit)
            .addStatement("$N = $L", local, read)
            .addStatement("break").unindent();
        args.add(i == 0 ? "$N" : ", $N", local);
        same.add(i == 0 ? "r.$N() != $N" : "\n    || r.$N() != $N", component.getAccessor().getSimpleName().toString(),
            local);
      }
      body.addStatement("long seen = 0L")
          .addStatement("$T name", String.class)
          .beginControlFlow("while ((name = $N.nextFieldName()) != null)", P)
          .addStatement("$N.nextToken()", P)
          .beginControlFlow("switch (name)")
          .add(cases.build())
          .add("default:\n").indent()
          .addStatement("throw $T.notSure()", SUPPORT).unindent()
          .endControlFlow()
          .endControlFlow()
          .addStatement("$T.expect($N, $T.END_OBJECT)", SUPPORT, P, TOKEN)
          .addStatement("$T.required(seen, $LL)", SUPPORT, requiredBits)
          .addStatement("$T r = new $T($L)", ClassName.get(record), ClassName.get(record), args.build());
      if (!components.isEmpty()) {
        // A constructor or accessor that changes a value: Jackson would write another value than read.
        body.beginControlFlow("if ($L)", same.build())
            .addStatement("throw $T.notSure()", SUPPORT)
            .endControlFlow();
      }
      body.addStatement("return r");
      return MethodSpec.methodBuilder(method)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(ClassName.get(record))
          .addParameter(PARSER, P)
          .addException(IOException.class)
          .addCode(body.build())
          .build();
    }

    /** An expression reading a present (not {@code null}) value of {@code type}. */
    private CodeBlock value(TypeMirror type, Map<String, Object> schema, String path) {
      TypeShapes.Shape shape = shapes.classify(type);
      switch (shape.kind) {
        case LEAF:
          return leaf(type, path);
        case ENUM:
          return CodeBlock.of("$N($N)", enumeration(shape.element), P);
        case RECORD: {
          if (!(schema.get("$ref") instanceof String ref) || !ref.startsWith("#")) {
            throw new NoReader("the schema of " + path + " has no $ref");
          }
          return CodeBlock.of("$N($N)", record(shape.element, definition(ref, path)), P);
        }
        case OPTIONAL: {
          if (!qualifiedName(type).equals("java.util.Optional")) {
            throw new NoReader(path + " is a " + qualifiedName(type) + ", which the reader does not read");
          }
          return CodeBlock.of("$T.of($L)", java.util.Optional.class, value(shape.inner, schema, path));
        }
        case ARRAY: {
          String container = qualifiedName(type);
          String helper = switch (container) {
            case "java.util.List", "java.util.Collection" -> "list";
            case "java.util.Set" -> "set";
            default -> throw new NoReader(path + " is a " + container + ", which the reader does not read");
          };
          return CodeBlock.of("$T.$N($N, $T::$N)", SUPPORT, helper, P, name,
              item(shape.inner, Keywords.map(schema.get("items"), "items"), path + "[]"));
        }
        case MAP: {
          if (!qualifiedName(type).equals("java.util.Map") || !TypeShapes.isString(shape.key)) {
            throw new NoReader(path + " is a map the reader does not read (only Map<String, V>)");
          }
          return CodeBlock.of("$T.map($N, $T::$N)", SUPPORT, P, name,
              item(shape.inner, Keywords.map(schema.get("additionalProperties"), "additionalProperties"),
                  path + "{}"));
        }
        default:
          throw new NoReader(path + " is of a kind the reader does not read");
      }
    }

    private CodeBlock leaf(TypeMirror type, String path) {
      String helper = switch (type.getKind()) {
        case BOOLEAN -> "bool";
        case INT -> "intValue";
        case LONG -> "longValue";
        case DOUBLE -> "doubleValue";
        case DECLARED -> switch (qualifiedName(type)) {
          case "java.lang.String" -> "string";
          case "java.lang.Boolean" -> "bool";
          case "java.lang.Integer" -> "intValue";
          case "java.lang.Long" -> "longValue";
          case "java.lang.Double" -> "doubleValue";
          case "java.time.Instant" -> "instant";
          case "java.time.LocalDate" -> "localDate";
          case "java.util.UUID" -> "uuid";
          default -> null;
        };
        default -> null;
      };
      if (helper == null) {
        throw new NoReader(path + " is a " + type + ", which the reader does not read");
      }
      return CodeBlock.of("$T.$N($N)", SUPPORT, helper, P);
    }

    /** A method reading one item of a collection or map value (never {@code null}). */
    private String item(TypeMirror type, Map<String, Object> schema, String path) {
      if (type.getKind().isPrimitive() || type.getKind() != TypeKind.DECLARED) {
        throw new NoReader(path + " has items of a type the reader does not read");
      }
      if (Keywords.nullable(schema).allowsNull()) {
        throw new NoReader(path + " may hold null items");
      }
      String method = methodName("item" + (++items));
      CodeBlock read = value(type, schema, path);
      methods.add(MethodSpec.methodBuilder(method)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(TypeName.get(type).withoutAnnotations())
          .addParameter(PARSER, P)
          .addException(IOException.class)
          .addStatement("return $L", read)
          .build());
      return method;
    }

    /** The method reading a constant of {@code type} by its exact name. */
    private String enumeration(TypeElement type) {
      String qualified = type.getQualifiedName().toString();
      String known = methodsByType.get(qualified);
      if (known != null) {
        return known;
      }
      readable(type);
      String method = methodName("read" + type.getSimpleName());
      methodsByType.put(qualified, method);
      CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch ($T.string($N))", SUPPORT, P);
      for (Object constant : TypeShapes.constants(type)) {
        body.add("case $S:\n", constant).indent().addStatement("return $T.$N", ClassName.get(type), constant.toString()).unindent();
      }
      body.add("default:\n").indent().addStatement("throw $T.notSure()", SUPPORT).unindent().endControlFlow();
      methods.add(MethodSpec.methodBuilder(method)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(ClassName.get(type))
          .addParameter(PARSER, P)
          .addException(IOException.class)
          .addCode(body.build())
          .build());
      return method;
    }

    private Map<String, Object> definition(String ref, String path) {
      if (ref.equals("#")) {
        return document;
      }
      String prefix = "#/$defs/";
      if (!ref.startsWith(prefix)) {
        throw new NoReader("the schema of " + path + " refers to " + ref + ", not to a definition");
      }
      String defName = ref.substring(prefix.length()).replace("~1", "/").replace("~0", "~");
      return Keywords.map(Keywords.map(document.get("$defs"), "$defs").get(defName), ref);
    }

    /**
     * Throws {@link NoReader} when Jackson may bind {@code type} otherwise than the reader does: a
     * declared constructor or accessor, a Jackson annotation that changes reading, or a type the
     * generated class cannot name.
     */
    private void readable(TypeElement type) {
      if (!visible(type)) {
        throw new NoReader(type.getQualifiedName() + " is not visible from package " + pkg.getQualifiedName());
      }
      if (type.getKind() == ElementKind.RECORD) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
          if (elements.getOrigin(constructor) == Elements.Origin.EXPLICIT && !canonical(type, constructor)) {
            throw new NoReader(type.getSimpleName() + " declares a constructor besides the canonical one,"
                + " which Jackson may bind with");
          }
        }
      }
      String annotation = readingAnnotation(type);
      if (annotation != null) {
        throw new NoReader("@" + annotation + " in " + type.getSimpleName() + " changes how Jackson reads it");
      }
    }

    private String readingAnnotation(Element element) {
      for (var mirror : element.getAnnotationMirrors()) {
        if (READING.contains(Annotations.qualifiedName(mirror))) {
          return Annotations.simpleName(mirror);
        }
      }
      List<Element> inner = new ArrayList<>(element.getEnclosedElements());
      if (element instanceof ExecutableElement executable) {
        inner.addAll(executable.getParameters());
      }
      for (Element e : inner) {
        if (e.getKind().isClass() || e.getKind().isInterface()) {
          continue;
        }
        String found = readingAnnotation(e);
        if (found != null) {
          return found;
        }
      }
      return null;
    }

    private boolean canonical(TypeElement record, ExecutableElement constructor) {
      List<? extends RecordComponentElement> components = record.getRecordComponents();
      if (constructor.getParameters().size() != components.size()) {
        return false;
      }
      for (int i = 0; i < components.size(); i++) {
        if (!types.isSameType(types.erasure(constructor.getParameters().get(i).asType()),
            types.erasure(components.get(i).asType()))) {
          return false;
        }
      }
      return true;
    }

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

    private String methodName(String base) {
      String candidate = base;
      for (int i = 2; !methodNames.add(candidate); i++) {
        candidate = base + i;
      }
      return candidate;
    }
  }

  /** The value of a component that is absent or {@code null}. */
  private static CodeBlock empty(TypeShapes.Shape shape) {
    return shape.kind == TypeShapes.Kind.OPTIONAL
        ? CodeBlock.of("$T.empty()", java.util.Optional.class)
        : CodeBlock.of("null");
  }

  /** What a component's local holds before its property is read (also its value when absent). */
  private static CodeBlock initial(TypeMirror type, TypeShapes.Shape shape) {
    return switch (type.getKind()) {
      case BOOLEAN -> CodeBlock.of("false");
      case INT -> CodeBlock.of("0");
      case LONG -> CodeBlock.of("0L");
      case DOUBLE -> CodeBlock.of("0.0");
      default -> type.getKind().isPrimitive() ? CodeBlock.of("0") : empty(shape);
    };
  }

  private static String qualifiedName(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString()
        : type.toString();
  }
}
