package dev.tidings.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.ApplicationOptions;
import dev.tidings.internal.codec.EnvelopeCodec;
import dev.tidings.internal.kafka.ClientSettings;
import dev.tidings.testkit.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.SpringVersion;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.JacksonMapperUtils;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.annotation.Validated;

/**
 * Consume throughput of Tidings side by side with its peers, in one JVM against one broker (the
 * testkit's in-process broker unless {@code --bootstrap}): a pre-filled topic of envelopes ({@code
 * {"schema":"Tick:1","data":{...}}}) read in a new consumer group by
 *
 * <ol>
 *   <li>the raw {@code KafkaConsumer} loop of {@link ConsumeComparison} (Jackson {@code readValue}
 *       into the record, {@code commitAsync} every second),
 *   <li>the default Tidings subscription of {@link ConsumeComparison} (validation on),
 *   <li>a Spring Kafka {@code @KafkaListener} in a plain Spring context ({@code
 *       ConcurrentKafkaListenerContainerFactory}, concurrency 1, ack mode BATCH, the envelope type
 *       read by {@code JacksonJsonDeserializer}, Jackson 3), no validation,
 *   <li>the same with the deprecated {@code JsonDeserializer} (Jackson 2, the Jackson of the raw loop
 *       and of Tidings), no validation,
 *   <li>the listener of 3 with its payload {@code @Validated} by a Spring {@code Validator} that checks
 *       the record with networknt against the JSON Schema Tidings uses ({@link SchemaValidator}),
 *   <li>a diagnostic: 3 with the container's {@code syncCommits} off, which separates the cost of the
 *       synchronous commit after each poll from the per-record cost.
 * </ol>
 *
 * <p>Every trial is a new group reading the whole topic, timed from the first record handled to the
 * last; the variants are interleaved in rounds, their order rotating, after a warm-up round. All
 * consumers take their settings from Tidings' {@code ClientSettings} (max.poll.records=500,
 * fetch.max.wait.ms=100, manual commits). Prints a markdown table on standard output and progress on
 * standard error.
 *
 * <p>The raw loop and the Tidings subscription are {@link ConsumeComparison}'s own methods, so both
 * tables measure the same code.
 */
public final class PeerComparison {
  static final String USAGE = """
      usage: PeerComparison [--bootstrap host:port] [--quick] [--shapes small,rich] [--rounds N]
                            [--messages N] [--out FILE]
        --bootstrap  an external cluster (default: an in-process broker from the testkit)
        --quick      a smoke run: 20,000 records per topic instead of 300,000
        --shapes     the record shapes (default: small,rich)
        --rounds     measured rounds after the warm-up round, at least 3 (default 5)
        --messages   records per topic (one topic per shape; every trial reads all of them)
        --out        also append the markdown table to FILE
      """;
  private static final int POOL = 4096;
  private static final long TIMEOUT_SECONDS = 120;

  enum Variant {
    RAW("raw KafkaConsumer + Jackson readValue + commitAsync", "no"),
    TIDINGS("Tidings subscription (defaults)", "yes: generated check (JSON Schema)"),
    SPRING("Spring @KafkaListener + JacksonJsonDeserializer (Jackson 3)", "no"),
    SPRING_JACKSON2("Spring @KafkaListener + JsonDeserializer (Jackson 2, deprecated)", "no"),
    SPRING_VALIDATED("Spring @KafkaListener + JacksonJsonDeserializer, @Validated payload", "yes: networknt, same JSON Schema"),
    /** A diagnostic, not Spring's defaults: what the synchronous commit after every poll costs. */
    SPRING_ASYNC_COMMITS("(diagnostic) Spring @KafkaListener + JacksonJsonDeserializer, syncCommits=false", "no");

    final String label;
    final String validation;

    Variant(String label, String validation) {
      this.label = label;
      this.validation = validation;
    }
  }

  private final Env env;
  private final int messages;
  /** Its raw loop and default subscription, so both tables measure the same code. */
  private final ConsumeComparison baseline;
  private final ObjectMapper mapper = new ObjectMapper();
  private int groups;

  PeerComparison(Env env, int messages) {
    this.env = env;
    this.messages = messages;
    this.baseline = new ConsumeComparison(env);
  }

