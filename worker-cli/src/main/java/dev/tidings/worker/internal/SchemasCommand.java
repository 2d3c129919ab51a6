package dev.tidings.worker.internal;

import dev.tidings.SchemaDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code worker [OPTIONS] [APP] schemas list|export DIR|check}: the application's JSON Schemas. */
@Command(name = "schemas", mixinStandardHelpOptions = true,
    description = "Lists, exports or checks the application's JSON Schemas (no Kafka needed, except for --against registry).",
    subcommands = {SchemasCommand.ListCommand.class, SchemasCommand.ExportCommand.class, SchemasCheckCommand.class})
public final class SchemasCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: use 'schemas list', 'schemas export DIR' or 'schemas check --against DIR|JAR|registry'");
  }

  private static List<SchemaDefinition<?>> schemas(LoadedApp app) {
    if (app.router().schemas().isEmpty()) {
      throw app.nothingFound("schemas");
    }
    List<SchemaDefinition<?>> list = new ArrayList<>(app.router().schemas().values());
    list.sort(Comparator.comparing((SchemaDefinition<?> s) -> s.id()).thenComparingInt(SchemaDefinition::version));
    return list;
  }

  /** {@code schemas list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Prints one line per schema: id:version, record class, streams created at start-up, retention.")
  static final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      Console console = Console.of(spec);
      try (LoadedApp app = LoadedApp.load(WorkerOptions.of(spec))) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SCHEMA", "CLASS", "STREAMS", "RETENTION"});
        for (SchemaDefinition<?> s : schemas(app)) {
          rows.add(new String[] {
            s.key(),
            s.type().getName(),
            s.streams().isEmpty() ? "-" : String.join(",", s.streams()),
            s.retention().map(DurationConverter::format).orElse("-")
          });
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            widths[i] = Math.max(widths[i], row[i].length());
          }
        }
        for (String[] row : rows) {
          StringBuilder line = new StringBuilder();
          for (int i = 0; i < row.length; i++) {
            line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
          }
          console.out(line.toString());
        }
      }
      return ExitCode.OK;
    }
  }

  /** {@code schemas export DIR}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Writes each schema to DIR/<id>-<version>.json (the JSON Schema document as registered).")
  static final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The directory; created when missing.")
    Path dir;

    @Override
    public Integer call() {
      Console console = Console.of(spec);
      try (LoadedApp app = LoadedApp.load(WorkerOptions.of(spec))) {
        List<SchemaDefinition<?>> schemas = schemas(app);
        Files.createDirectories(dir);
        for (SchemaDefinition<?> s : schemas) {
          Path file = dir.resolve(s.id() + "-" + s.version() + ".json");
          String text = s.jsonSchema().endsWith("\n") ? s.jsonSchema() : s.jsonSchema() + "\n";
          Files.writeString(file, text, StandardCharsets.UTF_8);
          console.out("wrote " + file);
        }
        console.out(schemas.size() + " schema(s) exported to " + dir);
      } catch (IOException e) {
        throw new WorkerException(ExitCode.FAILURE, "cannot write the schemas to " + dir + ": " + e, e);
      }
      return ExitCode.OK;
    }
  }
}
