package dev.tidings.worker.internal;

import dev.tidings.ApplicationOptions;
import dev.tidings.CommitMode;
import dev.tidings.ConfigurationException;
import dev.tidings.SchemaRegistryTopic;
import dev.tidings.Telemetry;
import dev.tidings.config.TidingsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * The worker's options, a picocli mixin of the root command. Options marked {@code INHERIT} may
 * also be given after a subcommand ({@code worker publish --kafka-servers ...}). Every option has
 * a default; most fall back to an environment variable. {@link #toString()} masks secrets.
 */
public final class WorkerOptions {
  /** The name of the mixin in the root command. */
  public static final String MIXIN = "options";

  @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "The configuration file (YAML, or .properties), e.g. its transport: section. Environment"
          + " variables TIDINGS__SECTION__KEY override its values (TIDINGS__TRANSPORT__TYPE=http)."
          + " Default: $TIDINGS_CONFIG, else ./tidings.yaml when present, else none.")
  Path configFile;

  /** Loaded on first use by {@link #config(CommandSpec)}. */
  private TidingsConfig config;

  @Option(names = "--kafka-servers", scope = ScopeType.INHERIT, paramLabel = "HOST:PORT[,HOST:PORT...]",
      defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}",
      description = "Kafka bootstrap servers. Env: KAFKA_BOOTSTRAP_SERVERS. Default: none (required unless --dev"
          + " or bootstrap.servers in --kafka-settings).")
  String kafkaServers;

  @Option(names = "--kafka-settings", scope = ScopeType.INHERIT, paramLabel = "JSON|@FILE",
      converter = KafkaSettings.Converter.class, defaultValue = "${env:TIDINGS_KAFKA_SETTINGS}",
      description = "Kafka client settings for producer, consumers and admin, passed untouched: a JSON object,"
          + " or @file with JSON or .properties, e.g. '{\"security.protocol\":\"SSL\"}'. Values of settings"
          + " named like password, secret, token, key or sasl.jaas.config are never printed."
          + " Env: TIDINGS_KAFKA_SETTINGS. Default: none.")
  KafkaSettings kafkaSettings;

  @Option(names = "--topic-prefix", scope = ScopeType.INHERIT, paramLabel = "PREFIX",
      defaultValue = "${env:TIDINGS_TOPIC_PREFIX:-}",
      description = "Prepended to every stream name to form the topic name. Env: TIDINGS_TOPIC_PREFIX."
          + " Default: empty.")
  String topicPrefix;

  @Option(names = "--replication-factor", scope = ScopeType.INHERIT, paramLabel = "N",
      defaultValue = "${env:TIDINGS_REPLICATION_FACTOR}",
      description = "Replication factor of topics the worker creates. Env: TIDINGS_REPLICATION_FACTOR."
          + " Default: min(brokers, 3).")
  Integer replicationFactor;

  @Option(names = "--partitions", scope = ScopeType.INHERIT, paramLabel = "N",
      defaultValue = "${env:TIDINGS_PARTITIONS}",
      description = "Partitions of topics the worker creates. Env: TIDINGS_PARTITIONS."
          + " Default: the broker's num.partitions.")
  Integer partitions;

  @Option(names = {"-cp", "--class-path", "--app-jar"}, scope = ScopeType.INHERIT, paramLabel = "PATH",
      description = "Jars or class directories holding the application, separated by '${sys:path.separator}'"
          + " or given several times; DIR/* adds every jar in DIR. Default: only the worker's own class path.")
  List<String> classPath = new ArrayList<>();

  @Option(names = "--connect-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
      converter = DurationConverter.class, defaultValue = "${env:TIDINGS_CONNECT_TIMEOUT:-10s}",
      description = "How long to wait for Kafka to answer at start-up before failing, e.g. 10s, 500ms."
          + " Env: TIDINGS_CONNECT_TIMEOUT. Default: ${DEFAULT-VALUE}.")
  Duration connectTimeout;

  @Option(names = "--commit", paramLabel = "auto|manual", defaultValue = "${env:TIDINGS_COMMIT:-auto}",
      description = "Who commits consumed offsets: auto (the worker, once every earlier record of the"
          + " partition is handled) or manual (handlers, with subscriber.commit()). Env: TIDINGS_COMMIT."
          + " Default: ${DEFAULT-VALUE}.")
  CommitMode commit;

  @Option(names = "--subscription-setting", paramLabel = "GROUP.SETTING=VALUE",
      description = "Overrides a delivery setting of the subscription of GROUP, may be repeated, e.g."
          + " billing.maxAttempts=3 or billing.onFailure=SKIP. Settings: onFailure, maxAttempts, concurrency,"
          + " ordering, timeoutMillis, batchSize, maxInFlight, backoffMillis (initial..max), deadLetterStream."
          + " Default: what the code declares.")
  Map<String, String> subscriptionSettings = new LinkedHashMap<>();

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "${env:TIDINGS_HTTP_PORT:-0}",
      description = "Serve /health/live, /health/ready and /metrics (Prometheus) on this port; 0 for no"
          + " HTTP. Env: TIDINGS_HTTP_PORT. Default: ${DEFAULT-VALUE}.")
  int httpPort;

  @Option(names = "--shutdown-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      defaultValue = "${env:TIDINGS_SHUTDOWN_TIMEOUT:-30s}",
      description = "On SIGINT/SIGTERM, how long in-flight records may take to finish before the worker"
          + " commits what is done and exits. Env: TIDINGS_SHUTDOWN_TIMEOUT. Default: ${DEFAULT-VALUE}.")
  Duration shutdownTimeout;

  @Option(names = "--dev", defaultValue = "false",
      description = "Start a single-node Kafka broker inside the worker (no Docker, nothing to install), print"
          + " its address and run the application on it. Its data is deleted on exit. Default: off.")
  boolean dev;

  @Option(names = "--dev-port", paramLabel = "PORT", defaultValue = "${env:TIDINGS_DEV_PORT:-0}",
      description = "Client port of the --dev broker; 0 for a free port. Env: TIDINGS_DEV_PORT."
          + " Default: ${DEFAULT-VALUE}.")
  int devPort;

  @Option(names = "--schemas-registry", scope = ScopeType.INHERIT, paramLabel = "on|off",
      defaultValue = "${env:TIDINGS_SCHEMAS_REGISTRY:-on}",
      description = "At start, register the application's schemas in the registry topic and refuse to start"
          + " when a registered schema with the same id:version differs. Env: TIDINGS_SCHEMAS_REGISTRY."
          + " Default: ${DEFAULT-VALUE}.")
  Switch schemasRegistry;

  @Option(names = "--schemas-registry-topic", scope = ScopeType.INHERIT, paramLabel = "TOPIC",
      defaultValue = "${env:TIDINGS_SCHEMAS_REGISTRY_TOPIC}",
      description = "The compacted registry topic (the topic prefix is not added). Env:"
          + " TIDINGS_SCHEMAS_REGISTRY_TOPIC. Default: <topic prefix>_tidings_schemas.")
  String schemasRegistryTopic;

  @Option(names = "--schemas-registry-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
      converter = DurationConverter.class, defaultValue = "${env:TIDINGS_SCHEMAS_REGISTRY_TIMEOUT:-30s}",
      description = "How long reading and writing the registry topic may take at start. Env:"
          + " TIDINGS_SCHEMAS_REGISTRY_TIMEOUT. Default: ${DEFAULT-VALUE}.")
  Duration schemasRegistryTimeout;

  @Option(names = "--application-name", scope = ScopeType.INHERIT, paramLabel = "NAME",
      defaultValue = "${env:TIDINGS_APPLICATION_NAME}",
      description = "The application's name, recorded with the schemas it registers and used as the title of"
          + " its AsyncAPI document. Env: TIDINGS_APPLICATION_NAME. Default: the APP class's simple name, else"
          + " the first jar's name without version, else 'tidings-application'.")
  String applicationName;

  /** {@code on} or {@code off}. */
  public enum Switch { ON, OFF }

  @Parameters(index = "0", arity = "0..1", paramLabel = "APP",
      description = "The application: a class implementing dev.tidings.Registration (a hand-written application"
          + " that registers schemas, subscriptions and router.onStart hooks), or a class with a public static"
          + " Router router() method. Default: every registration found on the class path (ServiceLoader).")
  String app;

  /** The root command's options, seen from any (sub)command. */
  public static WorkerOptions of(CommandSpec spec) {
    return (WorkerOptions) spec.root().mixins().get(MIXIN).userObject();
  }

  /**
   * The configuration file of {@code --config}, {@code $TIDINGS_CONFIG} or {@code ./tidings.yaml},
   * with the environment's overrides; loaded once.
   *
   * @throws ParameterException when the file is missing or not valid, naming the file and the fix
   */
  public synchronized TidingsConfig config(CommandSpec spec) {
    if (config == null) {
      try {
        config = TidingsConfig.load(Optional.ofNullable(configFile), System.getenv());
      } catch (ConfigurationException e) {
        throw new ParameterException(spec.commandLine(), Secrets.mask(e.getMessage()), e);
      }
    }
    return config;
  }

  public String app() {
    return app;
  }

  public List<String> classPath() {
    return classPath == null ? List.of() : classPath;
  }

  public KafkaSettings kafkaSettings() {
    return kafkaSettings == null ? KafkaSettings.NONE : kafkaSettings;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  public int httpPort() {
    return httpPort;
  }

  public boolean dev() {
    return dev;
  }

  public int devPort() {
    return devPort;
  }

  /** Whether the worker registers and checks its schemas in the registry topic at start. */
  public boolean schemasRegistry() {
    return schemasRegistry != Switch.OFF;
  }

  /** The registry topic: {@code --schemas-registry-topic}, else {@code <topic prefix>_tidings_schemas}. */
  public String schemasRegistryTopic() {
    return schemasRegistryTopic != null && !schemasRegistryTopic.isBlank() ? schemasRegistryTopic.trim()
        : SchemaRegistryTopic.topicFor(topicPrefix);
  }

  public Duration schemasRegistryTimeout() {
    return schemasRegistryTimeout;
  }

  /** The application's name (see the option's description). */
  public String applicationName() {
    if (applicationName != null && !applicationName.isBlank()) {
      return applicationName.trim();
    }
    if (app != null && !app.isBlank()) {
      return app.substring(app.lastIndexOf('.') + 1);
    }
    for (String entry : classPath()) {
      for (String part : entry.split(java.io.File.pathSeparator)) {
        String name = java.nio.file.Path.of(part).getFileName() == null ? ""
            : java.nio.file.Path.of(part).getFileName().toString();
        if (name.endsWith(".jar")) {
          return name.substring(0, name.length() - 4).replaceFirst("-[0-9][^-]*(-SNAPSHOT)?$", "");
        }
      }
    }
    return "tidings-application";
  }

  /** The application's version: from the first jar's name ({@code shop-1.2.0.jar}), else {@code unversioned}. */
  public String applicationVersion() {
    for (String entry : classPath()) {
      for (String part : entry.split(java.io.File.pathSeparator)) {
        java.nio.file.Path name = java.nio.file.Path.of(part).getFileName();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(".*?-([0-9][^-]*(-SNAPSHOT)?)\\.jar")
            .matcher(name == null ? "" : name.toString());
        if (m.matches()) {
          return m.group(1);
        }
      }
    }
    return "unversioned";
  }

  /**
   * Checks the values picocli cannot check alone.
   *
   * @throws ParameterException naming the option and the bound
   */
  public void validate(CommandSpec spec) {
    if (replicationFactor != null && replicationFactor < 1) {
      throw new ParameterException(spec.commandLine(),
          "--replication-factor is " + replicationFactor + ": use 1 or more (at most the number of brokers)");
    }
    if (partitions != null && partitions < 1) {
      throw new ParameterException(spec.commandLine(), "--partitions is " + partitions + ": use 1 or more");
    }
    if (httpPort < 0 || httpPort > 65_535) {
      throw new ParameterException(spec.commandLine(), "--http-port is " + httpPort + ": use 1-65535, or 0 for none");
    }
    if (devPort < 0 || devPort > 65_535) {
      throw new ParameterException(spec.commandLine(), "--dev-port is " + devPort + ": use 1-65535, or 0 for a free one");
    }
    config(spec);
    CommandLine.ParseResult parsed = spec.root().commandLine().getParseResult();
    if (dev && parsed != null && parsed.hasMatchedOption("--kafka-servers")) {
      throw new ParameterException(spec.commandLine(),
          "--dev and --kafka-servers exclude each other: --dev runs on its own embedded broker");
    }
  }

  /**
   * The Kafka servers to use: {@code --kafka-servers}, else {@code bootstrap.servers} from the
   * settings.
   *
   * @throws ParameterException when neither is given
   */
  public String requireServers(CommandSpec spec) {
    if (kafkaServers != null && !kafkaServers.isBlank()) {
      return kafkaServers.trim();
    }
    Object fromSettings = kafkaSettings().values().get("bootstrap.servers");
    if (fromSettings != null && !fromSettings.toString().isBlank()) {
      return fromSettings.toString().trim();
    }
    throw new ParameterException(spec.commandLine(), "no Kafka servers: pass --kafka-servers host:port[,host:port],"
        + " set KAFKA_BOOTSTRAP_SERVERS, or use --dev for an embedded broker");
  }

  /**
   * The application's options on {@code servers}.
   *
   * @throws ParameterException when the framework refuses a value
   */
  public ApplicationOptions applicationOptions(CommandSpec spec, String servers, Telemetry telemetry) {
    try {
      ApplicationOptions.Builder builder = ApplicationOptions.builder()
          .kafkaServers(servers)
          .topicPrefix(topicPrefix)
          .kafkaSettings(kafkaSettings().values())
          .replicationFactor(replicationFactor)
          .partitions(partitions)
          .commitMode(commit == null ? CommitMode.AUTO : commit)
          .shutdownTimeout(shutdownTimeout)
          .telemetry(telemetry);
      subscriptionSettings.forEach((groupAndKey, value) -> {
        int dot = groupAndKey.lastIndexOf('.');
        if (dot <= 0 || dot == groupAndKey.length() - 1) {
          throw new ParameterException(spec.commandLine(), "--subscription-setting " + groupAndKey + "=" + value
              + " names no group and setting: write GROUP.SETTING=VALUE, e.g. billing.maxAttempts=3");
        }
        builder.subscriptionSetting(groupAndKey.substring(0, dot), groupAndKey.substring(dot + 1), value);
      });
      return builder.build();
    } catch (ConfigurationException e) {
      throw new ParameterException(spec.commandLine(), Secrets.mask(e.getMessage()));
    }
  }

  /** Every option, secrets masked. */
  @Override
  public String toString() {
    return "config=" + configFile + ", kafkaServers=" + kafkaServers + ", kafkaSettings={" + kafkaSettings() + "}, topicPrefix=" + topicPrefix
        + ", replicationFactor=" + replicationFactor + ", partitions=" + partitions + ", classPath=" + classPath()
        + ", connectTimeout=" + connectTimeout + ", commit=" + commit + ", httpPort=" + httpPort
        + ", shutdownTimeout=" + shutdownTimeout + ", subscriptionSettings=" + subscriptionSettings + ", dev=" + dev + ", devPort=" + devPort + ", schemasRegistry=" + schemasRegistry
        + ", schemasRegistryTopic=" + schemasRegistryTopic + ", applicationName=" + applicationName + ", app=" + app;
  }
}
