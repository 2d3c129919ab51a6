package shop;

import dev.tidings.Schema;
import dev.tidings.Subscribe;

/** Deprecated schemas and handlers still compile without warnings in generated code. */
public final class Legacy {
  private Legacy() {}

  /** An old message. */
  @Deprecated
  @Schema(id = "Old")
  public record Old(String id) {}

  /** Its handler. */
  public static class Handler {
    @Deprecated(forRemoval = true)
    @Subscribe(pattern = "old")
    public void onOld(Old old) {}
  }
}
