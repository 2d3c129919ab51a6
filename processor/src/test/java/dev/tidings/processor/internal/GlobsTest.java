package dev.tidings.processor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GlobsTest {

  /** The same table as the runtime's GlobsTest: pattern, name, whether Python's fnmatch matches. */
  @Test
  void translatesExactlyAsPythonsFnmatch() throws IOException {
    List<String> wrong = new ArrayList<>();
    int rows = 0;
    try (InputStream in = GlobsTest.class.getResourceAsStream("fnmatch-cases.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] row = line.split("\t", -1);
        rows++;
        boolean expected = row[2].equals("yes");
        boolean actual = Pattern.compile(Globs.toRegex(row[0])).matcher(row[1]).matches();
        if (actual != expected) {
          wrong.add("'" + row[0] + "' vs '" + row[1] + "': fnmatch says " + expected + ", Globs says " + actual);
        }
      }
    }
    assertEquals(List.of(), wrong);
    assertTrue(rows > 100, "the table was read: " + rows);
  }

  @Test
  void acceptsTopicNamesAndGlobs() {
    for (String ok : new String[] {"orders", "orders.*", "orders.?u", "orders.[!x]*", "a-b_c.d", "logs.[a-z]",
        "x.[a-c-_]", "x.[+-.]", "x.[-a]", "x.[a-]"}) {
      assertNull(Globs.patternProblem(ok), ok);
    }
  }

  @Test
  void caretIsNotANegation() {
    assertEquals("the class [^x] matches '^' or 'x' (in fnmatch '^' is not a negation; write [!x] to match any"
        + " other character)", Globs.patternProblem("orders.[^x]"));
  }

  @Test
  void rejectsWhatNoTopicCanMatch() {
    assertEquals("it is blank", Globs.patternProblem(""));
    assertEquals("it contains whitespace at position 7, which no topic name holds", Globs.patternProblem("orders *"));
    assertEquals("the '[' at position 1 is never closed with ']'", Globs.patternProblem("[abc"));
    assertEquals("the '[' at position 1 is never closed with ']'", Globs.patternProblem("[!]"));
    assertEquals("the class [a/] contains '/', which no topic name holds", Globs.patternProblem("x.[a/]"));
    assertEquals("the range 9-0 in [9-0] is reversed and matches nothing", Globs.patternProblem("[9-0]"));
    assertEquals("the class [!-.0-9A-Z_a-z] matches no character a topic name can hold",
        Globs.patternProblem("x[!-.0-9A-Z_a-z]"));
  }

  @Test
  void checksStreamNames() {
    assertNull(Globs.streamProblem("orders.eu-1"));
    assertEquals("is blank", Globs.streamProblem(" "));
    assertEquals("contains '*'", Globs.streamProblem("orders.*"));
    assertEquals("is '..', which Kafka does not allow as a topic name", Globs.streamProblem(".."));
    assertEquals("is 250 characters long", Globs.streamProblem("x".repeat(250)));
  }
}
