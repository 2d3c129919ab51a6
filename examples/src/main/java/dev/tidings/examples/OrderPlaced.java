package dev.tidings.examples;

import dev.tidings.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A customer placed an order. Kept for 7 days (retention is in seconds); the two regional streams
 * are created at start-up.
 *
 * @param orderId the shop's order number, e.g. {@code o-1001}
 * @param customer who ordered
 * @param lines what was ordered, 1 to 100 lines
 * @param placedAt when
 * @param note a free text from the customer, if any
 */
@Schema(id = "OrderPlaced", version = 1, retention = 7 * 24 * 3600, streams = {"orders.eu", "orders.us"})
public record OrderPlaced(
    @NotBlank @Pattern(regexp = "o-[0-9]+") String orderId,
    @NotBlank String customer,
    @Size(min = 1, max = 100) List<Line> lines,
    Instant placedAt,
    Optional<String> note) {

  /** One line of an order. */
  public record Line(
      @NotBlank String sku, @Min(1) @Max(1000) int quantity, @PositiveOrZero BigDecimal unitPrice) {

    /** {@code quantity * unitPrice}. */
    public BigDecimal total() {
      return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
  }

  /** The sum of all lines. */
  public BigDecimal total() {
    return lines.stream().map(Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
