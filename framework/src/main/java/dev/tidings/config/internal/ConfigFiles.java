package dev.tidings.config.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tidings.ConfigurationException;
import dev.tidings.config.TidingsConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/** Finds, reads and parses configuration files and applies environment overrides. */
public final class ConfigFiles {
  private static final YAMLMapper YAML = new YAMLMapper();

  private ConfigFiles() {}

  public static ObjectNode emptyObject() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** {@code --config}, else {@code $TIDINGS_CONFIG}, else {@code ./tidings.yaml} when it exists. */
  public static Optional<Path> choose(Optional<Path> explicitFile, Map<String, String> environment) {
    if (explicitFile.isPresent()) {
      return explicitFile;
    }
    String fromEnv = environment.get(TidingsConfig.ENV_FILE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(Path.of(fromEnv.trim()));
    }
    Path local = Path.of(TidingsConfig.DEFAULT_FILE);
    return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
  }

  /** The file as an object tree, YAML or properties by its extension. */
  public static ObjectNode read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException("configuration file " + file.toAbsolutePath() + " does not exist or is not a"
          + " file: pass an existing YAML or .properties file (--config FILE or TIDINGS_CONFIG)");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read configuration file " + file.toAbsolutePath() + ": " + e
          + "; check its permissions and encoding (UTF-8)", e);
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".properties") ? parseProperties(text, file.toString()) : parseYaml(text, file.toString());
  }

  /** YAML (or JSON) text whose top level is an object; empty text is an empty object. */
  public static ObjectNode parseYaml(String text, String source) {
    JsonNode node;
    try {
      node = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr();
      throw new ConfigurationException("configuration file " + source + " is not valid YAML" + where + ": "
          + e.getOriginalMessage() + "; fix the syntax (indent with spaces, 'key: value')", e);
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      return emptyObject();
    }
    if (!node.isObject()) {
      throw new ConfigurationException("configuration file " + source + " holds a " + NodeSection.typeName(node)
          + " at the top level: it must be an object of sections, e.g. 'transport:' followed by '  type: kafka'");
    }
    return (ObjectNode) node;
  }

  /** Java properties: {@code transport.type=file} becomes {@code {transport: {type: file}}}. */
  public static ObjectNode parseProperties(String text, String source) {
    Properties properties = new Properties();
    try (Reader reader = new StringReader(text)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigurationException("configuration file " + source + " is not a valid properties file: "
          + e.getMessage(), e);
    }
    ObjectNode root = emptyObject();
    Map<String, String> sorted = new TreeMap<>();
    properties.stringPropertyNames().forEach(k -> sorted.put(k, properties.getProperty(k)));
    sorted.forEach((key, value) -> put(root, segments(key), value, source, key));
    return root;
  }

  /** Applies {@code TIDINGS__A__B=value} as {@code a.b = value}. */
  public static void applyEnvironment(ObjectNode root, Map<String, String> environment, String source) {
    Map<String, String> sorted = new TreeMap<>(environment);
    sorted.forEach((name, value) -> {
      if (name.startsWith(TidingsConfig.ENV_PREFIX) && name.length() > TidingsConfig.ENV_PREFIX.length()) {
        List<String> path = new ArrayList<>();
        for (String part : name.substring(TidingsConfig.ENV_PREFIX.length()).split("__", -1)) {
          path.add(part.toLowerCase(Locale.ROOT));
        }
        put(root, path, value, source + " (environment " + name + ")", name);
      }
    });
  }

  private static List<String> segments(String dotted) {
    List<String> out = new ArrayList<>();
    for (String part : dotted.split("\\.", -1)) {
      int bracket = part.indexOf('[');
      if (bracket > 0 && part.endsWith("]")) {
        out.add(part.substring(0, bracket));
        out.add(part.substring(bracket + 1, part.length() - 1));
      } else {
        out.add(part);
      }
    }
    return out;
  }

  private static void put(ObjectNode root, List<String> path, String value, String source, String setting) {
    JsonNode node = root;
    for (int i = 0; i < path.size(); i++) {
      String segment = path.get(i);
      if (segment.isEmpty()) {
        throw new ConfigurationException("setting '" + setting + "' in " + source + " has an empty name part:"
            + " separate names with one '.' (properties) or '__' (environment)");
      }
      boolean last = i == path.size() - 1;
      boolean nextIsIndex = !last && isIndex(path.get(i + 1));
      if (node instanceof ObjectNode object) {
        String key = existingKey(object, segment);
        if (last) {
          object.set(key, TextNode.valueOf(value));
          return;
        }
        JsonNode child = object.get(key);
        if (child == null || !(child.isObject() || child.isArray())) {
          child = nextIsIndex ? object.putArray(key) : object.putObject(key);
        }
        node = child;
      } else if (node instanceof ArrayNode array && isIndex(segment)) {
        int index = Integer.parseInt(segment);
        if (index > array.size()) {
          throw new ConfigurationException("setting '" + setting + "' in " + source + " uses index " + index
              + " of a list with " + array.size() + " entries: number list entries from 0 without gaps");
        }
        if (last) {
          if (index == array.size()) {
            array.add(value);
          } else {
            array.set(index, TextNode.valueOf(value));
          }
          return;
        }
        JsonNode child = index < array.size() ? array.get(index) : null;
        if (child == null || !(child.isObject() || child.isArray())) {
          child = nextIsIndex ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
          if (index == array.size()) {
            array.add(child);
          } else {
            array.set(index, child);
          }
        }
        node = child;
      } else {
        throw new ConfigurationException("setting '" + setting + "' in " + source + " puts key '" + segment
            + "' into a list: use a number (0, 1, ...) for list entries");
      }
    }
  }

  private static String existingKey(ObjectNode object, String segment) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
      String key = it.next();
      if (key.equalsIgnoreCase(segment)) {
        return key;
      }
    }
    return segment;
  }

  private static boolean isIndex(String segment) {
    if (segment.isEmpty() || segment.length() > 6) {
      return false;
    }
    for (int i = 0; i < segment.length(); i++) {
      if (!Character.isDigit(segment.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
