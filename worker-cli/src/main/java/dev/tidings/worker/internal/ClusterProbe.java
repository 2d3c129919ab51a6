package dev.tidings.worker.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;

/**
 * Checks, before anything starts, that the cluster answers: an admin client with the user's
 * settings and short timeouts asks for the cluster id and broker count. The Kafka clients would
 * otherwise retry for minutes; the worker fails within the timeout with one line naming the
 * servers it tried. Its own client id is always {@value #CLIENT_ID}, so that the worker's logging can leave out what
 * the Kafka client logs about it: a failed probe is reported once, by the worker, in one line that names the cause
 * (unreachable, credentials refused, TLS handshake failed, a TLS port talked to in plaintext) and the settings to
 * check.
 */
public final class ClusterProbe {
  /** The {@code client.id} of the probe's admin client. */
  public static final String CLIENT_ID = "tidings-worker-probe";

  private ClusterProbe() {}

  /** What the probe saw. */
  public record Cluster(String id, int brokers) {}

  /**
   * Asks the cluster at {@code servers} for its id.
   *
   * @throws WorkerException ({@link ExitCode#FAILURE}) when it does not answer within {@code
   *     timeout}, with the servers and the reason
   */
  public static Cluster check(String servers, Map<String, Object> settings, Duration timeout) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    Map<String, Object> config = new HashMap<>(settings);
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) Math.min(millis, 5_000));
    config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) Math.min(millis, 5_000));
    config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000L);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID);
    long start = System.nanoTime();
    String protocol = String.valueOf(settings.getOrDefault("security.protocol", "PLAINTEXT")).trim()
        .toUpperCase(java.util.Locale.ROOT);
    if (protocol.equals("PLAINTEXT") || protocol.equals("SASL_PLAINTEXT")) {
      java.util.Optional<String> tls = TlsSniff.firstSpeakingTls(servers, Math.min(millis, 3_000));
      if (tls.isPresent()) {
        throw new WorkerException(ExitCode.FAILURE, "Kafka at " + tls.get() + " speaks TLS, but security.protocol is "
            + protocol + ": set security.protocol to " + (protocol.startsWith("SASL") ? "SASL_SSL" : "SSL or SASL_SSL")
            + " and the ssl.truststore.* (and SASL) settings in --kafka-settings, or use the brokers' plaintext port");
      }
    }
    Admin admin;
    try {
      admin = Admin.create(config);
    } catch (KafkaException e) {
      throw unreachable(servers, timeout, rootMessage(e), e);
    }
    try {
      DescribeClusterResult result = admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis));
      long left = Math.max(1, timeout.toMillis() - (System.nanoTime() - start) / 1_000_000) + 1_000;
      String id = result.clusterId().get(left, TimeUnit.MILLISECONDS);
      int brokers = result.nodes().get(left, TimeUnit.MILLISECONDS).size();
      return new Cluster(id, brokers);
    } catch (ExecutionException e) {
      throw failed(servers, timeout, e.getCause());
    } catch (TimeoutException e) {
      throw unreachable(servers, timeout, "no answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkerException(ExitCode.FAILURE, "interrupted while connecting to Kafka at " + servers, e);
    } finally {
      admin.close(Duration.ZERO);
    }
  }

  private static WorkerException failed(String servers, Duration timeout, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.apache.kafka.common.errors.SslAuthenticationException) {
        return new WorkerException(ExitCode.FAILURE, "the TLS handshake with Kafka at " + servers + " failed ("
            + rootMessage(t) + "): check ssl.truststore.location and ssl.truststore.password in --kafka-settings"
            + " (the truststore must hold the certificate of the brokers or of their CA) and that the brokers'"
            + " certificates name the host you connect to; or, if the port is not a TLS listener, set"
            + " security.protocol to PLAINTEXT or SASL_PLAINTEXT", cause);
      }
      if (t instanceof org.apache.kafka.common.errors.SaslAuthenticationException
          || t instanceof org.apache.kafka.common.errors.UnsupportedSaslMechanismException
          || t instanceof org.apache.kafka.common.errors.IllegalSaslStateException) {
        return new WorkerException(ExitCode.FAILURE, "Kafka at " + servers + " refused the SASL authentication ("
            + rootMessage(t) + "): check sasl.mechanism and the user name and password in sasl.jaas.config of"
            + " --kafka-settings", cause);
      }
      if (t instanceof org.apache.kafka.common.errors.AuthenticationException) {
        return new WorkerException(ExitCode.FAILURE, "Kafka at " + servers + " refused the authentication ("
            + rootMessage(t) + "): check security.protocol and the SASL and TLS settings of --kafka-settings", cause);
      }
    }
    return unreachable(servers, timeout, rootMessage(cause), cause);
  }

  private static WorkerException unreachable(String servers, Duration timeout, String reason, Throwable cause) {
    return new WorkerException(ExitCode.FAILURE, "cannot reach Kafka at " + servers + " within "
        + DurationConverter.format(timeout) + " (" + reason + "): check --kafka-servers / KAFKA_BOOTSTRAP_SERVERS,"
        + " --kafka-settings (security.protocol, SASL, TLS) and that the brokers run; or use --dev", cause);
  }

  private static String rootMessage(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    if (t instanceof org.apache.kafka.common.errors.TimeoutException) {
      return "no answer: " + message;
    }
    return message.replace('\n', ' ');
  }
}
