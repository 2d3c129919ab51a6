package dev.tidings.worker.internal.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a new version of a schema may replace the previous one, under a {@link Mode}. A schema is
 * the contract between writers and readers of a stream; the new version is checked against the
 * previous one as reader (backward), as writer (forward), or both (full).
 */
public final class Compatibility {
  private Compatibility() {}

  /** Which direction must keep working. */
  public enum Mode {
    /** A consumer with the new schema reads data written with the old one (old ⊆ new). */
    BACKWARD,
    /** A consumer with the old schema reads data written with the new one (new ⊆ old). */
    FORWARD,
    /** Both. */
    FULL,
    /** No check between versions (a changed {@code id:version} is still an error). */
    NONE
  }

  /**
   * The problems of replacing {@code older} (named {@code olderKey}) with {@code newer}; pointers
   * point into {@code newer} (or where the newer document would have the keyword).
   */
  public static List<Problem> check(JsonNode older, String olderKey, JsonNode newer, String newerKey, Mode mode) {
    List<Problem> problems = new ArrayList<>();
    if (mode == Mode.BACKWARD || mode == Mode.FULL) {
      for (Inclusion.Found f : Inclusion.check(older, newer)) {
        problems.add(new Problem(f.rule(), f.readerPointer(), text(f, olderKey, newerKey, "backward")));
      }
    }
    if (mode == Mode.FORWARD || mode == Mode.FULL) {
      for (Inclusion.Found f : Inclusion.check(newer, older)) {
        problems.add(new Problem(f.rule(), f.writerPointer(), text(f, newerKey, olderKey, "forward")));
      }
    }
    return problems;
  }

  private static String text(Inclusion.Found found, String writer, String reader, String direction) {
    return direction + ": " + found.text().replace("{W}", writer).replace("{R}", reader);
  }
}
