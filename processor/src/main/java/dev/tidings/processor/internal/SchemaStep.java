package dev.tidings.processor.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Validates each {@code @Schema} record, models it (deriving its JSON Schema and its check, or
 * loading the hand-written schema) and hands it to {@link SchemaGenerator}. A record whose component
 * types are not resolved yet waits for the next round.
 */
final class SchemaStep {
  /** Largest retention in seconds whose milliseconds still fit in a long. */
  static final long MAX_RETENTION_SECONDS = Long.MAX_VALUE / 1000;

  private final Elements elements;
  private final Filer filer;
  private final Diagnostics diagnostics;
  private final SchemaDeriver deriver;
  private final CheckDeriver checks;
  private final ReaderDeriver readers;
  private final SchemaGenerator generator;
  /** {@code id:version} to the record that claimed it, across rounds. */
  private final Map<String, String> claimed = new HashMap<>();
  /** Records waiting for a type, by qualified name, with the type they wait for. */
  private final Deferrals deferrals;

  SchemaStep(
      Elements elements, Filer filer, Diagnostics diagnostics, SchemaDeriver deriver, CheckDeriver checks,
      ReaderDeriver readers, SchemaGenerator generator) {
    this.elements = elements;
    this.filer = filer;
    this.diagnostics = diagnostics;
    this.deferrals = new Deferrals(elements, diagnostics, "@Schema record ");
    this.deriver = deriver;
    this.checks = checks;
    this.readers = readers;
    this.generator = generator;
  }

