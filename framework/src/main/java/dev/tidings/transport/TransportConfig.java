package dev.tidings.transport;

import dev.tidings.ApplicationOptions;
import dev.tidings.config.ConfigSection;
import dev.tidings.config.TidingsConfig;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TransportFactory} builds a transport from: the {@code transport:} section of the
 * configuration file (its {@code type} and the type's own keys), the application's options (the
 * defaults of a {@code kafka} transport), the environment (for secrets named by {@code tokenEnv}
 * and the like) and values the host shares with factories. Immutable.
 *
 * <pre>{@code
 * TransportConfig config = TransportConfig.parse("type: file\npath: spill.jsonl\n");
 * try (Transport transport = Transports.create(config)) { ... }
 * }</pre>
 */
public final class TransportConfig {
  private final ConfigSection section;
  private final ApplicationOptions application;
  private final Map<String, String> environment;
  private final Map<Class<?>, Object> shared;
  private final ClassLoader classLoader;

  private TransportConfig(ConfigSection section, ApplicationOptions application, Map<String, String> environment,
      Map<Class<?>, Object> shared, ClassLoader classLoader) {
    this.section = Objects.requireNonNull(section, "section");
    this.application = application;
    this.environment = Map.copyOf(environment);
    this.shared = Map.copyOf(shared);
    this.classLoader = classLoader;
  }

  /** The transport described by {@code section} (with a {@code type} key; {@code kafka} when missing). */
  public static TransportConfig of(ConfigSection section) {
    return new TransportConfig(section, null, System.getenv(), Map.of(), null);
  }

  /** The {@code transport:} section of {@code config}, or the default ({@code type: kafka}) when it has none. */
  public static TransportConfig of(TidingsConfig config) {
    return of(config.section("transport").orElseGet(() -> defaultSection(config.source())));
  }

  /** A transport section given as YAML text, e.g. {@code "type: file\npath: out.jsonl"}. */
  public static TransportConfig parse(String yamlSection) {
    StringBuilder yaml = new StringBuilder("transport:\n");
    yamlSection.lines().forEach(line -> yaml.append("  ").append(line).append('\n'));
    TidingsConfig config = TidingsConfig.parse(yaml.toString(), "transport configuration");
    return of(config.section("transport").orElseGet(() -> defaultSection(config.source())));
  }

  private static ConfigSection defaultSection(String source) {
    return TidingsConfig.parse("transport:\n  type: kafka\n", source).section("transport").orElseThrow();
  }

  /** The configuration section: {@code type} and the type's keys. */
  public ConfigSection section() {
    return section;
  }

  /** The type, lower-cased unless it is a class name; {@code kafka} when not given. */
  public String type() {
    String type = section.string("type").map(String::trim).filter(s -> !s.isEmpty()).orElse("kafka");
    return type.indexOf('.') >= 0 ? type : type.toLowerCase(Locale.ROOT);
  }

  /** The options of the application the transport publishes for, if there is one. */
  public Optional<ApplicationOptions> application() {
    return Optional.ofNullable(application);
  }

  /** The environment, for settings that name a variable (e.g. a token's). */
  public Map<String, String> environment() {
    return environment;
  }

  /** A value the host shares with factories (e.g. the application's own Kafka publisher). */
  public <T> Optional<T> shared(Class<T> type) {
    return Optional.ofNullable(type.cast(shared.get(type)));
  }

  /** Where custom transport classes are loaded from: the given loader, else the thread's context loader. */
  public ClassLoader classLoader() {
    if (classLoader != null) {
      return classLoader;
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : TransportConfig.class.getClassLoader();
  }

  /** The same host settings for another section, e.g. a member of a composite. */
  public TransportConfig withSection(ConfigSection other) {
    return new TransportConfig(other, application, environment, shared, classLoader);
  }

  /** With the options of the application the transport publishes for. */
  public TransportConfig withApplication(ApplicationOptions options) {
    return new TransportConfig(section, options, environment, shared, classLoader);
  }

  /** With another environment (tests, or a host with its own). */
  public TransportConfig withEnvironment(Map<String, String> env) {
    return new TransportConfig(section, application, env, shared, classLoader);
  }

  /** With a value shared with factories. */
  public <T> TransportConfig withShared(Class<T> type, T value) {
    Map<Class<?>, Object> copy = new HashMap<>(shared);
    copy.put(type, value);
    return new TransportConfig(section, application, environment, copy, classLoader);
  }

  /** With the class loader that custom transport classes are loaded from. */
  public TransportConfig withClassLoader(ClassLoader loader) {
    return new TransportConfig(section, application, environment, shared, loader);
  }

  @Override
  public String toString() {
    return "TransportConfig[type=" + type() + ", " + section.path() + " in " + section.source() + "]";
  }
}
