package dev.tidings.ingress.internal;

import dev.tidings.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty server: a bounded thread pool of daemon threads, one connector (HTTP/1.1 and h2c, or
 * HTTPS with HTTP/1.1), the {@link RootHandler}, and JSON bodies for the errors Jetty answers itself
 * (malformed requests, headers too large).
 */
public final class JettyServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JettyServer.class);

  private final Server server;
  private final ServerConnector connector;
  private final boolean secure;

  private JettyServer(Server server, ServerConnector connector, boolean secure) {
    this.server = server;
    this.connector = connector;
    this.secure = secure;
  }

  /**
   * Binds and starts.
   *
   * @throws ConfigurationException when the port cannot be bound or the key store cannot be used
   */
  public static JettyServer start(ServerSettings settings) {
    QueuedThreadPool pool = new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()));
    pool.setName("tidings-http");
    pool.setDaemon(true);
    Server server = new Server(pool);
    server.setStopTimeout(2_000);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendDateHeader(false);
    ServerConnector connector;
    boolean secure = settings.keyStore() != null;
    if (secure) {
      if (!Files.isReadable(settings.keyStore())) {
        throw new ConfigurationException("the TLS key store " + settings.keyStore()
            + " cannot be read: give a readable PKCS12 file");
      }
      SslContextFactory.Server tls = new SslContextFactory.Server();
      tls.setKeyStorePath(settings.keyStore().toString());
      tls.setKeyStorePassword(settings.keyStorePassword());
      tls.setKeyStoreType("PKCS12");
      SecureRequestCustomizer customizer = new SecureRequestCustomizer();
      customizer.setSniHostCheck(false);
      config.addCustomizer(customizer);
      connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
          new HttpConnectionFactory(config));
    } else {
      connector = new ServerConnector(server, new HttpConnectionFactory(config),
          new HTTP2CServerConnectionFactory(config));
    }
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    server.addConnector(connector);
    server.setHandler(new RootHandler(settings));
    server.setErrorHandler(new JsonErrorHandler());
    try {
      server.start();
    } catch (Exception e) {
      try {
        server.stop();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      Throwable cause = e instanceof IOException && e.getCause() != null ? e.getCause() : e;
      throw new ConfigurationException("cannot serve HTTP on port " + settings.port() + ": " + cause.getMessage()
          + (secure ? " (check the key store and its password)" : "")
          + "; choose another port (or 0 for a free one)", e);
    }
    LOG.info("serving {} on port {}", secure ? "HTTPS" : "HTTP (HTTP/1.1, h2c)", connector.getLocalPort());
    return new JettyServer(server, connector, secure);
  }

  public int port() {
    return connector.getLocalPort();
  }

  public boolean secure() {
    return secure;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("stopping the HTTP server failed: {}", e.toString());
    }
  }
}
