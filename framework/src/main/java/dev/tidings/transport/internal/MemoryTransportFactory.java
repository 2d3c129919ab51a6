package dev.tidings.transport.internal;

import dev.tidings.transport.MemoryTransport;
import dev.tidings.transport.Transport;
import dev.tidings.transport.TransportConfig;
import dev.tidings.transport.TransportFactory;
import java.util.Set;

/** {@code type: memory}, optional {@code name} (the shared {@link MemoryTransport#named} instance). */
public final class MemoryTransportFactory implements TransportFactory {
  @Override
  public String type() {
    return "memory";
  }

  @Override
  public Transport create(TransportConfig config) {
    config.section().rejectUnknown(Set.of("type", "name"));
    return config.section().string("name").map(MemoryTransport::named).orElseGet(MemoryTransport::new);
  }
}