  public static void main(String[] args) {
    int status;
    try {
      status = run(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      status = 2;
    }
    System.exit(status);
  }

  static int run(String[] args) {
    Integer messages = null;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--messages")) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--messages needs a value");
        }
        messages = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--only")) {
        throw new IllegalArgumentException("--only is the Harness's; PeerComparison runs one comparison");
      } else {
        rest.add(args[i]);
      }
    }
    Settings settings = Settings.parse(rest.toArray(String[]::new));
    int n = messages != null ? messages : settings.quick ? 20_000 : 300_000;
    if (n < 1_000) {
      throw new IllegalArgumentException("--messages is " + n + ": use at least 1,000");
    }
    EmbeddedKafka kafka = null;
    try {
      String bootstrap = settings.bootstrap;
      if (bootstrap == null) {
        long start = System.nanoTime();
        kafka = EmbeddedKafka.start();
        bootstrap = kafka.bootstrapServers();
        Harness.progress("in-process broker at %s, ready in %.1f s", bootstrap, (System.nanoTime() - start) / 1e9);
      }
      String section;
      try (Env env = new Env(bootstrap, settings)) {
        section = new PeerComparison(env, n).run(bootstrap, settings.bootstrap == null);
      }
      System.out.print(section);
      System.out.flush();
      if (settings.out != null) {
        Files.writeString(Path.of(settings.out), section, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
      return 0;
    } catch (Exception e) {
      System.err.println("benchmark failed: " + e);
      e.printStackTrace();
      return 1;
    } finally {
      if (kafka != null) {
        kafka.close();
      }
    }
  }

  String run(String bootstrap, boolean inProcess) throws Exception {
    long started = System.nanoTime();
    String loadAtStart = loadAverage();
    String date = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
        .format(Instant.now().atOffset(ZoneOffset.UTC));
    int rounds = env.settings.rounds(5);
    Table table = new Table("Consume throughput, Tidings and Spring Kafka (" + String.format(Locale.ROOT, "%,d", messages)
            + " records per trial, " + rounds + " rounds after a warm-up, records/s)",
        "shape", "variant", "validation", "records/s", "/ raw", "Tidings / this");
    ApplicationOptions options = env.options().build();
    EnvelopeCodec codec = PublishComparison.codec();
    for (Shape shape : env.settings.shapes) {
      String stream = "peers-" + shape.label();
      String topic = env.createTopic(stream);
      Record[] pool = shape.pool(POOL, 7);
      selfCheck(shape, codec, pool);
      try (Producer<byte[], byte[]> producer = new KafkaProducer<>(ClientSettings.producer(options))) {
        int sent = Env.warm(producer, topic, codec.encode(stream, pool[0], true));
        for (int i = sent; i < messages; i++) {
          producer.send(new ProducerRecord<>(topic, codec.encode(stream, pool[i & (POOL - 1)], true)));
        }
        producer.flush();
      }
      long stored = env.records(topic);
      if (stored != messages) {
        throw new IllegalStateException(topic + " holds " + stored + " records, expected " + messages);
      }
      Map<Variant, List<Double>> rates = new EnumMap<>(Variant.class);
      Map<Variant, List<Double>> toRaw = new EnumMap<>(Variant.class);
      Map<Variant, List<Double>> tidingsOver = new EnumMap<>(Variant.class);
      Variant[] order = Variant.values();
      for (int round = -1; round < rounds; round++) {
        Map<Variant, Double> thisRound = new EnumMap<>(Variant.class);
        for (int k = 0; k < order.length; k++) {
          Variant v = order[Math.floorMod(k + round, order.length)];
          double rate = switch (v) {
            case RAW -> baseline.raw(options, shape, topic, messages);
            case TIDINGS -> baseline.tidings(options, shape, stream, messages, false, false);
            case SPRING, SPRING_JACKSON2, SPRING_VALIDATED, SPRING_ASYNC_COMMITS -> spring(options, shape, topic, v);
          };
          thisRound.put(v, rate);
          Harness.progress("peers %s %s round %s: %,.0f records/s", shape.label(), v,
              round < 0 ? "warm-up" : String.valueOf(round + 1), rate);
        }
        if (round >= 0) {
          for (Variant v : order) {
            rates.computeIfAbsent(v, x -> new ArrayList<>()).add(thisRound.get(v));
            toRaw.computeIfAbsent(v, x -> new ArrayList<>()).add(thisRound.get(v) / thisRound.get(Variant.RAW));
            tidingsOver.computeIfAbsent(v, x -> new ArrayList<>())
                .add(thisRound.get(Variant.TIDINGS) / thisRound.get(v));
          }
        }
      }
      for (Variant v : order) {
        table.row(shape.label(), v.label, v.validation, Stats.medianSpread(rates.get(v)),
            v == Variant.RAW ? "" : Stats.ratioSpread(toRaw.get(v)),
            v == Variant.TIDINGS ? "" : Stats.ratioSpread(tidingsOver.get(v)));
      }
    }
    table.note("Run of " + date + ": " + Runtime.getRuntime().availableProcessors() + " cores, load average "
        + loadAtStart + " at start and " + loadAverage() + " at the end; JDK " + System.getProperty("java.version")
        + "; kafka-clients " + kafkaVersion() + "; Spring Framework " + SpringVersion.getVersion()
        + ", Spring Kafka " + version(KafkaListener.class) + "; Jackson " + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION
        + " and " + tools.jackson.databind.cfg.PackageVersion.VERSION + "; broker "
        + (inProcess ? "in-process (testkit), same JVM" : bootstrap) + "; " + Env.PARTITIONS + " partitions; "
        + String.format(Locale.ROOT, "%.0f", (System.nanoTime() - started) / 1e9) + " s.");
    table.note("records/s: median over rounds, ± half the range relative to it; ratios: medians of per-round"
        + " ratios. Every consumer has Tidings' consumer settings (max.poll.records=500, fetch.max.wait.ms=100,"
        + " manual commits). Raw: ConsumeComparison's loop, commitAsync of the handled offsets every 1 s."
        + " Tidings: ConsumeComparison's default subscription (concurrency 1, maxInFlight 1,000, the generated"
        + " reader and check, commits every 1 s). Spring: a plain AnnotationConfigApplicationContext per trial,"
        + " ConcurrentKafkaListenerContainerFactory with concurrency 1 and Spring's defaults otherwise (ack mode"
        + " BATCH: a synchronous commit after each poll's records), DefaultKafkaConsumerFactory with the value"
        + " deserializer of the envelope type Wire<Record> on Spring's default mappers, a listener method taking"
        + " the envelope as its payload. Validated: the same listener with a @Validated payload and a Spring"
        + " Validator registered through KafkaListenerConfigurer that checks the record (valueToTree) with"
        + " networknt against the processor's JSON Schema, the schema Tidings validates against. The diagnostic"
        + " row is the first Spring variant with the container's syncCommits off (commitAsync after each poll):"
        + " the share of Spring's figure that is its synchronous commit per poll.");
    return table.toString();
  }

  /**
   * Before timing: Spring's deserializers read Tidings' envelopes back into the same records, and the
   * validator accepts them and refuses a record that breaks the schema.
   */
  private void selfCheck(Shape shape, EnvelopeCodec codec, Record[] pool) throws Exception {
    Deserializer<Wire<?>> jackson3 = jackson3(shape);
    Deserializer<Wire<?>> jackson2 = jackson2(shape);
    SchemaValidator validator = new SchemaValidator(shape);
    for (int i = 0; i < pool.length; i++) {
      byte[] bytes = codec.encode("check", pool[i], true);
      for (Deserializer<Wire<?>> deserializer : List.of(jackson3, jackson2)) {
        Wire<?> wire = deserializer.deserialize("check", bytes);
        if (!shape.key().equals(wire.schema()) || !pool[i].equals(wire.data())) {
          throw new IllegalStateException(deserializer.getClass().getSimpleName() + " read " + wire + " for "
              + pool[i]);
        }
      }
      Wire<?> wire = jackson3.deserialize("check", bytes);
      BeanPropertyBindingResult errors = new BeanPropertyBindingResult(wire, "envelope");
      validator.validate(wire, errors);
      if (errors.hasErrors()) {
        throw new IllegalStateException("the validator refuses " + wire + ": " + errors.getAllErrors());
      }
    }
    ObjectNode envelope = (ObjectNode) mapper.readTree(codec.encode("check", pool[0], true));
    ObjectNode data = (ObjectNode) envelope.get("data");
    switch (shape) {
      case SMALL -> data.put("symbol", "");
      case RICH -> data.put("currency", "EURO");
    }
    ObjectReader reader = mapper.readerFor(shape.wireType(mapper));
    Wire<?> invalid = reader.readValue(envelope);
    BeanPropertyBindingResult errors = new BeanPropertyBindingResult(invalid, "envelope");
    validator.validate(invalid, errors);
    if (!errors.hasErrors()) {
      throw new IllegalStateException("the validator accepts " + invalid);
    }
    jackson3.close();
    jackson2.close();
  }

  private double spring(ApplicationOptions options, Shape shape, String topic, Variant variant) throws Exception {
    Counter counter = new Counter(messages);
    String group = "spring-" + topic + "-" + (groups++);
    Deserializer<Wire<?>> deserializer = variant == Variant.SPRING_JACKSON2 ? jackson2(shape) : jackson3(shape);
    SchemaValidator validator = variant == Variant.SPRING_VALIDATED ? new SchemaValidator(shape) : null;
    DefaultKafkaConsumerFactory<byte[], Wire<?>> consumers = new DefaultKafkaConsumerFactory<>(
        ClientSettings.consumer(options, group), new ByteArrayDeserializer(), deserializer);
    ConcurrentKafkaListenerContainerFactory<byte[], Wire<?>> factory = new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(consumers);
    factory.setConcurrency(1);
    if (variant == Variant.SPRING_ASYNC_COMMITS) {
      factory.getContainerProperties().setSyncCommits(false);
    }
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.getEnvironment().getPropertySources()
          .addFirst(new MapPropertySource("peers", Map.of("peers.topic", topic, "peers.group", group)));
      context.register(SpringSetup.class);
      context.registerBean("kafkaListenerContainerFactory", ConcurrentKafkaListenerContainerFactory.class,
          () -> factory);
      if (validator == null) {
        context.registerBean(Listener.class, () -> new Listener(counter));
      } else {
        context.registerBean(ValidatedListener.class, () -> new ValidatedListener(counter));
        context.registerBean(KafkaListenerConfigurer.class,
            () -> registrar -> registrar.setValidator(validator));
      }
      context.refresh();
      counter.await(TIMEOUT_SECONDS, "the Spring listener (" + variant + ")");
    }
    if (validator != null && validator.validations() < messages) {
      throw new IllegalStateException("the validator saw " + validator.validations() + " of " + messages
          + " payloads");
    }
    return counter.rate();
  }

  /** Spring Kafka 4's JSON deserializer of the envelope type, on Spring's default Jackson 3 mapper. */
  private static Deserializer<Wire<?>> jackson3(Shape shape) {
    tools.jackson.databind.json.JsonMapper mapper = JacksonMapperUtils.enhancedJsonMapper();
    return new JacksonJsonDeserializer<>(
        mapper.getTypeFactory().constructParametricType(Wire.class, shape.type), mapper);
  }

  /** Spring Kafka's Jackson 2 deserializer (deprecated for removal in 4.0) on its default mapper. */
  @SuppressWarnings("removal")
  private static Deserializer<Wire<?>> jackson2(Shape shape) {
    ObjectMapper mapper = org.springframework.kafka.support.JacksonUtils.enhancedObjectMapper();
    return new org.springframework.kafka.support.serializer.JsonDeserializer<>(
        mapper.getTypeFactory().constructParametricType(Wire.class, shape.type), mapper);
  }

  private static String version(Class<?> type) {
    String v = type.getPackage().getImplementationVersion();
    return v != null ? v : "(unknown)";
  }

  /** The version kafka-clients reports in its own client metrics. */
  private static String kafkaVersion() {
    try (java.io.InputStream in = KafkaProducer.class.getResourceAsStream("/kafka/kafka-version.properties")) {
      java.util.Properties p = new java.util.Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "(unknown)");
    } catch (java.io.IOException e) {
      return "(unknown)";
    }
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "n/a";
    }
  }

  /** The plain Spring context of a trial: {@code @EnableKafka} and nothing else. */
  @Configuration(proxyBeanMethods = false)
  @EnableKafka
  static class SpringSetup {}

  /** The listener of the unvalidated Spring variants. */
  public static final class Listener {
    private final Counter counter;

    Listener(Counter counter) {
      this.counter = counter;
    }

    @KafkaListener(topics = "${peers.topic}", groupId = "${peers.group}")
    public void on(Wire<?> envelope) {
      counter.hit(envelope.data());
    }
  }

  /** The same listener, its payload validated by the registrar's validator. */
  public static final class ValidatedListener {
    private final Counter counter;

    ValidatedListener(Counter counter) {
      this.counter = counter;
    }

    @KafkaListener(topics = "${peers.topic}", groupId = "${peers.group}")
    public void on(@Validated Wire<?> envelope) {
      counter.hit(envelope.data());
    }
  }
}
