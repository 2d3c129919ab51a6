package dev.tidings.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tidings.testkit.internal.TlsFiles;

/**
 * The SASL_SSL listener of an {@link EmbeddedKafka} built with {@link EmbeddedKafka.Builder#scramUser(String, String)}:
 * SCRAM-SHA-512 authentication over TLS, with a certificate generated for the broker at test time.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().scramUser("alice", "alice-pw-1").start()) {
 *     SecureListener secure = kafka.secureListener();
 *     Map<String, String> client = secure.clientSettings("alice");  // security.protocol, sasl.*, ssl.truststore.*
 *     String servers = secure.bootstrapServers();                    // the SASL_SSL port
 *     ...
 * }
 * }</pre>
 *
 * <p>The broker's PLAINTEXT port ({@link EmbeddedKafka#bootstrapServers()}) stays open without authentication, for
 * setting up and checking a test (creating topics, reading what was stored); code under test should be given the
 * secure port only. Every authenticated user may do everything (no authorizer).
 *
 * <p>Instances are immutable.
 */
public final class SecureListener {

    /** The only SASL mechanism the listener offers. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    private final int port;
    private final TlsFiles tls;
    private final Map<String, String> users;

    SecureListener(int port, TlsFiles tls, Map<String, String> users) {
        this.port = port;
        this.tls = tls;
        this.users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
    }

    /**
     * Returns the address of the SASL_SSL listener.
     *
     * @return {@code "127.0.0.1:<port>"}
     */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Returns the SASL_SSL port; it stays the same across {@link EmbeddedKafka#restart()}.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Returns the SCRAM users and their passwords, in the order they were added.
     *
     * @return name to password
     */
    public Map<String, String> users() {
        return users;
    }

    /**
     * Returns the password of a user.
     *
     * @param user a name given to {@link EmbeddedKafka.Builder#scramUser(String, String)}
     * @return its password
     * @throws IllegalArgumentException for an unknown user
     */
    public String password(String user) {
        String password = users.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no SCRAM user '" + user + "' on this broker; users: " + users.keySet());
        }
        return password;
    }

    /**
     * Returns a truststore (PKCS12, password {@link #truststorePassword()}) that trusts the broker's certificate.
     *
     * @return the file
     */
    public Path truststore() {
        return tls.truststore();
    }

    /**
     * Returns a truststore (PKCS12, same password) that trusts another certificate only, so that a TLS handshake with
     * the broker fails: for tests of a wrong truststore.
     *
     * @return the file
     */
    public Path untrustedTruststore() {
        return tls.untrustedTruststore();
    }

    /**
     * Returns the password of both truststores and of the broker's keystore.
     *
     * @return the password
     */
    public String truststorePassword() {
        return tls.password();
    }

    /**
     * Returns every secret of this listener (user passwords and the store password), for tests that check that none
     * of them is printed, logged or served.
     *
     * @return the secrets
     */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>(users.values());
        secrets.add(tls.password());
        return secrets;
    }

    /**
     * Returns the Kafka client settings that connect as {@code user}: {@code bootstrap.servers},
     * {@code security.protocol=SASL_SSL}, {@code sasl.mechanism}, {@code sasl.jaas.config} and
     * {@code ssl.truststore.location/password/type}.
     *
     * @param user a SCRAM user of this broker
     * @return a mutable map in a stable order
     */
    public Map<String, String> clientSettings(String user) {
        return clientSettings(user, password(user), truststore());
    }

    /**
     * Returns client settings with any password and truststore, for tests of wrong credentials.
     *
     * @param user the SCRAM user name
     * @param password the password to present
     * @param truststore the truststore to verify the broker with (PKCS12, password {@link #truststorePassword()})
     * @return a mutable map in a stable order
     */
    public Map<String, String> clientSettings(String user, String password, Path truststore) {
        Objects.requireNonNull(truststore, "truststore");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", bootstrapServers());
        settings.put("security.protocol", "SASL_SSL");
        settings.put("sasl.mechanism", MECHANISM);
        settings.put("sasl.jaas.config", jaasConfig(user, password));
        settings.put("ssl.truststore.location", truststore.toAbsolutePath().toString());
        settings.put("ssl.truststore.password", tls.password());
        settings.put("ssl.truststore.type", TlsFiles.TYPE);
        return settings;
    }

    /**
     * Returns the {@code sasl.jaas.config} value of a SCRAM login.
     *
     * @param user the user name
     * @param password the password
     * @return {@code org.apache.kafka.common.security.scram.ScramLoginModule required username="..." password="...";}
     */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    @Override
    public String toString() {
        return "SecureListener[SASL_SSL " + bootstrapServers() + ", " + MECHANISM + ", users " + users.keySet() + "]";
    }
}
