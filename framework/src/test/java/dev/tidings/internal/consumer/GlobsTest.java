package dev.tidings.internal.consumer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GlobsTest {
  private static boolean matches(String prefix, String glob, String topic) {
    return Globs.subscriptionPattern(prefix, glob, ".dlt").matcher(topic).matches();
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
  }

  @Test
  void plainNamesAreNotPatterns() {
    assertFalse(Globs.isPattern("foo.bar"));
    assertTrue(Globs.isPattern("foo.*"));
    assertTrue(Pattern.matches(Globs.toRegex("foo.bar"), "foo.bar"));
    assertFalse(Pattern.matches(Globs.toRegex("foo.bar"), "foo.bar1"));
  }
}