  void process(RoundEnvironment round) {
    Map<String, TypeElement> todo = new TreeMap<>();
    TypeElement annotation = elements.getTypeElement(Names.SCHEMA);
    if (annotation != null) {
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        if (e instanceof TypeElement type) {
          todo.put(type.getQualifiedName().toString(), type);
        }
      }
    }
    deferrals.run(todo, this::processOne);
  }

  /** Reports the records that never got their types resolved; called in the last round. */
  void finish() {
    deferrals.finish();
  }

  private void processOne(TypeElement type) {
    AnnotationMirror mirror = Annotations.find(type, Names.SCHEMA).orElse(null);
    if (mirror == null) {
      return;
    }
    List<Problem> problems = new ArrayList<>();
    String name = type.getQualifiedName().toString();
    if (type.getKind() != ElementKind.RECORD) {
      problems.add(Problem.at(Message.SCHEMA_NOT_RECORD, type, mirror, null,
          name, describeKind(type), type.getSimpleName()));
      diagnostics.reportAll(problems);
      return;
    }
    String hidden = hiddenBy(type);
    if (hidden != null) {
      problems.add(Problem.at(Message.SCHEMA_VISIBILITY, type, mirror, null,
          name, hidden, Generation.generatedName(type, Names.SCHEMA_ROLE).simpleName()));
    }
    if (!type.getTypeParameters().isEmpty()) {
      problems.add(Problem.at(Message.SCHEMA_GENERIC, type, mirror, null, name,
          type.getTypeParameters().stream().map(p -> p.getSimpleName().toString())
              .collect(Collectors.joining(", "))));
    }

    AnnotationValue idValue = Annotations.explicitValue(mirror, "id");
    String id = Annotations.string(idValue, "");
    if (idValue == null || id.isEmpty()) {
      id = type.getSimpleName().toString();
    }
    String idProblem = idProblem(id);
    if (idProblem != null) {
      problems.add(Problem.at(Message.SCHEMA_ID, type, mirror, idValue, id, name, idProblem,
          type.getSimpleName()));
    }
    AnnotationValue versionValue = Annotations.value(elements, mirror, "version");
    int version = (int) Annotations.number(versionValue, 1);
    if (version < 1) {
      problems.add(Problem.at(Message.SCHEMA_VERSION, type, mirror,
          Annotations.explicitValue(mirror, "version"), id, name, version));
    }
    String key = id + ":" + version;
    AnnotationValue retentionValue = Annotations.value(elements, mirror, "retention");
    long retention = Annotations.number(retentionValue, -1);
    if (retention < -1 || retention > MAX_RETENTION_SECONDS) {
      problems.add(Problem.at(Message.SCHEMA_RETENTION, type, mirror,
          Annotations.explicitValue(mirror, "retention"), key, retention, MAX_RETENTION_SECONDS));
    }
    List<String> streams = streams(type, mirror, key, problems);

    String resource = Annotations.string(Annotations.value(elements, mirror, "resource"), "").strip();
    String json;
    CheckDeriver.Result check = null;
    ReaderDeriver.Result reader = null;
    if (resource.isEmpty()) {
      resource = null;
      SchemaDeriver.Result derived = deriver.derive(type, id);
      if (derived.unresolved() != null) {
        deferrals.defer(name, derived.unresolved());
        return; // report nothing now: the next round sees the whole record again
      }
      problems.addAll(derived.problems());
      if (derived.document() != null) {
        json = SchemaDeriver.text(derived.document());
        check = checks.derive(type, derived.document());
        if (check.missing() == null) {
          reader = readers.derive(type, derived.document(), Generation.generatedName(type, Names.READER_ROLE));
        }
      } else {
        json = null;
      }
    } else {
      if (resource.startsWith("/")) {
        resource = resource.substring(1);
      }
      json = loadResource(type, mirror, key, resource, problems);
    }

    String other = claimed.get(key);
    if (other != null && !other.equals(name) && idProblem == null && version >= 1) {
      problems.add(Problem.at(Message.SCHEMA_DUPLICATE, type, mirror, null, key, other, name));
    }

    diagnostics.reportAll(problems);
    if (problems.stream().anyMatch(Problem::isError) || json == null) {
      return;
    }
    claimed.put(key, name);
    generator.generate(new SchemaModel(type, id, version, retention, streams, json, resource,
        Generation.generatedName(type, Names.SCHEMA_ROLE), check, reader));
  }

  private static String describeKind(TypeElement type) {
    return switch (type.getKind()) {
      case CLASS -> "a class";
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation interface";
      default -> "a " + type.getKind().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** Why generated code in the same package cannot see {@code type}, or {@code null}. */
  static String hiddenBy(TypeElement type) {
    if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      return "declared inside a method";
    }
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      return "private";
    }
    for (Element e = type.getEnclosingElement(); e instanceof TypeElement outer; e = e.getEnclosingElement()) {
      if (outer.getModifiers().contains(Modifier.PRIVATE)) {
        return "nested in the private " + outer.getSimpleName();
      }
    }
    return null;
  }

  static String idProblem(String id) {
    if (id.isBlank()) {
      return "it is blank";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == ':' || c == '/' || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        return "it contains '" + (Character.isISOControl(c) ? "\\u" + Integer.toHexString(c) : c) + "'";
      }
    }
    return null;
  }

  private List<String> streams(TypeElement type, AnnotationMirror mirror, String key, List<Problem> problems) {
    AnnotationValue explicit = Annotations.explicitValue(mirror, "streams");
    List<String> streams = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (AnnotationValue value : Annotations.list(explicit)) {
      String stream = Annotations.string(value, null);
      if (stream == null) {
        continue; // not a string constant: javac reports it
      }
      String problem = Globs.streamProblem(stream);
      if (problem == null && !seen.add(stream)) {
        problem = "is listed twice";
      }
      if (problem != null) {
        problems.add(Problem.at(Message.SCHEMA_STREAMS, type, mirror, value, key, stream, problem));
      } else {
        streams.add(stream);
      }
    }
    return streams;
  }

  /** The text of a hand-written schema, or {@code null} after adding a problem. */
  private String loadResource(
      TypeElement type, AnnotationMirror mirror, String key, String resource, List<Problem> problems) {
    AnnotationValue value = Annotations.explicitValue(mirror, "resource");
    String text = read(resource);
    String problem;
    if (text == null) {
      problem = "is not on the class path, the source path or in the output directory";
    } else if (text.isBlank()) {
      problem = "is empty";
    } else {
      problem = Json.syntaxError(text);
    }
    if (problem != null) {
      problems.add(Problem.at(Message.SCHEMA_RESOURCE, type, mirror, value, key, resource, problem, resource));
      return null;
    }
    return text;
  }

  /**
   * Reads a class-path resource at compile time. Maven copies resources into the output directory
   * before compiling, so that is where it is usually found; the source and class paths are the
   * fallbacks.
   */
  private String read(String resource) {
    for (StandardLocation location :
        List.of(StandardLocation.CLASS_OUTPUT, StandardLocation.SOURCE_PATH, StandardLocation.CLASS_PATH)) {
      try {
        FileObject file = filer.getResource(location, "", resource);
        try (InputStream in = file.openInputStream()) {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          in.transferTo(bytes);
          return bytes.toString(StandardCharsets.UTF_8);
        }
      } catch (IOException | RuntimeException e) {
        // not in this location
      }
    }
    return null;
  }
}
