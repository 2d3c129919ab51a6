package dev.tidings.http.sink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.ConfigurationException;
import org.junit.jupiter.api.Test;

class UrlTemplateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void placeholdersAreJsonPointersAndValuesAreEncoded() throws Exception {
    UrlTemplate t = new UrlTemplate("https://hooks.example/{/data/tenant}/o/{/data/n}", "test");
    var envelope = JSON.readTree("{\"schema\":\"X:1\",\"data\":{\"tenant\":\"a/b c?\",\"n\":7}}");
    assertEquals("https://hooks.example/a%2Fb%20c%3F/o/7", t.expand(envelope).toString());
    assertFalse(t.placeholderInOrigin());
    assertEquals("https://hooks.example/", t.origin());
    assertEquals("/{/data/tenant}/o/{/data/n}", t.pathTemplate());
  }

  @Test
  void aMissingValueIsAnInvalidMessage() throws Exception {
    UrlTemplate t = new UrlTemplate("https://hooks.example/{/data/tenant}", "test");
    InvalidMessageException e = assertThrows(InvalidMessageException.class,
        () -> t.expand(JSON.readTree("{\"data\":{}}")));
    assertTrue(e.getMessage().contains("/data/tenant"), e.getMessage());
  }

  @Test
  void badTemplatesFailAtBuild() {
    assertThrows(ConfigurationException.class, () -> new UrlTemplate("https://x/{data}", "test"));
    assertThrows(ConfigurationException.class, () -> new UrlTemplate("ftp://x/", "test"));
    assertTrue(new UrlTemplate("https://{/data/host}/x", "test").placeholderInOrigin());
    assertEquals(null, new UrlTemplate("https://{/data/host}/x", "test").pathTemplate(), "no template of the origin");
  }
}
