package dev.tidings.transport;

/**
 * Builds transports of one type from configuration. Registered with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.tidings.transport.TransportFactory}), or named by its fully
 * qualified class name as the {@code type}; it needs a public no-argument constructor.
 *
 * <pre>{@code
 * public final class AuditTransportFactory implements TransportFactory {
 *   public String type() { return "audit"; }
 *   public Transport create(TransportConfig config) {
 *     config.section().rejectUnknown(Set.of("type", "target"));
 *     return new AuditTransport(config.section().requireString("target"));
 *   }
 * }
 * }</pre>
 */
public interface TransportFactory {
  /** The short name of the type, matched case-insensitively, e.g. {@code kafka}. */
  String type();

  /**
   * A new transport.
   *
   * @throws dev.tidings.ConfigurationException when the configuration is wrong, naming the key and
   *     the file
   */
  Transport create(TransportConfig config);
}
