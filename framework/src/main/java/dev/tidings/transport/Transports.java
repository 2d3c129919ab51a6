package dev.tidings.transport;

import dev.tidings.transport.internal.Factories;
import java.util.SortedSet;

/** Builds transports by their configured {@code type}. */
public final class Transports {
  private Transports() {}

  /**
   * A new transport of {@code config.type()}: a registered type name (case-insensitive), else a
   * fully qualified class name of a {@link TransportFactory}, or of a {@link Transport} with a public
   * constructor taking a {@link TransportConfig}.
   *
   * @throws dev.tidings.ConfigurationException when the type is unknown (listing the known ones) or
   *     the factory refuses the configuration
   */
  public static Transport create(TransportConfig config) {
    return Factories.create(config);
  }

  /** The registered type names, sorted. */
  public static SortedSet<String> knownTypes() {
    return Factories.knownTypes();
  }
}
