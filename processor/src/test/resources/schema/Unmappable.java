package test;

import dev.tidings.Schema;
import java.util.List;
import java.util.Map;

@Schema
public record Unmappable(
    String fine,
    Object anything,
    @SuppressWarnings("rawtypes") List rawList,
    Map<Integer, String> byNumber,
    Thread thread,
    List<Part> parts) {

  public record Part(String name, Runnable task) {}
}
