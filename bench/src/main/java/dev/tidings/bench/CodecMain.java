package dev.tidings.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link CodecBenchmark} with the GC profiler and prints a markdown table: the median µs/op
 * over measurement iterations with its spread, bytes allocated per op, and the ratios that matter.
 * Options: {@code --quick}, {@code --out FILE}, and any further arguments are JMH include patterns.
 */
public final class CodecMain {
  private static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("encodeValidate", "Tidings encode + validate (publish path: generated check, direct write)");
    LABELS.put("encodeTree", "Tidings encode + validate without a check (tree + networknt)");
    LABELS.put("encodeNoValidate", "Tidings encode, validation off");
    LABELS.put("jacksonWrite", "raw: Jackson writes the envelope");
    LABELS.put("validateTree", "generic validator alone (networknt, on a tree)");
    LABELS.put("handValidateWrite", "generated-style validator + Jackson write");
    LABELS.put("decodeExact", "Tidings decode (consume path for Tidings-written envelopes: generated reader, check)");
    LABELS.put("decodeExactNoReader", "Tidings decode without the generated reader (bind, check, rewrite, compare)");
    LABELS.put("decodeValidateBind", "Tidings decode through the tree (other writers: parse, networknt, bind)");
    LABELS.put("jacksonRead", "raw: Jackson reads the envelope into the record");
    LABELS.put("jacksonReadHandValidate", "Jackson read + generated-style validator");
  }

  private CodecMain() {}

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    String out = null;
    List<String> includes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--out" -> out = args[++i];
        default -> includes.add(args[i]);
      }
    }
    ChainedOptionsBuilder options = new OptionsBuilder()
        .forks(1)
        .jvmArgs("-Xms1g", "-Xmx1g")
        .warmupIterations(quick ? 1 : 3)
        .warmupTime(TimeValue.milliseconds(quick ? 500 : 1000))
        .measurementIterations(quick ? 3 : 5)
        .measurementTime(TimeValue.milliseconds(quick ? 300 : 1000))
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true);
    if (includes.isEmpty()) {
      options.include(CodecBenchmark.class.getName() + "\\.");
    }
    for (String include : includes) {
      options.include(include);
    }
    Collection<RunResult> results = runWhenFree(new Runner(options.build()));
    String table = table(results, quick);
    System.out.print(table);
    if (out != null) {
      Files.writeString(Path.of(out), table, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  /** JMH refuses to run next to another JMH run on the machine; wait for it (up to 15 minutes). */
  private static Collection<RunResult> runWhenFree(Runner runner) throws RunnerException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
    while (true) {
      try {
        return runner.run();
      } catch (RunnerException e) {
        if (e.getMessage() == null || !e.getMessage().contains("JMH lock") || System.nanoTime() - deadline > 0) {
          throw e;
        }
        System.err.println("another JMH run holds the JMH lock; waiting for it to finish");
        Thread.sleep(10_000);
      }
    }
  }

  private static String table(Collection<RunResult> results, boolean quick) {
    Table table = new Table("Codec path per message (JMH, " + (quick ? "3 × 0.3 s" : "5 × 1 s")
            + " measured after warm-up, 1 fork, -prof gc)",
        "benchmark", "shape", "µs/op", "B/op", "vs raw Jackson");
    Map<String, Double> medians = new LinkedHashMap<>();
    List<Object[]> rows = new ArrayList<>();
    List<String> methods = new ArrayList<>(LABELS.keySet());
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      String method = name.substring(name.lastIndexOf('.') + 1);
      if (!methods.contains(method)) {
        methods.add(method);
      }
    }
    for (String method : methods) {
      for (String shape : List.of("small", "rich")) {
        for (RunResult r : results) {
          String name = r.getParams().getBenchmark();
          if (!name.endsWith("." + method) || !shape.equals(r.getParams().getParam("shape"))) {
            continue;
          }
          List<Double> scores = new ArrayList<>();
          for (BenchmarkResult b : r.getBenchmarkResults()) {
            for (IterationResult i : b.getIterationResults()) {
              scores.add(i.getPrimaryResult().getScore());
            }
          }
          double alloc = Double.NaN;
          for (String secondary : r.getSecondaryResults().keySet()) {
            if (secondary.endsWith("gc.alloc.rate.norm")) {
              alloc = r.getSecondaryResults().get(secondary).getScore();
            }
          }
          medians.put(method + "/" + shape, Stats.median(scores));
          rows.add(new Object[] {method, shape, Stats.medianSpread(scores), Stats.number(Math.round(alloc))});
        }
      }
    }
    for (Object[] row : rows) {
      String method = (String) row[0];
      String shape = (String) row[1];
      String baseline = method.startsWith("decode") || method.startsWith("jacksonRead") ? "jacksonRead" : "jacksonWrite";
      Double base = medians.get(baseline + "/" + shape);
      Double mine = medians.get(method + "/" + shape);
      String ratio = base == null || method.equals(baseline) || !LABELS.containsKey(method)
          || method.equals("validateTree") ? ""
          : Stats.ratio(mine / base);
      String label = LABELS.containsKey(method) ? LABELS.get(method) + " `" + method + "`" : "`" + method + "`";
      table.row(label, shape, row[2], row[3], ratio);
    }
    table.note("µs/op: median of the measurement iterations, ± half their range relative to it. B/op: bytes"
        + " allocated per operation (gc.alloc.rate.norm). The generated-style validator is hand-written in the"
        + " bench (HandValidator) to estimate what a validator generated by the processor would save.");
    return table.toString();
  }
}
