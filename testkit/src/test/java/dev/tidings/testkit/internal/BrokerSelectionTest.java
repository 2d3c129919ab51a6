package dev.tidings.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BrokerSelectionTest {

    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void testcontainersWithoutDockerFailsFast() {
        long begin = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BrokerSelection.start(Map.of("tidings.testkit.broker", "testcontainers")::get, NO_ENV::get));
        assertTrue(e.getMessage().contains("Docker is not reachable"), e.getMessage());
        assertTrue(e.getMessage().contains("to use the default in-process broker"), e.getMessage());
        assertTrue(System.nanoTime() - begin < Duration.ofSeconds(30).toNanos(), "took too long");
    }

    @Test
    void testcontainersMissingFromTheClasspathIsExplained() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> TestcontainersBroker.start("apache/kafka:4.4.0", empty));
            assertTrue(e.getMessage().contains("org.testcontainers:testcontainers-kafka"), e.getMessage());
            assertTrue(e.getMessage().contains("to use the default in-process broker"), e.getMessage());
        }
    }

    @Test
    void unknownBrokerValueListsTheValidOnes() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BrokerSelection.start(Map.of("tidings.testkit.broker", "docker")::get, NO_ENV::get));
        assertEquals("unknown value 'docker' of system property tidings.testkit.broker; valid values are: embedded,"
                + " testcontainers. Remove the property to use the default in-process broker.", e.getMessage());
    }

    @Test
    void externalClusterFromTheEnvironmentIsUsedAsIs() {
        try (Broker broker = BrokerSelection.start(Map.<String, String>of()::get,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092")::get)) {
            assertEquals("kafka-1:9092,kafka-2:9092", broker.bootstrapServers());
            assertTrue(broker.embedded().isEmpty());
        }
    }

    @Test
    void systemPropertyWinsOverTheEnvironment() {
        try (Broker broker = BrokerSelection.start(Map.of("tidings.kafka.bootstrap", "a:1")::get,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:2")::get)) {
            assertEquals("a:1", broker.bootstrapServers());
        }
    }

    @Test
    void defaultImageFollowsTheClientVersion() {
        assertTrue(TestcontainersBroker.defaultImage().matches("apache/kafka:\\d+\\.\\d+\\.\\d+.*"),
                TestcontainersBroker.defaultImage());
    }
}
