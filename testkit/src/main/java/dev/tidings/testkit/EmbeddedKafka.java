package dev.tidings.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import dev.tidings.testkit.internal.Bounded;
import dev.tidings.testkit.internal.BrokerConfig;
import dev.tidings.testkit.internal.Directories;
import dev.tidings.testkit.internal.FreePorts;
import dev.tidings.testkit.internal.StorageFormat;
import dev.tidings.testkit.internal.TlsFiles;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller, node id 1) running inside this JVM and
 * listening on 127.0.0.1.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *     String bootstrap = kafka.bootstrapServers();   // "127.0.0.1:<port>"
 *     ...
 * }
 * }</pre>
 *
 * <p>The broker's threads are not daemon threads: always {@link #close()} it (try-with-resources or a {@code finally}
 * block). A JVM shutdown hook stops a broker that was left running, as a safety net only.
 *
 * <p>Topics are not created automatically ({@code auto.create.topics.enable=false}); create them with the Admin client,
 * or switch it on with {@code brokerProperty("auto.create.topics.enable", "true")}.
 *
 * <p>Inside JUnit tests the {@link KafkaExtension} shares one broker between all tests of the JVM. A test that needs a
 * broker of its own, for example to {@link #stop()} and {@link #restart()} it without disturbing other tests, creates
 * an {@code EmbeddedKafka} itself.
 *
 * <p><b>Logging.</b> The broker logs through SLF4J, so the application's logging backend decides what is shown; the
 * kit itself never prints to standard output. Tests usually set the {@code org.apache.kafka}, {@code kafka} and
 * {@code state.change.logger} loggers to WARN.
 *
 * <p><b>Security.</b> {@link Builder#scramUser(String, String)} adds a SASL_SSL listener with SCRAM-SHA-512 users and a
 * TLS certificate generated at start; {@link #secureListener()} gives its address, a truststore and the client
 * settings. The PLAINTEXT port stays open for the test's own set-up.
 *
 * <p>Instances are thread-safe.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration BIND_RETRY_LIMIT = Duration.ofSeconds(15);
    private static final long BIND_RETRY_PAUSE_MS = 250;

    private final int port;
    private final int controllerPort;
    private final int securePort;
    private final Map<String, String> scramUsers;
    private final Path dir;
    private final boolean ownsDir;
    private final Map<String, String> overrides;
    private final boolean quiet;
    private final Duration timeout;
    private final String clusterId;

    private KafkaRaftServer server;
    private SecureListener secureListener;
    private Thread shutdownHook;
    private boolean closed;

    private EmbeddedKafka(Builder builder) {
        int[] free = FreePorts.pick(5);
        java.util.Set<Integer> taken = new java.util.HashSet<>(java.util.Arrays.asList(builder.port,
                builder.controllerPort, builder.securePort));
        java.util.Iterator<Integer> spare = java.util.Arrays.stream(free).boxed().filter(p -> !taken.contains(p))
                .iterator();
        this.port = builder.port != 0 ? builder.port : spare.next();
        this.controllerPort = builder.controllerPort != 0 ? builder.controllerPort : spare.next();
        this.scramUsers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.scramUsers));
        this.securePort = builder.scramUsers.isEmpty() ? 0
                : builder.securePort != 0 ? builder.securePort : spare.next();
        if (this.port == this.controllerPort || this.port == this.securePort
                || this.controllerPort == this.securePort) {
            throw new IllegalArgumentException("port, controllerPort and securePort must differ, got " + port + ", "
                    + controllerPort + " and " + securePort);
        }
        if (builder.logDir != null) {
            this.dir = builder.logDir.toAbsolutePath();
            this.ownsDir = false;
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("could not create the Kafka log directory " + dir, e);
            }
        } else {
            try {
                this.dir = Files.createTempDirectory("tidings-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException("could not create a temporary directory for the Kafka logs", e);
            }
            this.ownsDir = true;
        }
        this.overrides = Map.copyOf(builder.overrides);
        this.quiet = builder.quiet;
        this.timeout = builder.timeout;
        this.clusterId = builder.clusterId;
    }

    /**
     * Starts a broker with the defaults: free ports, a temporary log directory that {@link #close()} deletes.
     *
     * @return the running broker
     * @throws IllegalStateException if it did not start within 60 seconds or failed to start
     */
    public static EmbeddedKafka start() {
        return builder().start();
    }

    /**
     * Returns a builder for a broker with non-default settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the address clients connect to.
     *
     * @return {@code "127.0.0.1:<port>"}
     */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Returns the client (PLAINTEXT) port; it stays the same across {@link #stop()} and {@link #restart()}.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Returns the SASL_SSL listener of a broker built with {@link Builder#scramUser(String, String)}.
     *
     * @return its address, users, truststores and client settings
     * @throws IllegalStateException if this broker has no such listener, or was never started
     */
    public synchronized SecureListener secureListener() {
        if (securePort == 0) {
            throw new IllegalStateException("this broker (" + bootstrapServers() + ") has no SASL_SSL listener: build"
                    + " it with EmbeddedKafka.builder().scramUser(name, password)");
        }
        if (secureListener == null) {
            throw new IllegalStateException("the broker on " + bootstrapServers() + " was never started: call"
                    + " restart() first");
        }
        return secureListener;
    }

    /**
     * Returns the KRaft controller port.
     *
     * @return the port
     */
    public int controllerPort() {
        return controllerPort;
    }

    /**
     * Returns the directory holding the broker's configuration ({@code server.properties}) and data
     * ({@code data/}).
     *
     * @return the directory
     */
    public Path logDir() {
        return dir;
    }

    /**
     * Tells whether the broker is up.
     *
     * @return true between a successful start and the next {@link #stop()} or {@link #close()}
     */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Starts the broker again on the same ports and log directory, keeping all topics and committed offsets. It works
     * after {@link #stop()}, on a running broker (which is stopped first) and on a broker from {@link Builder#build()}
     * that was never started.
     *
     * @return this broker, running
     * @throws IllegalStateException if the broker was closed, or did not start in time
     */
    public synchronized EmbeddedKafka restart() {
        if (closed) {
            throw new IllegalStateException("this EmbeddedKafka (port " + port + ") was closed; create a new one");
        }
        if (server != null) {
            stop();
        }
        startServer();
        return this;
    }

    /**
     * Stops the broker and keeps its data and ports, so that {@link #restart()} can bring it back. Does nothing if it
     * is not running.
     *
     * @throws IllegalStateException if the broker did not shut down in time
     */
    public synchronized void stop() {
        KafkaRaftServer running = server;
        if (running == null) {
            return;
        }
        server = null;
        long begin = System.nanoTime();
        try {
            Bounded.call("tidings-kafka-shutdown-" + port, timeout, () -> {
                running.shutdown();
                running.awaitShutdown();
                return null;
            });
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Kafka broker on " + bootstrapServers() + " (log dir " + dir
                    + ") did not shut down within " + Wait.describe(timeout), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the Kafka broker on " + bootstrapServers() + " (log dir " + dir
                    + ") failed to shut down: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the Kafka broker on " + bootstrapServers(), e);
        }
        log("Kafka broker on {} stopped in {} ms", bootstrapServers(), (System.nanoTime() - begin) / 1_000_000);
    }

    /**
     * Stops the broker and deletes the log directory if this kit created it (a directory passed to
     * {@link Builder#logDir(Path)} is kept). Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            removeShutdownHook();
            if (ownsDir) {
                try {
                    Directories.deleteRecursively(dir);
                } catch (IOException e) {
                    LOG.warn("could not delete the Kafka log directory {}: {}", dir, e.toString());
                }
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", logDir=" + dir + ", running=" + isRunning() + "]";
    }

    private void startServer() {
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        Path dataDir = dir.resolve("data");
        Properties props = BrokerConfig.properties(port, controllerPort, dataDir, overrides);
        if (securePort != 0) {
            TlsFiles tls = TlsFiles.createIn(dir.resolve("tls"));
            BrokerConfig.addSaslSsl(props, port, controllerPort, securePort, tls);
            secureListener = new SecureListener(securePort, tls, scramUsers);
        }
        Path configFile = writeConfig(props);
        boolean formatted = StorageFormat.formatIfNeeded(configFile, dataDir, clusterId, scramUsers,
                text -> log("{}", text));
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        installShutdownHook();

        long bindRetryDeadline = begin + BIND_RETRY_LIMIT.toNanos();
        while (true) {
            KafkaRaftServer candidate = new KafkaRaftServer(config, Time.SYSTEM);
            Throwable failure;
            try {
                Bounded.call("tidings-kafka-startup-" + port, Duration.ofNanos(deadline - System.nanoTime()), () -> {
                    candidate.startup();
                    return null;
                });
                server = candidate;
                log("Kafka broker on {} started in {} ms (log dir {}, {})", bootstrapServers(),
                        (System.nanoTime() - begin) / 1_000_000, dir, formatted ? "formatted now" : "existing data");
                return;
            } catch (TimeoutException e) {
                shutdownQuietly(candidate);
                throw new IllegalStateException("the Kafka broker on " + bootstrapServers() + " (controller port "
                        + controllerPort + ", log dir " + dir + ") did not start within " + Wait.describe(timeout)
                        + ". Check that the machine is not overloaded and that the log directory is writable.", e);
            } catch (InterruptedException e) {
                shutdownQuietly(candidate);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the Kafka broker on "
                        + bootstrapServers(), e);
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            shutdownQuietly(candidate);
            long now = System.nanoTime();
            if (isBindFailure(failure) && now + BIND_RETRY_PAUSE_MS * 1_000_000 < Math.min(deadline,
                    bindRetryDeadline)) {
                LOG.debug("port {} or {} still in use, retrying: {}", port, controllerPort, failure.toString());
                pause();
                continue;
            }
            String hint = isBindFailure(failure)
                    ? ". Port " + port + " or " + controllerPort + " is in use by another process; choose other ports"
                    + " or leave them unset to get free ones."
                    : ". See the broker's log for details.";
            throw new IllegalStateException("the Kafka broker on " + bootstrapServers() + " (controller port "
                    + controllerPort + ", log dir " + dir + ") failed to start: " + failure + hint, failure);
        }
    }

    private Path writeConfig(Properties props) {
        Path file = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "written by the Tidings testkit");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the Kafka broker configuration " + file, e);
        }
        return file;
    }

    private static boolean isBindFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(BIND_RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry the broker start", e);
        }
    }

    private void shutdownQuietly(KafkaRaftServer candidate) {
        try {
            Bounded.call("tidings-kafka-shutdown-" + port, timeout, () -> {
                candidate.shutdown();
                candidate.awaitShutdown();
                return null;
            });
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("could not shut down the half-started Kafka broker on {}: {}", bootstrapServers(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void installShutdownHook() {
        if (shutdownHook != null) {
            return;
        }
        Thread hook = new Thread(this::stopAtJvmExit, "tidings-kafka-shutdown-hook-" + port);
        Runtime.getRuntime().addShutdownHook(hook);
        shutdownHook = hook;
    }

    private void stopAtJvmExit() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.warn("could not stop the Kafka broker on {} at JVM exit: {}", bootstrapServers(), e.toString());
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook == null || hook == Thread.currentThread()) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the JVM is exiting; the hook runs or has run
        }
    }

    private void log(String format, Object... args) {
        if (quiet) {
            LOG.debug(format, args);
        } else {
            LOG.info(format, args);
        }
    }

    /** Settings for an {@link EmbeddedKafka}; every setting is optional. */
    public static final class Builder {

        private int port;
        private int controllerPort;
        private int securePort;
        private final Map<String, String> scramUsers = new LinkedHashMap<>();
        private Path logDir;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private boolean quiet = true;
        private Duration timeout = DEFAULT_TIMEOUT;
        private String clusterId;

        private Builder() {
        }

        /**
         * Sets the client port. Default: a free port.
         *
         * @param port 1-65535, or 0 for a free port
         * @return this builder
         */
        public Builder port(int port) {
            this.port = checkPort(port, "port");
            return this;
        }

        /**
         * Sets the KRaft controller port. Default: a free port.
         *
         * @param controllerPort 1-65535, or 0 for a free port
         * @return this builder
         */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = checkPort(controllerPort, "controllerPort");
            return this;
        }

        /**
         * Adds a SCRAM-SHA-512 user and, with the first one, a SASL_SSL listener on 127.0.0.1 with a TLS certificate
         * generated at start (see {@link EmbeddedKafka#secureListener()}). The credentials are stored when the log
         * directory is formatted, so they exist before the first client connects; a broker restarted on existing
         * data keeps the users it was formatted with.
         *
         * @param name the user name: 1-64 letters, digits or {@code . _ @ + -}
         * @param password the password, with the same characters
         * @return this builder
         */
        public Builder scramUser(String name, String password) {
            checkScram(name, "the SCRAM user name");
            checkScram(password, "the password of SCRAM user " + name);
            scramUsers.put(name, password);
            return this;
        }

        /**
         * Sets the SASL_SSL port of a broker with {@link #scramUser(String, String) SCRAM users}. Default: a free
         * port.
         *
         * @param securePort 1-65535, or 0 for a free port
         * @return this builder
         */
        public Builder securePort(int securePort) {
            this.securePort = checkPort(securePort, "securePort");
            return this;
        }

        private static void checkScram(String text, String what) {
            if (text == null || !StorageFormat.SCRAM_TEXT.matcher(text).matches()) {
                throw new IllegalArgumentException(what + " must be 1-64 letters, digits or . _ @ + -"
                        + (text == null ? ", got null" : ""));
            }
        }

        /**
         * Keeps the broker's configuration and data in this directory (created if missing, formatted if empty, reused
         * if it already holds a broker's data). {@link #close()} does not delete it. Default: a temporary directory that
         * {@code close()} deletes.
         *
         * @param logDir the directory
         * @return this builder
         */
        public Builder logDir(Path logDir) {
            this.logDir = Objects.requireNonNull(logDir, "logDir");
            return this;
        }

        /**
         * Sets a broker configuration property, replacing the kit's default for it, for example
         * {@code brokerProperty("auto.create.topics.enable", "true")}. Do not change the listener settings: the kit
         * needs them to report {@link #bootstrapServers()}.
         *
         * @param name a Kafka broker property name
         * @param value its value
         * @return this builder
         */
        public Builder brokerProperty(String name, String value) {
            overrides.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Chooses whether the kit logs its own start and stop messages at INFO ({@code false}) or DEBUG ({@code true},
         * the default). The broker's own logging goes through SLF4J and is governed by the logging backend's
         * configuration; nothing is ever printed to standard output.
         *
         * @param quiet true to keep the kit's messages at DEBUG
         * @return this builder
         */
        public Builder quiet(boolean quiet) {
            this.quiet = quiet;
            return this;
        }

        /**
         * Sets how long start-up and shutdown may take before they fail. Default: 60 seconds.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Formats the log directory with this cluster id instead of a random one; the nodes of one
         * {@link EmbeddedKafkaCluster} share it.
         */
        Builder clusterId(String clusterId) {
            this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
            return this;
        }

        /**
         * Creates the broker without starting it: ports and the log directory are fixed now; call
         * {@link EmbeddedKafka#restart()} to start it. Most callers want {@link #start()}.
         *
         * @return a broker that is not running yet
         */
        public EmbeddedKafka build() {
            return new EmbeddedKafka(this);
        }

        /**
         * Creates and starts the broker; returns once it accepts clients.
         *
         * @return the running broker
         * @throws IllegalStateException if it failed or did not start in time; the temporary directory is then deleted
         */
        public EmbeddedKafka start() {
            EmbeddedKafka kafka = build();
            try {
                return kafka.restart();
            } catch (RuntimeException e) {
                try {
                    kafka.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }

        private static int checkPort(int port, String what) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(what + " must be between 1 and 65535 (or 0 for a free port), got "
                        + port);
            }
            return port;
        }
    }
}
