package test;

import dev.tidings.Schema;

public class BadIds {
  @Schema(id = "Order:1")
  public record WithColon(String id) {}

  @Schema(id = "   ")
  public record Blank(String id) {}
}
