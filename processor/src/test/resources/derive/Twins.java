package test;

import dev.tidings.Schema;

@Schema
public record Twins(First.Part first, Second.Part second) {
  public static final class First {
    public record Part(String a) {}
  }

  public static final class Second {
    public record Part(int b) {}
  }
}
