package dev.tidings.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.config.internal.ConfigFiles;
import dev.tidings.config.internal.NodeSection;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Tidings configuration file: top-level sections such as {@code transport} or {@code sinks}.
 *
 * <pre>{@code
 * TidingsConfig config = TidingsConfig.load(Optional.of(Path.of("tidings.yaml")), System.getenv());
 * Optional<ConfigSection> transport = config.section("transport");
 * }</pre>
 *
 * <p>YAML ({@code .yaml}, {@code .yml}, also JSON) or Java properties ({@code .properties}: dotted
 * keys become nested sections, {@code sinks.0.url} or {@code sinks[0].url} a list). Environment
 * variables named {@code TIDINGS__SECTION__KEY} override a value of the file ({@code
 * TIDINGS__TRANSPORT__TYPE=http} sets {@code transport.type}; a double underscore nests, names are
 * matched case-insensitively). Immutable.
 */
public final class TidingsConfig {
  /** The environment variable naming the file when {@code --config} is not given. */
  public static final String ENV_FILE = "TIDINGS_CONFIG";
  /** The prefix of environment overrides. */
  public static final String ENV_PREFIX = "TIDINGS__";
  /** The file read when present in the working directory and nothing else is given. */
  public static final String DEFAULT_FILE = "tidings.yaml";

  private static final TidingsConfig EMPTY = new TidingsConfig(ConfigFiles.emptyObject(), "no configuration file");

  private final NodeSection root;

  private TidingsConfig(ObjectNode root, String source) {
    this.root = new NodeSection(root, "", source);
  }

  /**
   * The configuration of {@code --config FILE} if given, else of {@code $TIDINGS_CONFIG}, else of
   * {@code ./tidings.yaml} if present, else empty; with the overrides of {@code environment}.
   *
   * @throws dev.tidings.ConfigurationException when a named file is missing or unreadable, or its
   *     content is not a YAML/properties object
   */
  public static TidingsConfig load(Optional<Path> explicitFile, Map<String, String> environment) {
    Optional<Path> file = ConfigFiles.choose(explicitFile, environment);
    ObjectNode root = file.map(ConfigFiles::read).orElseGet(ConfigFiles::emptyObject);
    String source = file.map(Path::toString).orElse("no configuration file");
    ConfigFiles.applyEnvironment(root, environment, source);
    return new TidingsConfig(root, source);
  }

  /**
   * The configuration in {@code yamlText}, without environment overrides.
   *
   * @throws dev.tidings.ConfigurationException when it is not YAML or not an object
   */
  public static TidingsConfig parse(String yamlText, String sourceName) {
    return new TidingsConfig(ConfigFiles.parseYaml(yamlText, sourceName), sourceName);
  }

  /** No sections at all. */
  public static TidingsConfig empty() {
    return EMPTY;
  }

  /** A top-level section, e.g. {@code transport}. */
  public Optional<ConfigSection> section(String name) {
    return root.section(name);
  }

  /** The whole file as a section (path {@code ""}), e.g. to {@link ConfigSection#rejectUnknown} its top level. */
  public ConfigSection root() {
    return root;
  }

  /** The top-level keys. */
  public Set<String> sections() {
    return root.keys();
  }

  /** The file name, for messages. */
  public String source() {
    return root.source();
  }

  @Override
  public String toString() {
    return "TidingsConfig[" + source() + ", sections " + sections() + "]";
  }
}
