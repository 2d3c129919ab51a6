package dev.tidings.examples;

import dev.tidings.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Billing issued an invoice for an order; {@link Billing} publishes it when an order is placed.
 *
 * @param invoiceId {@code inv-} and the order number
 * @param orderId the order
 * @param customer who pays
 * @param total the amount
 * @param issuedAt when
 */
@Schema(streams = "invoices")
public record InvoiceIssued(
    @NotBlank String invoiceId,
    @NotBlank String orderId,
    @NotBlank String customer,
    @PositiveOrZero BigDecimal total,
    Instant issuedAt) {}
