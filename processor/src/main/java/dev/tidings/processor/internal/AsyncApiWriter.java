package dev.tidings.processor.internal;

import dev.tidings.internal.asyncapi.AsyncApiDocument;
import dev.tidings.internal.asyncapi.AsyncApiInput;
import dev.tidings.internal.asyncapi.Yaml;
import dev.tidings.processor.internal.SubscribeModel.Group;
import dev.tidings.processor.internal.SubscribeModel.Handler;
import dev.tidings.processor.internal.SubscribeModel.Payload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The AsyncAPI 3.0 document of the compilation, written to {@code META-INF/tidings/asyncapi.yaml}
 * once, in the last round: the schemas and subscriptions generated in any round, described by the
 * framework's {@code AsyncApiDocument} as {@code worker asyncapi} describes the running application
 * (without {@code servers}, which are run-time settings).
 *
 * <p>A subscription's settings are those its methods give, else the runtime's defaults. A handler
 * of a {@code @Schema} record compiled elsewhere (a dependency) brings that record's schema when its
 * {@code META-INF/tidings/schemas/<id>-<version>.json} is on the class path, as it is at run time.
 * Processor options: {@code -Atidings.application.name=} and {@code -Atidings.application.version=}
 * (the document's title and version; the worker takes them from the jar's name), {@code
 * -Atidings.topicPrefix=} (default empty), {@code -Atidings.asyncapi=false} to write no document.
 */
final class AsyncApiWriter {
  static final String PATH = "META-INF/tidings/asyncapi.yaml";
  static final String NAME_OPTION = "tidings.application.name";
  static final String VERSION_OPTION = "tidings.application.version";
  static final String PREFIX_OPTION = "tidings.topicPrefix";
  static final String ENABLED_OPTION = "tidings.asyncapi";

  /** The runtime's defaults of a subscription ({@code dev.tidings.Subscription}). */
  static final String DEFAULT_FAILURE_POLICY = "RETRY";
  static final int DEFAULT_MAX_ATTEMPTS = 5;
  static final int DEFAULT_CONCURRENCY = 1;
  static final String DEFAULT_ORDERING = "PARTITION";
  static final int DEFAULT_BATCH_SIZE = 100;
  /** The worker's names when it finds none (no jar, no --application-name). */
  static final String DEFAULT_NAME = "tidings-application";
  static final String DEFAULT_VERSION = "unversioned";

  /** A subscription whose handled records are resolved to schema keys when the document is written. */
  private record Pending(Group group, Set<String> handledTypes, boolean raw, boolean requests) {}

  private final Elements elements;
  private final Filer filer;
  private final Map<String, String> options;
  /** This compilation's schemas by record (qualified name). */
  private final Map<String, AsyncApiInput.SchemaEntry> schemas = new LinkedHashMap<>();
  private final List<Pending> subscriptions = new ArrayList<>();
  private final List<Element> origins = new ArrayList<>();

  AsyncApiWriter(Elements elements, Filer filer, Map<String, String> options) {
    this.elements = elements;
    this.filer = filer;
    this.options = options;
  }

  /** A schema the compilation generated. */
  void schema(SchemaModel model) {
    String retention = model.retentionSeconds() >= 0 ? Duration.ofSeconds(model.retentionSeconds()).toString() : null;
    schemas.put(model.type().getQualifiedName().toString(), new AsyncApiInput.SchemaEntry(model.id(),
        model.version(), model.json(), elements.getBinaryName(model.type()).toString(), retention, model.streams()));
    origins.add(model.type());
  }

  /** The subscriptions of a class the compilation generated. */
  void subscriptions(SubscribeModel model) {
    for (Group group : model.subscriptions()) {
      Set<String> types = new LinkedHashSet<>();
      boolean raw = false;
      boolean requests = false;
      for (Handler handler : group.handlers()) {
        if (handler.payload() == Payload.RECORD || handler.payload() == Payload.BATCH) {
          types.add(((TypeElement) ((DeclaredType) handler.payloadType()).asElement()).getQualifiedName().toString());
        } else {
          raw = true;
        }
        requests |= handler.reply() != SubscribeModel.Reply.NONE;
      }
      subscriptions.add(new Pending(group, types, raw, requests));
    }
    origins.add(model.type());
  }

