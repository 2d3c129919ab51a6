package dev.tidings.testkit.internal;

import java.util.Locale;
import java.util.function.BooleanSupplier;
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
 *   <li>Otherwise {@value #TESTCONTAINERS_ENV} (environment) or {@value #TESTCONTAINERS_PROPERTY} (system
 *       property, which wins): {@code off} (or {@code false}, {@code 0}, {@code no}) for the in-process broker,
 *       {@code on} (or {@code true}, {@code 1}, {@code yes}) for a container, which then must work; unset or
 *       {@code auto}: a container when Testcontainers' Kafka module is on the class path and a Docker engine
 *       answers, else the in-process broker.</li>
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
    /** Environment variable switching the automatic use of Testcontainers: off, on or auto. */
    public static final String TESTCONTAINERS_ENV = "TIDINGS_TESTCONTAINERS";
    /** System property doing the same as {@value #TESTCONTAINERS_ENV}, and winning over it. */
    public static final String TESTCONTAINERS_PROPERTY = "tidings.testcontainers";

    static final String EMBEDDED = "embedded";
    static final String TESTCONTAINERS = "testcontainers";

    private BrokerSelection() {
    }

    /** Which kind of cluster to use. */
    public enum Kind {
        /** The in-process broker. */
        EMBEDDED,
        /** A Kafka container started by Testcontainers. */
        TESTCONTAINERS,
        /** A cluster that runs elsewhere. */
        EXTERNAL
    }

    /**
     * What was chosen and why.
     *
     * @param kind the kind of cluster
     * @param reason the settings that decided it, for the build output
     * @param bootstrapServers the external cluster's servers, or null
     */
    public record Choice(Kind kind, String reason, String bootstrapServers) {
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
        return start(choose(systemProperties, environment, BrokerSelection::testcontainersUsable), systemProperties);
    }

    /**
     * Starts (or connects to) the chosen cluster.
     *
     * @param choice what {@link #choose} decided
     * @param systemProperties looks up a system property (the container image); null when unset
     * @return the cluster
     */
    public static Broker start(Choice choice, UnaryOperator<String> systemProperties) {
        switch (choice.kind()) {
            case TESTCONTAINERS:
                String image = blankToNull(systemProperties.apply(IMAGE_PROPERTY));
                return TestcontainersBroker.start(image != null ? image : TestcontainersBroker.defaultImage(),
                        BrokerSelection.class.getClassLoader());
            case EXTERNAL:
                return Broker.external(choice.bootstrapServers());
            default:
                return Broker.of(EmbeddedKafka.start());
        }
    }

    /**
     * Decides which cluster to use, without starting anything.
     *
     * @param systemProperties looks up a system property; null when unset
     * @param environment looks up an environment variable; null when unset
     * @param docker tells whether Testcontainers is on the class path and a Docker engine answers; asked only
     *     when the automatic choice needs it
     * @return the choice
     * @throws IllegalStateException if a setting has an invalid value
     */
    public static Choice choose(UnaryOperator<String> systemProperties, UnaryOperator<String> environment,
            BooleanSupplier docker) {
        String mode = blankToNull(systemProperties.apply(BROKER_PROPERTY));
        if (mode != null) {
            switch (mode.toLowerCase(Locale.ROOT)) {
                case EMBEDDED:
                    return new Choice(Kind.EMBEDDED, "-D" + BROKER_PROPERTY + "=" + EMBEDDED, null);
                case TESTCONTAINERS:
                    return new Choice(Kind.TESTCONTAINERS, "-D" + BROKER_PROPERTY + "=" + TESTCONTAINERS, null);
                default:
                    throw new IllegalStateException("unknown value '" + mode + "' of system property " + BROKER_PROPERTY
                            + "; valid values are: " + EMBEDDED + ", " + TESTCONTAINERS
                            + ". Remove the property to use the default in-process broker.");
            }
        }
        String external = blankToNull(systemProperties.apply(BOOTSTRAP_PROPERTY));
        String from = "-D" + BOOTSTRAP_PROPERTY;
        if (external == null) {
            external = blankToNull(environment.apply(BOOTSTRAP_ENV));
            from = BOOTSTRAP_ENV;
        }
        if (external != null) {
            return new Choice(Kind.EXTERNAL, from + "=" + external, external);
        }
        String switchValue = blankToNull(systemProperties.apply(TESTCONTAINERS_PROPERTY));
        String switchName = "-D" + TESTCONTAINERS_PROPERTY;
        if (switchValue == null) {
            switchValue = blankToNull(environment.apply(TESTCONTAINERS_ENV));
            switchName = TESTCONTAINERS_ENV;
        }
        String value = switchValue == null ? "auto" : switchValue.toLowerCase(Locale.ROOT);
        switch (value) {
            case "off": case "false": case "0": case "no":
                return new Choice(Kind.EMBEDDED, switchName + "=" + switchValue, null);
            case "on": case "true": case "1": case "yes":
                return new Choice(Kind.TESTCONTAINERS, switchName + "=" + switchValue, null);
            case "auto":
                if (docker.getAsBoolean()) {
                    return new Choice(Kind.TESTCONTAINERS, "a Docker engine answers and Testcontainers is on the class"
                            + " path (" + TESTCONTAINERS_ENV + "=off to use the in-process broker)", null);
                }
                return new Choice(Kind.EMBEDDED, "no Docker engine or no Testcontainers on the class path", null);
            default:
                throw new IllegalStateException("unknown value '" + switchValue + "' of " + switchName
                        + "; valid values are: off, on, auto. Remove it for auto (a container when Docker is there).");
        }
    }

    /**
     * Tells whether Testcontainers' Kafka module is on the class path and a Docker engine answers.
     *
     * @return true when a container can be started here
     */
    public static boolean testcontainersUsable() {
        return TestcontainersBroker.usable(BrokerSelection.class.getClassLoader());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
