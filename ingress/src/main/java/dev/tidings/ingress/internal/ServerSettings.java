package dev.tidings.ingress.internal;

import dev.tidings.ingress.Authenticator;
import java.nio.file.Path;
import java.util.List;

/**
 * What the server runs with, validated by {@link dev.tidings.ingress.TidingsHttpServer.Builder}.
 *
 * @param host the interface to bind, or {@code null} for all
 * @param port the port, 0 for a free one
 * @param keyStore a PKCS12 key store for HTTPS, or {@code null} for plain HTTP (and h2c)
 * @param auth who may POST; {@code null} only when there is no POST route
 * @param maxBodyBytes largest request body, counted after inflating gzip
 * @param maxInFlightRequests POST requests admitted at once; more are answered 503
 * @param maxInFlightBytes body bytes admitted at once; more are answered 503
 * @param ratePerSecond POST requests a principal may send per second (burst of the same size), 0 for
 *     no limit
 * @param maxThreads the server's thread pool bound
 */
public record ServerSettings(String host, int port, Path keyStore, String keyStorePassword, Authenticator auth,
    long maxBodyBytes, int maxInFlightRequests, long maxInFlightBytes, double ratePerSecond, int maxThreads,
    List<Route> routes) {}