  /** Writes the document when the compilation has anything to describe and the option allows it. */
  void write(Diagnostics diagnostics) {
    String enabled = options.getOrDefault(ENABLED_OPTION, "true").strip().toLowerCase(Locale.ROOT);
    if ((schemas.isEmpty() && subscriptions.isEmpty()) || enabled.equals("false") || enabled.equals("off")) {
      return;
    }
    String text;
    try {
      text = Yaml.write(AsyncApiDocument.build(input()));
    } catch (RuntimeException e) {
      diagnostics.report(Problem.of(Message.WRITE_FAILED, origins.get(0), PATH, "the AsyncAPI document", e));
      return;
    }
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH, origins.toArray(new Element[0]));
      try (OutputStream out = file.openOutputStream()) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      diagnostics.report(Problem.of(Message.WRITE_FAILED, origins.get(0), PATH, "the AsyncAPI document", e));
    }
  }

  private AsyncApiInput input() {
    Map<String, AsyncApiInput.SchemaEntry> all = new LinkedHashMap<>(schemas);
    List<AsyncApiInput.SubscriptionEntry> entries = new ArrayList<>();
    for (Pending p : subscriptions) {
      Set<String> handled = new LinkedHashSet<>();
      for (String type : p.handledTypes()) {
        AsyncApiInput.SchemaEntry schema = all.computeIfAbsent(type, this::fromClassPath);
        if (schema != null) {
          handled.add(schema.key());
        }
      }
      Group g = p.group();
      boolean batch = g.handlers().stream().anyMatch(h -> h.payload() == Payload.BATCH);
      entries.add(new AsyncApiInput.SubscriptionEntry(g.group(), g.pattern(), null, handled, p.raw(), p.requests(),
          g.replyTo(), g.failurePolicy() != null ? g.failurePolicy() : DEFAULT_FAILURE_POLICY,
          g.maxAttempts() != null ? g.maxAttempts() : DEFAULT_MAX_ATTEMPTS,
          g.concurrency() != null ? g.concurrency() : DEFAULT_CONCURRENCY,
          g.ordering() != null ? g.ordering() : DEFAULT_ORDERING,
          batch ? (g.batchSize() != null ? g.batchSize() : DEFAULT_BATCH_SIZE) : null,
          "SHARE".equals(g.mode()), g.delivery().deadLetterStream()));
    }
    List<AsyncApiInput.SchemaEntry> described = new ArrayList<>();
    all.values().stream().filter(s -> s != null).forEach(described::add);
    return new AsyncApiInput(option(NAME_OPTION, DEFAULT_NAME), option(VERSION_OPTION, DEFAULT_VERSION),
        options.getOrDefault(PREFIX_OPTION, ""), null, null, null, described, entries);
  }

  private String option(String name, String fallback) {
    String value = options.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  /**
   * The schema of a {@code @Schema} record compiled elsewhere, from its annotation and the JSON its
   * processor wrote, or {@code null} when it is not on the class path.
   */
  private AsyncApiInput.SchemaEntry fromClassPath(String qualifiedName) {
    TypeElement type = elements.getTypeElement(qualifiedName);
    AnnotationMirror mirror = type == null ? null : Annotations.find(type, Names.SCHEMA).orElse(null);
    if (mirror == null) {
      return null;
    }
    String id = Annotations.string(Annotations.explicitValue(mirror, "id"), "");
    if (id.isEmpty()) {
      id = type.getSimpleName().toString();
    }
    int version = (int) Annotations.number(Annotations.value(elements, mirror, "version"), 1);
    long retention = Annotations.number(Annotations.value(elements, mirror, "retention"), -1);
    List<String> streams = new ArrayList<>();
    for (AnnotationValue value : Annotations.list(Annotations.explicitValue(mirror, "streams"))) {
      streams.add(Annotations.string(value, ""));
    }
    String json = read(Names.SCHEMA_DIRECTORY + id + "-" + version + ".json");
    if (json == null) {
      return null;
    }
    return new AsyncApiInput.SchemaEntry(id, version, json, elements.getBinaryName(type).toString(),
        retention >= 0 ? Duration.ofSeconds(retention).toString() : null, streams);
  }

  private String read(String resource) {
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_PATH, "", resource);
      try (InputStream in = file.openInputStream()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
