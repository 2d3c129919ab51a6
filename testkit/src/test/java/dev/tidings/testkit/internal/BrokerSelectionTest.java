package dev.tidings.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
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

    private static BrokerSelection.Kind kind(Map<String, String> props, Map<String, String> env, boolean docker) {
        return BrokerSelection.choose(props::get, env::get, () -> docker).kind();
    }

    @Test
    void dockerIsUsedAutomaticallyUnlessSwitchedOff() {
        assertEquals(BrokerSelection.Kind.TESTCONTAINERS, kind(Map.of(), NO_ENV, true));
        assertEquals(BrokerSelection.Kind.EMBEDDED, kind(Map.of(), NO_ENV, false));
        assertEquals(BrokerSelection.Kind.TESTCONTAINERS, kind(Map.of(), Map.of("TIDINGS_TESTCONTAINERS", "auto"), true));
        for (String off : new String[] {"off", "false", "0", "no", "OFF"}) {
            assertEquals(BrokerSelection.Kind.EMBEDDED, BrokerSelection.choose(Map.<String, String>of()::get,
                    Map.of("TIDINGS_TESTCONTAINERS", off)::get, () -> {
                        throw new AssertionError("Docker is not even asked when switched off");
                    }).kind(), off);
        }
        assertEquals(BrokerSelection.Kind.TESTCONTAINERS, kind(Map.of(), Map.of("TIDINGS_TESTCONTAINERS", "on"), false),
                "on means a container, which then fails to start without Docker");
        assertEquals(BrokerSelection.Kind.EMBEDDED,
                kind(Map.of("tidings.testcontainers", "off"), Map.of("TIDINGS_TESTCONTAINERS", "on"), true),
                "the system property wins");
        assertEquals(BrokerSelection.Kind.EXTERNAL, kind(Map.of(), Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092"), true));
        assertEquals(BrokerSelection.Kind.EMBEDDED, kind(Map.of("tidings.testkit.broker", "embedded"), NO_ENV, true));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> kind(Map.of(), Map.of("TIDINGS_TESTCONTAINERS", "maybe"), true));
        assertEquals("unknown value 'maybe' of TIDINGS_TESTCONTAINERS; valid values are: off, on, auto. Remove it for"
                + " auto (a container when Docker is there).", e.getMessage());
    }

    @Test
    void withoutDockerTheInProcessBrokerIsUsed() {
        BrokerSelection.Choice choice = BrokerSelection.choose(Map.<String, String>of()::get, NO_ENV::get,
                BrokerSelection::testcontainersUsable);
        Assumptions.assumeTrue(choice.kind() == BrokerSelection.Kind.EMBEDDED,
                "a Docker engine answers here, so the automatic choice is a container: " + choice.reason());
        try (Broker broker = BrokerSelection.start(choice, Map.<String, String>of()::get)) {
            System.out.println("[tidings-testkit] without Docker: " + broker + " (" + choice.reason() + ")");
            assertTrue(broker.embedded().isPresent(), broker.toString());
            assertTrue(broker.embedded().get().isRunning());
        }
    }

    @Test
    void withDockerAKafkaContainerIsUsed() {
        BrokerSelection.Choice choice = BrokerSelection.choose(Map.<String, String>of()::get, NO_ENV::get,
                BrokerSelection::testcontainersUsable);
        if (choice.kind() != BrokerSelection.Kind.TESTCONTAINERS) {
            System.out.println("[tidings-testkit] the container path is not tested here (" + choice.reason()
                    + "); the in-process broker is used");
        }
        Assumptions.assumeTrue(choice.kind() == BrokerSelection.Kind.TESTCONTAINERS,
                "no Docker engine here, so this test of the container path is skipped and the tests use the"
                        + " in-process broker (" + choice.reason() + ")");
        try (Broker broker = BrokerSelection.start(choice, Map.<String, String>of()::get)) {
            System.out.println("[tidings-testkit] with Docker: " + broker + " (" + choice.reason() + ")");
            assertTrue(broker.embedded().isEmpty(), broker.toString());
            assertTrue(broker.toString().startsWith("Kafka container "), broker.toString());
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                    Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                assertEquals(1, admin.describeCluster().nodes().get(60, java.util.concurrent.TimeUnit.SECONDS).size());
            } catch (Exception e) {
                throw new AssertionError("the container's broker does not answer at " + broker.bootstrapServers(), e);
            }
        }
    }

    @Test
    void defaultImageFollowsTheClientVersion() {
        assertTrue(TestcontainersBroker.defaultImage().matches("apache/kafka:\\d+\\.\\d+\\.\\d+.*"),
                TestcontainersBroker.defaultImage());
    }
}
