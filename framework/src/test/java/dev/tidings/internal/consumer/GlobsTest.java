package dev.tidings.internal.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GlobsTest {
  private static boolean matches(String prefix, String glob, String topic) {
    return Globs.subscriptionPattern(prefix, glob, ".dlt").matcher(topic).matches();
  }

  /** The rows of {@code fnmatch-cases.txt}: pattern, name, whether Python's fnmatch matches. */
  static List<String[]> fnmatchCases(Class<?> anchor) throws IOException {
    List<String[]> cases = new ArrayList<>();
    try (InputStream in = anchor.getResourceAsStream("fnmatch-cases.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          String[] row = line.split("\t", -1);
          assertEquals(3, row.length, "malformed row: " + line);
          cases.add(row);
        }
      }
    }
    return cases;
  }

  @Test
  void matchesExactlyWhatPythonsFnmatchMatches() throws IOException {
    List<String> wrong = new ArrayList<>();
    List<String[]> cases = fnmatchCases(GlobsTest.class);
    for (String[] row : cases) {
      boolean expected = row[2].equals("yes");
      boolean actual = Pattern.compile(Globs.toRegex(row[0])).matcher(row[1]).matches();
      if (actual != expected) {
        wrong.add("'" + row[0] + "' vs '" + row[1] + "': fnmatch says " + expected + ", Globs says " + actual);
      }
    }
    assertEquals(List.of(), wrong, "of " + cases.size() + " cases");
    assertTrue(cases.size() > 100, "the table was read: " + cases.size());
  }

  @Test
  void caretIsNotNegation() {
    // [^x] in fnmatch matches '^' or 'x'; [!x] is the negation.
    assertTrue(matches("", "v[^1].x", "v1.x"));
    assertFalse(matches("", "v[^1].x", "v2.x"));
    assertFalse(matches("", "v[!1].x", "v1.x"));
    assertTrue(matches("", "v[!1].x", "v2.x"));
  }

  @Test
  void starCrossesDots() {
    assertTrue(matches("", "content.*", "content.edited.Resource"));
    assertTrue(matches("p.", "content.*", "p.content.x"));
    assertFalse(matches("p.", "content.*", "content.x"));
    assertFalse(matches("", "content.*", "contentx"));
  }

  @Test
  void literalCharactersAreQuoted() {
    assertTrue(matches("", "a+b.*", "a+b.c"));
    assertFalse(matches("", "a.b*", "axb"));
  }

  @Test
  void questionMarkAndClasses() {
    assertTrue(matches("", "v?.x", "v1.x"));
    assertTrue(matches("", "v[12].x", "v2.x"));
    assertFalse(matches("", "v[!12].x", "v2.x"));
    assertTrue(matches("", "v[!12].x", "v3.x"));
  }

  @Test
  void deadLetterTopicsAreExcludedUnlessAskedFor() {
    assertFalse(matches("", "orders.*", "orders.eu.dlt"));
    assertTrue(matches("", "orders.*.dlt", "orders.eu.dlt"));
    assertTrue(matches("", "*", "x.dltx"));
    // the dead letters of a .dlt subscription are not its input either
    assertFalse(matches("", "orders.*.dlt", "orders.eu.dlt.dlt"));
    assertFalse(matches("", "*.dlt", "orders.dlt.dlt"));
  }

  @Test
  void aConfiguredDeadLetterStreamIsExcludedWhateverItIsCalled() {
    Pattern p = Globs.subscriptionPattern("p.", "dl.*", ".dlt", "dl.dead");
    assertFalse(p.matcher("p.dl.dead").matches());
    assertTrue(p.matcher("p.dl.deadx").matches());
    assertTrue(p.matcher("p.dl.in").matches());
    assertFalse(p.matcher("p.dl.in.dlt").matches());
    Pattern dlt = Globs.subscriptionPattern("", "*.dlt", ".dlt", "all.dlt");
    assertFalse(dlt.matcher("all.dlt").matches());
    assertTrue(dlt.matcher("orders.dlt").matches());
  }

  @Test
  void tidingsOwnStreamsAreNotMatchedByBroadGlobs() {
    assertFalse(matches("p.", "*", "p._tidings_schemas"));
    assertFalse(matches("p.", "*", "p.tidings.replies.3f2a"));
    assertFalse(matches("", "*", "_tidings_schemas"));
    assertFalse(matches("", "t*", "tidings.replies.3f2a"));
    assertTrue(matches("p.", "*", "p.tidings.repliesx"));
    assertTrue(matches("p.", "*", "p.orders"));
    assertTrue(matches("", "*", "_schemas"));
    // a glob that names them on purpose still gets them
    assertTrue(matches("p.", "tidings.replies.*", "p.tidings.replies.3f2a"));
    assertTrue(matches("", "_tidings*", "_tidings_schemas"));
    // the configured reply stream, and its dead letters, whatever it is called
    Pattern p = Globs.subscriptionPattern("p.", "*", ".dlt", null, "replies.host-1");
    assertFalse(p.matcher("p.replies.host-1").matches());
    assertTrue(p.matcher("p.replies.host-2").matches());
    Pattern dlt = Globs.subscriptionPattern("p.", "*.dlt", ".dlt", null, "replies.host-1");
    assertFalse(dlt.matcher("p.replies.host-1.dlt").matches());
    assertTrue(dlt.matcher("p.orders.dlt").matches());
  }

  @Test
  void plainNamesAreNotPatterns() {
    assertFalse(Globs.isPattern("foo.bar"));
    assertTrue(Globs.isPattern("foo.*"));
    assertTrue(Pattern.matches(Globs.toRegex("foo.bar"), "foo.bar"));
    assertFalse(Pattern.matches(Globs.toRegex("foo.bar"), "foo.bar1"));
  }
}
