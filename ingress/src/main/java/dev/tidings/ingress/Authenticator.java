package dev.tidings.ingress;

import dev.tidings.ingress.internal.CredentialsFile;
import dev.tidings.ingress.internal.NoAuthentication;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Decides who sent a request from its headers. Implement it for a custom scheme (an API gateway's
 * signed header, mTLS details forwarded by a proxy, ...); the shipped ones are {@link
 * #credentialsFile(Path)} (bearer tokens and HTTP Basic, hashed) and {@link #none()}.
 *
 * <p>Implementations are called concurrently from the server's threads; they must compare secrets
 * in constant time (e.g. {@link java.security.MessageDigest#isEqual}) and never log them.
 */
@FunctionalInterface
public interface Authenticator {

  /**
   * The principal of the request, or {@code null} when it carries no acceptable credentials (the
   * server answers 401).
   *
   * @param header the request's header of a name (case-insensitive), or {@code null} when absent
   */
  Principal authenticate(Function<String, String> header);

  /** The {@code WWW-Authenticate} challenge sent with a 401. */
  default String challenge() {
    return "Bearer realm=\"tidings\"";
  }

  /** Whether this is {@link #none()}: every request is {@link Principal#ANONYMOUS}. */
  default boolean isNone() {
    return false;
  }

  /** No authentication: every request may publish to every stream. The server warns at start. */
  static Authenticator none() {
    return NoAuthentication.INSTANCE;
  }

  /**
   * Bearer tokens and HTTP Basic users from a file of hashed secrets, one per line:
   *
   * <pre>
   * # kind   principal  sha256 of the secret (hex)                                         streams
   * token    lineage    9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  openlineage,lineage.*
   * basic    shop       2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae  orders.*
   * </pre>
   *
   * <p>A {@code token} line accepts {@code Authorization: Bearer <secret>}; a {@code basic} line
   * accepts {@code Authorization: Basic base64(principal:secret)}. The hash is {@code printf %s
   * SECRET | sha256sum}: use long random secrets (e.g. {@code openssl rand -hex 32}), since a fast
   * hash does not protect short passwords.
   *
   * @throws IllegalArgumentException when the file cannot be read or a line is malformed (the
   *     message names the line)
   */
  static Authenticator credentialsFile(Path file) {
    return CredentialsFile.load(file);
  }
}

