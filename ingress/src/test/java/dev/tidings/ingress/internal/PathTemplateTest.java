package dev.tidings.ingress.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {
  @Test
  void parametersMatchOneNonEmptySegment() {
    PathTemplate t = PathTemplate.parse("/v1/streams/{stream}/batch");
    assertEquals(Map.of("stream", "orders.eu"), t.match("/v1/streams/orders.eu/batch"));
    assertNull(t.match("/v1/streams//batch"));
    assertNull(t.match("/v1/streams/a/b/batch"));
    assertEquals(List.of("stream"), t.parameters());
  }

  @Test
  void aTrailingSlashIsPartOfThePath() {
    assertEquals(Map.of(), PathTemplate.parse("/docs/").match("/docs/"));
    assertNull(PathTemplate.parse("/docs/").match("/docs"));
    assertNull(PathTemplate.parse("/docs").match("/docs/"));
    assertEquals(Map.of(), PathTemplate.parse("/").match("/"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse("/a//b"));
    assertEquals("path '/a//b' has an empty segment; remove the extra '/'", e.getMessage());
  }
}
