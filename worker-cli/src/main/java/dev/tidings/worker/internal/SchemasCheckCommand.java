package dev.tidings.worker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.SchemaDefinition;
import dev.tidings.SchemaDocuments;
import dev.tidings.worker.internal.compat.Compatibility;
import dev.tidings.worker.internal.compat.Compatibility.Mode;
import dev.tidings.worker.internal.compat.Problem;
import dev.tidings.worker.internal.compat.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schemas check --against DIR|JAR|registry [--mode ...] [--format text|json]}: compares the
 * application's schemas with those of a previous release. Per schema: the same {@code id:version}
 * must hold the same document; a new version must be compatible under the mode with the highest
 * lower version of the same id (in the baseline or the application). Exit 0 when nothing is wrong,
 * 1 otherwise.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Compares the application's schemas with a previous release: a directory written by 'schemas export',",
      "a jar built with the tidings-processor, or the registry topic. A changed id:version is an error; a new",
      "version must be compatible with the previous version under --mode. One line per problem, then a",
      "summary. Exit 0 when compatible, 1 otherwise."
    })
final class SchemasCheckCommand implements Callable<Integer> {
  enum Format { TEXT, JSON }

  @Spec
  CommandSpec spec;

  @Option(names = "--against", required = true, paramLabel = "DIR|JAR|registry",
      description = "The previous release: a directory of <id>-<version>.json, a .jar, or 'registry' (the"
          + " registry topic on --kafka-servers).")
  String against;

  @Option(names = "--mode", paramLabel = "backward|forward|full|none", defaultValue = "backward",
      description = "backward: a consumer with the new schema reads data written with the old one; forward: a"
          + " consumer with the old schema reads new data; full: both; none: only changed id:versions."
          + " Default: ${DEFAULT-VALUE}.")
  Mode mode;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "text: one line per problem and a summary; json: one JSON document. Default: ${DEFAULT-VALUE}.")
  Format format;

  /** The verdict on one schema of the application. */
  record Verdict(String schema, String previous, String status, List<Problem> problems) {}

  @Override
  public Integer call() {
    Console console = Console.of(spec);
    try (LoadedApp app = LoadedApp.load(WorkerOptions.of(spec))) {
      if (app.router().schemas().isEmpty()) {
        throw app.nothingFound("schemas");
      }
      Baseline baseline = Baseline.load(against, spec, format == Format.JSON ? line -> { } : console::out);
      Map<String, JsonNode> current = new TreeMap<>();
      for (SchemaDefinition<?> s : app.router().schemas().values()) {
        current.put(s.key(), Baseline.parse(s.jsonSchema(), "schema " + s.key() + " of " + s.type().getName()));
      }
      List<Verdict> verdicts = check(current, baseline.schemas(), mode);
      int problems = verdicts.stream().mapToInt(v -> v.problems().size()).sum();
      if (format == Format.JSON) {
        console.out(json(verdicts, baseline.description()));
      } else {
        text(console, verdicts, baseline.description(), problems);
      }
      return problems == 0 ? ExitCode.OK : ExitCode.FAILURE;
    }
  }

  /** The verdicts on {@code current} against {@code baseline}, sorted by key. */
  static List<Verdict> check(Map<String, JsonNode> current, Map<String, JsonNode> baseline, Mode mode) {
    List<Verdict> verdicts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : new TreeMap<>(current).entrySet()) {
      String key = e.getKey();
      JsonNode doc = e.getValue();
      JsonNode stored = baseline.get(key);
      if (stored != null) {
        var difference = SchemaDocuments.firstDifference(stored.toString(), doc.toString());
        if (difference.isEmpty()) {
          verdicts.add(new Verdict(key, key, "unchanged", List.of()));
        } else {
          String at = difference.get();
          verdicts.add(new Verdict(key, key, "changed", List.of(new Problem(Rule.SCHEMA_CHANGED, at,
              "the schema registered as " + key + " changed (first difference at " + (at.isEmpty() ? "/" : at)
                  + "): a published id:version never changes; give the changed schema a new version"))));
        }
        continue;
      }
      String previous = previousVersion(key, current, baseline);
      if (previous == null) {
        verdicts.add(new Verdict(key, null, "new", List.of()));
        continue;
      }
      JsonNode previousDoc = baseline.containsKey(previous) ? baseline.get(previous) : current.get(previous);
      List<Problem> problems = Compatibility.check(previousDoc, previous, doc, key, mode);
      verdicts.add(new Verdict(key, previous, problems.isEmpty() ? "compatible" : "incompatible", problems));
    }
    return verdicts;
  }

  private static String previousVersion(String key, Map<String, JsonNode> current, Map<String, JsonNode> baseline) {
    String id = key.substring(0, key.lastIndexOf(':'));
    int version = Integer.parseInt(key.substring(key.lastIndexOf(':') + 1));
    int best = 0;
    for (Map<String, JsonNode> source : List.of(baseline, current)) {
      for (String other : source.keySet()) {
        int colon = other.lastIndexOf(':');
        if (other.substring(0, colon).equals(id)) {
          int v = Integer.parseInt(other.substring(colon + 1));
          if (v < version && v > best) {
            best = v;
          }
        }
      }
    }
    return best == 0 ? null : id + ":" + best;
  }

  private void text(Console console, List<Verdict> verdicts, String against, int problems) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Verdict v : verdicts) {
      counts.merge(v.status(), 1, Integer::sum);
      for (Problem p : v.problems()) {
        console.out(v.schema() + (v.previous() != null && !v.previous().equals(v.schema())
            ? " vs " + v.previous() : "") + " " + p);
      }
    }
    StringBuilder summary = new StringBuilder();
    counts.forEach((status, n) -> summary.append(summary.length() == 0 ? "" : ", ").append(n).append(' ')
        .append(status));
    console.out((problems == 0 ? "OK: " : "FAILED: ") + verdicts.size() + " schema(s) checked against " + against
        + " (mode " + mode.name().toLowerCase(java.util.Locale.ROOT) + "): " + summary + "; " + problems
        + " problem(s)");
  }

  private String json(List<Verdict> verdicts, String against) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("against", against);
    root.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
    int problems = 0;
    ArrayNode schemas = root.putArray("schemas");
    ArrayNode list = mapper.createArrayNode();
    for (Verdict v : verdicts) {
      ObjectNode s = schemas.addObject().put("schema", v.schema()).put("status", v.status());
      s.put("previous", v.previous());
      for (Problem p : v.problems()) {
        problems++;
        list.addObject().put("schema", v.schema()).put("previous", v.previous()).put("rule", p.rule().id())
            .put("pointer", p.pointer()).put("message", p.detail());
      }
    }
    root.put("ok", problems == 0);
    root.set("problems", list);
    return root.toString();
  }
}
