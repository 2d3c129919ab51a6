package dev.tidings.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durability: a line whose send completed is in the file after the JVM is killed with SIGKILL. */
class FileTransportKillTest {
  @Test
  void confirmedLinesSurviveKillMinus9(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("durable.jsonl");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        FileTransportChild.class.getName(), file.toString()).redirectErrorStream(true).start();
    long lastConfirmed = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("confirmed ")) {
          lastConfirmed = Long.parseLong(line.substring("confirmed ".length()));
          if (lastConfirmed >= 300) {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
            break;
          }
        }
      }
    } finally {
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child ended");
    }
    assertTrue(lastConfirmed >= 300, "the child confirmed " + lastConfirmed);
    List<String> lines = Files.readAllLines(file);
    System.out.println("kill -9 after " + lastConfirmed + " confirmed sends: " + lines.size() + " line(s) in the file");
    assertTrue(lines.size() >= lastConfirmed, lines.size() + " lines, " + lastConfirmed + " confirmed");
    for (int i = 1; i <= lastConfirmed; i++) {
      assertArrayEquals(("{\"schema\":\"Foo:1\",\"data\":{\"n\":" + i + "}}").getBytes(StandardCharsets.UTF_8),
          JsonLines.decode(lines.get(i - 1), "line " + i).envelope());
    }
  }
}
