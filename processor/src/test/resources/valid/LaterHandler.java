package shop;

import dev.tidings.Schema;
import dev.tidings.Subscribe;

/** Uses {@code Later}, which another processor generates in the first round. */
public class LaterHandler {
  @Subscribe(pattern = "later")
  public void onLater(Later later) {}

  /** A schema whose component is generated later too. */
  @Schema
  public record Wrapper(Later later) {}
}
