package dev.tidings.testkit.internal;

import java.util.Locale;
import java.util.function.UnaryOperator;

import dev.tidings.testkit.EmbeddedKafka;

/**
 * Decides which Kafka cluster the JUnit extension uses, from system properties and environment variables.
 *
 * <ol>
 *   <li>{@value #BROKER_PROPERTY} set: {@code embedded} (in-process broker) or {@code testcontainers} (a Docker
 *       container, see {@link TestcontainersBroker}). Any other value fails.</li>
 *   <li>Otherwise {@value #BOOTSTRAP_PROPERTY} (system property) or {@value #BOOTSTRAP_ENV} (environment) set: that
 *       external cluster.</li>
 *   <li>Otherwise an in-process broker.</li>
 * </ol>
 */
public final class BrokerSelection {

    /** System property choosing how the broker is run. */
    public static final String BROKER_PROPERTY = "tidings.testkit.broker";
    /** System property naming an external cluster. */
    public static final String BOOTSTRAP_PROPERTY = "tidings.kafka.bootstrap";
    /** Environment variable naming an external cluster. */
    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    /** System property overriding the Docker image of the Testcontainers broker. */
    public static final String IMAGE_PROPERTY = "tidings.testkit.image";

    static final String EMBEDDED = "embedded";
    static final String TESTCONTAINERS = "testcontainers";

    private BrokerSelection() {
    }

    /**
     * Starts (or connects to) the cluster chosen by the JVM's system properties and environment.
     *
     * @return the cluster
     */
    public static Broker fromEnvironment() {
        return start(System::getProperty, System::getenv);
    }

    /**
     * Starts (or connects to) the cluster chosen by the given settings.
     *
     * @param systemProperties looks up a system property; null when unset
     * @param environment looks up an environment variable; null when unset
     * @return the cluster
     * @throws IllegalStateException if the settings are invalid or the chosen broker cannot run here
     */
    public static Broker start(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        String mode = blankToNull(systemProperties.apply(BROKER_PROPERTY));
        if (mode != null) {
            switch (mode.toLowerCase(Locale.ROOT)) {
                case EMBEDDED:
                    return Broker.of(EmbeddedKafka.start());
                case TESTCONTAINERS:
                    String image = blankToNull(systemProperties.apply(IMAGE_PROPERTY));
                    return TestcontainersBroker.start(image != null ? image : TestcontainersBroker.defaultImage(),
                            BrokerSelection.class.getClassLoader());
                default:
                    throw new IllegalStateException("unknown value '" + mode + "' of system property " + BROKER_PROPERTY
                            + "; valid values are: " + EMBEDDED + ", " + TESTCONTAINERS
                            + ". Remove the property to use the default in-process broker.");
            }
        }
        String external = blankToNull(systemProperties.apply(BOOTSTRAP_PROPERTY));
        if (external == null) {
            external = blankToNull(environment.apply(BOOTSTRAP_ENV));
        }
        if (external != null) {
            return Broker.external(external);
        }
        return Broker.of(EmbeddedKafka.start());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
