package dev.tidings.examples;

import dev.tidings.Schema;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An order left the warehouse.
 *
 * @param orderId the order
 * @param trackingId the carrier's tracking number
 * @param carrier who delivers it
 * @param address where to
 * @param parcels parcel labels
 * @param shippedAt when it left
 * @param expectedOn the expected delivery day
 * @param windowStart the start of the delivery window, local time
 * @param transit the expected time in transit
 * @param services extra services booked
 */
@Schema(retention = 30 * 24 * 3600)
public record OrderShipped(
    @NotBlank String orderId,
    UUID trackingId,
    Carrier carrier,
    Address address,
    List<String> parcels,
    Instant shippedAt,
    LocalDate expectedOn,
    LocalTime windowStart,
    Duration transit,
    Set<Service> services) {

  /** Who delivers. */
  public enum Carrier {
    POST,
    COURIER,
    PICKUP
  }

  /** Services a carrier offers. */
  public enum Service {
    SIGNATURE,
    INSURANCE,
    EVENING
  }

  /** A postal address. */
  public record Address(
      @NotBlank String name, @NotBlank String street, @NotBlank String city, String country) {}
}
