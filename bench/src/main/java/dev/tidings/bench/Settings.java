package dev.tidings.bench;

import java.util.ArrayList;
import java.util.List;

/** The harness's command line. */
final class Settings {
  static final String USAGE = """
      usage: Harness [--bootstrap host:port] [--quick] [--only publish,consume,latency,queue,transport,http,request]
                     [--shapes small,rich] [--rounds N] [--out FILE]
        --bootstrap  an external cluster (default: an in-process broker from the testkit)
        --quick      a smoke run: fewer records and shorter trials
        --only       the comparisons to run, in this order (default: publish,consume,latency,queue)
        --shapes     the record shapes (default: small,rich)
        --rounds     measured rounds per comparison, at least 3 (default 3; latency 5 unless --quick)
        --out        also append the markdown table to FILE
      """;

  String bootstrap;
  boolean quick;
  List<String> comparisons = List.of("publish", "consume", "latency", "queue");
  List<Shape> shapes = List.of(Shape.SMALL, Shape.RICH);
  /** Measured rounds; 0 means each comparison's default. */
  int rounds;
  String out;

  static Settings parse(String[] args) {
    Settings s = new Settings();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--bootstrap" -> s.bootstrap = value(args, ++i, arg);
        case "--quick" -> s.quick = true;
        case "--only" -> s.comparisons = List.of(value(args, ++i, arg).split(","));
        case "--shapes" -> {
          List<Shape> shapes = new ArrayList<>();
          for (String name : value(args, ++i, arg).split(",")) {
            shapes.add(Shape.parse(name));
          }
          s.shapes = List.copyOf(shapes);
        }
        case "--rounds" -> s.rounds = Integer.parseInt(value(args, ++i, arg));
        case "--out" -> s.out = value(args, ++i, arg);
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
      }
    }
    if (s.rounds != 0 && s.rounds < 3) {
      throw new IllegalArgumentException("--rounds is " + s.rounds + ": use at least 3, medians need them");
    }
    for (String c : s.comparisons) {
      if (!List.of("publish", "consume", "latency", "queue", "transport", "http", "request").contains(c)) {
        throw new IllegalArgumentException("--only has '" + c + "': use publish, consume, latency, queue, transport, http or request");
      }
    }
    return s;
  }

  /** The rounds to measure: {@code --rounds}, or {@code fallback} when it was not given. */
  int rounds(int fallback) {
    return rounds != 0 ? rounds : fallback;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[i];
  }
}
