package dev.tidings.transport.internal;

import dev.tidings.transport.Transport;
import dev.tidings.transport.TransportConfig;
import dev.tidings.transport.TransportFactory;

/**
 * {@code type: http}: {@code url} (required), {@code timeout} (10 s), {@code connectTimeout} (the
 * timeout), {@code auth} ({@code type: bearer} with {@code token}/{@code tokenEnv}/{@code
 * tokenFile}, or {@code type: basic} with {@code username} and {@code password}/{@code
 * passwordEnv}/{@code passwordFile}), {@code compression} ({@code gzip} or {@code none}), {@code
 * headers}, {@code batch} ({@code size}, {@code linger}), {@code retry} ({@code maxAttempts} 5,
 * {@code initialBackoff} 200 ms, {@code maxBackoff} 10 s).
 */
public final class HttpTransportFactory implements TransportFactory {
  @Override
  public String type() {
    return "http";
  }

  @Override
  public Transport create(TransportConfig config) {
    return new HttpTransport(HttpSettings.read(config));
  }
}
