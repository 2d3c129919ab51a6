package dev.tidings.transport.internal;

import dev.tidings.ConfigurationException;
import dev.tidings.config.ConfigSection;
import dev.tidings.transport.Transport;
import dev.tidings.transport.Transports;
import dev.tidings.transport.TransportConfig;
import dev.tidings.transport.TransportFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code type: composite}: {@code mode} ({@code fanout} or {@code failover}, required), {@code
 * transports} (a list of transport sections, in priority order), {@code continueOnFailure} (fanout
 * only, default false).
 */
public final class CompositeTransportFactory implements TransportFactory {
  @Override
  public String type() {
    return "composite";
  }

  @Override
  public Transport create(TransportConfig config) {
    ConfigSection s = config.section();
    s.rejectUnknown(Set.of("type", "mode", "transports", "continueOnFailure"));
    String modeText = s.requireString("mode").toLowerCase(Locale.ROOT);
    CompositeTransport.Mode mode;
    switch (modeText) {
      case "fanout":
        mode = CompositeTransport.Mode.FANOUT;
        break;
      case "failover":
        mode = CompositeTransport.Mode.FAILOVER;
        break;
      default:
        throw new ConfigurationException("key 'mode' in " + Factories.where(config) + " is '" + modeText
            + "': use fanout (every transport) or failover (the first that confirms)");
    }
    boolean continueOnFailure = s.bool("continueOnFailure").orElse(false);
    if (continueOnFailure && mode == CompositeTransport.Mode.FAILOVER) {
      throw new ConfigurationException("key 'continueOnFailure' in " + Factories.where(config)
          + " applies to mode fanout only: remove it (failover always goes on to the next transport)");
    }
    List<ConfigSection> sections = s.sections("transports");
    if (sections.isEmpty()) {
      throw new ConfigurationException("missing key 'transports' in " + Factories.where(config)
          + ": list the transports, e.g. 'transports: [{type: kafka}, {type: file, path: spill.jsonl}]'");
    }
    List<Transport> members = new ArrayList<>();
    try {
      for (ConfigSection member : sections) {
        members.add(Transports.create(config.withSection(member)));
      }
    } catch (RuntimeException e) {
      members.forEach(Transport::close);
      throw e;
    }
    return new CompositeTransport(members, mode, continueOnFailure);
  }
}
