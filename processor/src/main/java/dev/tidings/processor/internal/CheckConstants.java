package dev.tidings.processor.internal;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.Modifier;

/**
 * The static members a generated check shares between its methods: compiled patterns, bounds too
 * large or too precise for a literal, and the helpers for URIs and collections. Each is created
 * once, in the order first asked for, so that the generated code is the same on every build.
 */
final class CheckConstants {
  static final String URI_REFERENCE = "isUriReference";
  static final String JDK_CLASS = "isJdkCollection";

  private final Map<String, String> patterns = new LinkedHashMap<>();
  private final Map<String, String> decimals = new LinkedHashMap<>();
  private final Map<String, String> integers = new LinkedHashMap<>();
  private boolean uriReference;
  private boolean jdkClass;

  /**
   * The field holding {@code regex} compiled, for {@code matcher(s).find()} as the JSON Schema
   * validator does.
   *
   * @throws CheckDeriver.NoCheck when the regex does not compile (the validator rejects the schema)
   */
  String pattern(String regex) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new CheckDeriver.NoCheck("the pattern " + regex + " does not compile: " + e.getDescription());
    }
    return patterns.computeIfAbsent(regex, r -> "PATTERN_" + patterns.size());
  }

  /** The field holding {@code value} as a {@link BigDecimal}. */
  String decimal(BigDecimal value) {
    return decimals.computeIfAbsent(value.toString(), v -> "DECIMAL_" + decimals.size());
  }

  /** The field holding {@code value} as a {@link BigInteger}. */
  String integer(BigInteger value) {
    return integers.computeIfAbsent(value.toString(), v -> "INTEGER_" + integers.size());
  }

  /** The name of the helper that judges a URI as {@code format: uri-reference}; added on first use. */
  String uriReference() {
    uriReference = true;
    return URI_REFERENCE;
  }

  /** The name of the helper that tells a collection or map of {@code java.util}; added on first use. */
  String jdkClass() {
    jdkClass = true;
    return JDK_CLASS;
  }

  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    patterns.forEach((regex, name) -> fields.add(
        FieldSpec.builder(Pattern.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.compile($S)", Pattern.class, regex)
            .build()));
    decimals.forEach((value, name) -> fields.add(
        FieldSpec.builder(BigDecimal.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T($S)", BigDecimal.class, value)
            .build()));
    integers.forEach((value, name) -> fields.add(
        FieldSpec.builder(BigInteger.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T($S)", BigInteger.class, value)
            .build()));
    return fields;
  }

  /**
   * The helpers asked for. {@code isUriReference}: RFC 3986 allows only ASCII, and no brackets in
   * the query, where {@link URI} is more lenient; {@code new URI(u.toString())} always parses back
   * to {@code u}, so these two tests are what the validator's {@code uri-reference} adds. {@code
   * isJdkCollection}: Jackson writes a collection or map by its class, which may carry Jackson
   * annotations; no class of {@code java.util} does, and no application can add one there.
   */
  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    if (uriReference) {
      methods.add(MethodSpec.methodBuilder(URI_REFERENCE)
          .addJavadoc("Whether Jackson's text of {@code uri}, its {@code toString()}, is an RFC 3986 URI-reference.\n")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(boolean.class)
          .addParameter(URI.class, "uri")
          .addStatement("String text = uri.toString()")
          .beginControlFlow("for (int i = 0; i < text.length(); i++)")
          .beginControlFlow("if (text.charAt(i) >= 127)")
          .addStatement("return false")
          .endControlFlow()
          .endControlFlow()
          .addStatement("String query = uri.getRawQuery()")
          .addStatement("return query == null || (query.indexOf('[') < 0 && query.indexOf(']') < 0)")
          .build());
    }
    if (jdkClass) {
      methods.add(MethodSpec.methodBuilder(JDK_CLASS)
          .addJavadoc("Whether Jackson writes {@code value} as any collection or map: its class is the JDK's.\n")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(boolean.class)
          .addParameter(Object.class, "value")
          .addStatement("return value.getClass().getName().startsWith($S)", "java.util.")
          .build());
    }
    return methods;
  }
}
