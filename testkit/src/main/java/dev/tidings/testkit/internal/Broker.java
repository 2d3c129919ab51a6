package dev.tidings.testkit.internal;

import java.util.Optional;

import dev.tidings.testkit.EmbeddedKafka;

/** A Kafka cluster the JUnit extension hands to tests: in-process, in a container, or external. */
public interface Broker extends AutoCloseable {

    /**
     * Returns the cluster's bootstrap servers.
     *
     * @return a {@code host:port[,host:port...]} list
     */
    String bootstrapServers();

    /**
     * Returns the in-process broker, if this is one.
     *
     * @return the broker, or empty for containers and external clusters
     */
    Optional<EmbeddedKafka> embedded();

    /** Releases the cluster if the kit started it; an external cluster is left alone. */
    @Override
    void close();

    /**
     * Wraps an in-process broker.
     *
     * @param kafka the running broker; closing the returned Broker closes it
     * @return the wrapper
     */
    static Broker of(EmbeddedKafka kafka) {
        return new Broker() {
            @Override
            public String bootstrapServers() {
                return kafka.bootstrapServers();
            }

            @Override
            public Optional<EmbeddedKafka> embedded() {
                return Optional.of(kafka);
            }

            @Override
            public void close() {
                kafka.close();
            }

            @Override
            public String toString() {
                return "in-process broker " + kafka.bootstrapServers();
            }
        };
    }

    /**
     * Wraps an external cluster, which is never stopped by the kit.
     *
     * @param bootstrapServers its bootstrap servers
     * @return the wrapper
     */
    static Broker external(String bootstrapServers) {
        return new Broker() {
            @Override
            public String bootstrapServers() {
                return bootstrapServers;
            }

            @Override
            public Optional<EmbeddedKafka> embedded() {
                return Optional.empty();
            }

            @Override
            public void close() {
                // not ours to stop
            }

            @Override
            public String toString() {
                return "external cluster " + bootstrapServers;
            }
        };
    }
}
