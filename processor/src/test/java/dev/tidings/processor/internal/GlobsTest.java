package dev.tidings.processor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class GlobsTest {

  @Test
  void acceptsTopicNamesAndGlobs() {
    for (String ok : new String[] {"orders", "orders.*", "orders.?u", "orders.[!x]*", "a-b_c.d", "logs.[a-z]"}) {
      assertNull(Globs.patternProblem(ok), ok);
    }
  }

  @Test
  void rejectsWhatNoTopicCanMatch() {
    assertEquals("it is blank", Globs.patternProblem(""));
    assertEquals("it contains whitespace at position 7, which no topic name holds", Globs.patternProblem("orders *"));
    assertEquals("the '[' at position 1 is never closed with ']'", Globs.patternProblem("[abc"));
    assertEquals("the class [a/] contains '/', which no topic name holds", Globs.patternProblem("x.[a/]"));
    assertEquals("the range 9-0 in [9-0] is reversed", Globs.patternProblem("[9-0]"));
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
