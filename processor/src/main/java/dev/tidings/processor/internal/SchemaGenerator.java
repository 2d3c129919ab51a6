package dev.tidings.processor.internal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes, for a {@link SchemaModel}, the JSON Schema file and the registration {@code
 * <Record>_Schema}:
 *
 * <pre>{@code
 * public final class Order_Schema implements Registration {
 *   static final String JSON_SCHEMA = "{...}";
 *   public void register(Router router) {
 *     router.schema(SchemaDefinition.builder(Order.class).id("Order").version(2)
 *         .retention(Duration.ofSeconds(604800L)).streams("orders").jsonSchema(JSON_SCHEMA)
 *         .check(Order_Schema::check).build());
 *   }
 *   static boolean check(Order v) { ... }
 * }
 * }</pre>
 *
 * The check and its helpers come from {@link CheckDeriver}; a class without one says why in its
 * javadoc.
 */
final class SchemaGenerator {
  /** Longest string literal per chunk: far below the class file's 65535-byte constant limit. */
  static final int CHUNK = 16_000;

  private static final ClassName SCHEMA_DEFINITION = ClassName.bestGuess(Names.SCHEMA_DEFINITION);

  private final Elements elements;
  private final Filer filer;
  private final Generation generation;
  private final Registrations registrations;
  private final AsyncApiWriter asyncApi;
  private final Diagnostics diagnostics;

  SchemaGenerator(
      Elements elements, Filer filer, Generation generation, Registrations registrations,
      AsyncApiWriter asyncApi, Diagnostics diagnostics) {
    this.elements = elements;
    this.filer = filer;
    this.generation = generation;
    this.registrations = registrations;
    this.asyncApi = asyncApi;
    this.diagnostics = diagnostics;
  }

  void generate(SchemaModel model) {
    String what = model.path();
    try {
      if (!model.path().equals(model.resource())) {
        FileObject file =
            filer.createResource(StandardLocation.CLASS_OUTPUT, "", model.path(), model.type());
        try (OutputStream out = file.openOutputStream()) {
          out.write(model.json().getBytes(StandardCharsets.UTF_8));
        }
      }
      what = model.generated().canonicalName();
      generation.write(model.generated(), registration(model));
      if (model.reader() != null && model.reader().type() != null) {
        what = model.reader().type().name();
        generation.write(ClassName.get(model.generated().packageName(), model.reader().type().name()),
            model.reader().type().toBuilder());
      }
      registrations.add(model.generated().canonicalName(), model.type());
      asyncApi.schema(model);
    } catch (IOException e) {
      diagnostics.report(Problem.of(Message.WRITE_FAILED, model.type(), what, model.key(), e));
    }
  }

  private TypeSpec.Builder registration(SchemaModel model) {
    ClassName record = ClassName.get(model.type());
    CodeBlock.Builder definition =
        CodeBlock.builder()
            .add("$T.builder($T.class)", SCHEMA_DEFINITION, record)
            .add("\n.id($S)", model.id())
            .add("\n.version($L)", model.version());
    if (model.retentionSeconds() >= 0) {
      definition.add("\n.retention($T.ofSeconds($LL))", Duration.class, model.retentionSeconds());
    }
    if (!model.streams().isEmpty()) {
      CodeBlock.Builder streams = CodeBlock.builder();
      for (int i = 0; i < model.streams().size(); i++) {
        streams.add(i == 0 ? "$S" : ", $S", model.streams().get(i));
      }
      definition.add("\n.streams($L)", streams.build());
    }
    definition.add("\n.jsonSchema(JSON_SCHEMA)");
    CheckDeriver.Result check = model.check();
    boolean checked = check != null && check.missing() == null;
    if (checked) {
      definition.add("\n.check($T::check)", model.generated());
    }
    boolean read = model.reader() != null && model.reader().type() != null;
    if (read) {
      definition.add("\n.reader(new $T())",
          ClassName.get(model.generated().packageName(), model.reader().type().name()));
    }
    definition.add("\n.build()");

    MethodSpec.Builder register =
        MethodSpec.methodBuilder("register")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(Generation.ROUTER, "router")
            .addStatement("router.schema($L)", definition.build());
    if (elements.isDeprecated(model.type())) {
      register.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "deprecation").build());
    }

    String source = model.resource() == null ? "derived from the record's components" : "read from " + model.resource();
    TypeSpec.Builder type = TypeSpec.classBuilder(model.generated())
        .addOriginatingElement(model.type())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(Generation.REGISTRATION)
        .addJavadoc("Registers the schema {@code $L} of {@link $T}.\n", model.key(), record);
    if (check != null && !checked) {
      type.addJavadoc("\n<p>No generated check: $L. The JSON Schema validator checks every record.\n",
          check.missing().replace("*/", "*&#47;"));
    }
    if (model.reader() != null && !read) {
      type.addJavadoc("\n<p>No generated reader: $L. Consumed records take the exact route without it.\n",
          model.reader().missing().replace("*/", "*&#47;"));
    }
    type.addField(
        FieldSpec.builder(String.class, "JSON_SCHEMA", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The JSON Schema document, $L.\n", source)
            .initializer(literal(model.json()))
            .build())
        .addMethod(
            MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Called by {@link java.util.ServiceLoader}.\n")
                .build())
        .addMethod(register.build());
    if (checked) {
      type.addFields(check.fields()).addMethods(check.methods());
    }
    return type;
  }

  /** A string expression: one literal, or a join of literals when the text is long. */
  static CodeBlock literal(String text) {
    if (text.length() <= CHUNK) {
      return CodeBlock.of("$S", text);
    }
    CodeBlock.Builder join = CodeBlock.builder().add("$T.join(\"\"", String.class);
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(start + CHUNK, text.length());
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      join.add(",\n$S", text.substring(start, end));
      start = end;
    }
    return join.add(")").build();
  }
}
