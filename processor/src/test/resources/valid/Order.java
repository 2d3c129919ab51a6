package shop;

import dev.tidings.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An order, as the shop publishes it. */
@Schema(id = "Order", version = 2, retention = 604800, streams = {"orders"})
public record Order(
    @NotBlank String orderId,
    @Size(min = 1, max = 50) List<Line> lines,
    Status status,
    Instant placedAt,
    Optional<String> note,
    int priority) {

  /** One line of an order. */
  public record Line(String sku, @Min(1) int quantity) {}

  /** Where the order is. */
  public enum Status {
    PLACED,
    SHIPPED
  }
}
