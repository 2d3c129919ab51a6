package dev.tidings.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.tidings.internal.codec.EnvelopeCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The codec's per-message cost as interleaved A/B rounds in one JVM, for a machine too busy for
 * JMH's back-to-back iterations to be comparable: each round times every variant for the same
 * slice, in an order that rotates per round, so that load that comes and goes hits all variants
 * alike. Reports the median ns/op and the median of per-round ratios to Jackson alone, with the
 * interquartile range over rounds (on a loaded machine the full range says only how bad the worst
 * slice was).
 *
 * <p>{@code CodecAB [--rounds N] [--slice-ms M] [--out FILE]}.
 */
public final class CodecAB {
  private static final int POOL = 1024;

  private CodecAB() {}

  /** One variant: does one operation on item {@code i} and returns something to keep it alive. */
  private interface Op {
    Object run(int i) throws IOException;
  }

  public static void main(String[] args) throws Exception {
    int rounds = 15;
    long sliceMs = 300;
    String out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--slice-ms" -> sliceMs = Long.parseLong(args[++i]);
        case "--out" -> out = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--rounds N --slice-ms M --out FILE)");
      }
    }
    Table table = new Table("Codec per message, interleaved A/B (" + rounds + " rounds × " + sliceMs
        + " ms per variant, one thread, order rotating per round)",
        "shape", "variant", "ns/op", "/ Jackson", "/ before (no reader)");
    for (Shape shape : Shape.values()) {
      run(shape, rounds, sliceMs, table);
    }
    table.note("ns/op: median over rounds; ratios: median of per-round ratios; in brackets the interquartile"
        + " range over rounds. Jackson: readValue of the envelope into the record (consume) and writeValueAsBytes (publish)."
        + " before (no reader): the same definition without its generated reader, i.e. bind, check, rewrite and"
        + " compare.");
    String text = table.toString();
    System.out.println(text);
    if (out != null) {
      Files.writeString(Path.of(out), "\n" + text, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
  }

  private static void run(Shape shape, int rounds, long sliceMs, Table table) throws IOException {
    EnvelopeCodec withReader = PublishComparison.codec(true, true);
    EnvelopeCodec noReader = PublishComparison.codec(true, false);
    ObjectMapper mapper = new ObjectMapper();
    ObjectReader jackson = mapper.readerFor(shape.wireType(mapper));
    ObjectWriter writer = mapper.writer();
    String key = shape.key();
    Record[] records = shape.pool(POOL, 7);
    byte[][] envelopes = new byte[POOL][];
    for (int i = 0; i < POOL; i++) {
      envelopes[i] = withReader.encode("bench", records[i], true);
      EnvelopeCodec.Exact read = withReader.decodeExact(envelopes[i]);
      if (read == null || !read.record().equals(records[i]) || !records[i].equals(jackson.<Wire<?>>readValue(envelopes[i]).data())) {
        throw new IllegalStateException("the generated reader refuses or changes what Tidings wrote: " + records[i]);
      }
    }
    Map<String, Op> ops = new LinkedHashMap<>();
    ops.put("consume: Jackson readValue", i -> jackson.readValue(envelopes[i]));
    ops.put("consume: Tidings decodeExact (generated reader + check)", i -> withReader.decodeExact(envelopes[i]));
    ops.put("consume: Tidings decodeExact before (bind + check + rewrite)", i -> noReader.decodeExact(envelopes[i]));
    ops.put("publish: Jackson writeValueAsBytes", i -> writer.writeValueAsBytes(new Wire<>(key, records[i])));
    ops.put("publish: Tidings encode + validate", i -> withReader.encode("bench", records[i], true));
    List<String> names = new ArrayList<>(ops.keySet());
    Map<String, List<Double>> nanos = new LinkedHashMap<>();
    names.forEach(n -> nanos.put(n, new ArrayList<>()));
    for (int round = -2; round < rounds; round++) { // two warm-up rounds
      for (int k = 0; k < names.size(); k++) {
        String name = names.get(Math.floorMod(k + round, names.size()));
        double ns = time(ops.get(name), sliceMs);
        if (round >= 0) {
          nanos.get(name).add(ns);
        }
      }
      Harness.progress("codec A/B %s round %d", shape.label(), round);
    }
    for (String name : names) {
      String base = name.startsWith("consume") ? names.get(0) : names.get(3);
      String before = name.startsWith("consume: Tidings decodeExact (") ? names.get(2) : null;
      table.row(shape.label(), name, Stats.number(Stats.median(nanos.get(name))) + " " + iqr(nanos.get(name)),
          name.equals(base) ? "" : ratio(ratios(nanos.get(name), nanos.get(base))),
          before == null ? "" : ratio(ratios(nanos.get(name), nanos.get(before))));
    }
  }

  /** {@code 0.50× (0.45–0.56)}: the median and the interquartile range. */
  private static String ratio(List<Double> values) {
    return Stats.ratio(Stats.median(values)) + " " + iqr(values).replace("(", "(").replace(")", "×)");
  }

  /** {@code (p25–p75)} of {@code values}. */
  private static String iqr(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    java.util.Collections.sort(sorted);
    double p25 = sorted.get(sorted.size() / 4);
    double p75 = sorted.get((sorted.size() * 3) / 4);
    return "(" + Stats.number(p25) + "–" + Stats.number(p75) + ")";
  }

  private static List<Double> ratios(List<Double> a, List<Double> b) {
    List<Double> r = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      r.add(a.get(i) / b.get(i));
    }
    return r;
  }

  private static volatile Object sink;

  private static double time(Op op, long sliceMs) {
    long deadline = System.nanoTime() + sliceMs * 1_000_000L;
    long start = System.nanoTime();
    long n = 0;
    Object last = null;
    try {
      long now;
      do {
        for (int j = 0; j < 256; j++) {
          last = op.run((int) (n++ & (POOL - 1)));
        }
        now = System.nanoTime();
      } while (now < deadline);
      sink = last;
      return (double) (now - start) / n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
