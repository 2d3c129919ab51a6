package dev.tidings.http.sink.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.ConfigurationException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowListTest {
  private static boolean allows(String entry, String url) {
    return AllowList.of(List.of(entry)).allows(URI.create(url));
  }

  @Test
  void hostsPortsAndWildcards() {
    assertTrue(allows("api.example", "https://api.example/x"));
    assertTrue(allows("API.example", "http://api.example:8080/x"));
    assertFalse(allows("api.example", "https://api.example.evil/x"));
    assertTrue(allows("localhost:8080", "http://localhost:8080/"));
    assertFalse(allows("localhost:8080", "http://localhost:8081/"));
    assertTrue(allows("*.example", "https://a.b.example/"));
    assertFalse(allows("*.example", "https://example/"));
  }

  @Test
  void prefixesMatchAtPathBoundaries() {
    assertTrue(allows("https://api.example/v1", "https://api.example/v1/orders"));
    assertTrue(allows("https://api.example/v1/", "https://api.example/v1/orders"));
    assertFalse(allows("https://api.example/v1", "https://api.example/v10"));
    assertFalse(allows("https://api.example/v1", "http://api.example/v1/orders"));
    assertFalse(allows("https://api.example", "https://api.example.evil/"));
    assertFalse(allows("https://api.example", "https://api.example:8443/"));
  }

  @Test
  void onlyHttpIsEverAllowed() {
    assertFalse(allows("api.example", "ftp://api.example/x"));
    assertFalse(AllowList.of(List.of()).allows(URI.create("file:///etc/passwd")));
    assertThrows(ConfigurationException.class, () -> AllowList.of(List.of("ftp://api.example/")));
    assertThrows(ConfigurationException.class, () -> AllowList.of(List.of(" ")));
  }
}
