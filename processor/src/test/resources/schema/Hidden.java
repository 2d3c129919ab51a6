package test;

import dev.tidings.Schema;

public class Hidden {
  @Schema
  private record Secret(String name) {}
}
