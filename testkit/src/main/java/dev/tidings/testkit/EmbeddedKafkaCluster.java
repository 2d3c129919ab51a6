package dev.tidings.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

import dev.tidings.testkit.internal.BrokerConfig;
import dev.tidings.testkit.internal.FreePorts;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka cluster of several brokers (KRaft) running inside this JVM on 127.0.0.1, for tests of replication:
 * replication factors, {@code acks=all} with {@code min.insync.replicas}, a broker stopped while clients work.
 *
 * <pre>{@code
 * try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(3)) {
 *     String bootstrap = cluster.bootstrapServers();   // "127.0.0.1:<p1>,127.0.0.1:<p2>,127.0.0.1:<p3>"
 *     cluster.broker(3).stop();                        // and later cluster.broker(3).restart()
 * }
 * }</pre>
 *
 * <p>Node 1 is broker and the only KRaft controller; nodes 2 to n are brokers only. So any node but 1 can be
 * {@link EmbeddedKafka#stop() stopped} and {@link EmbeddedKafka#restart() restarted} while the cluster goes on;
 * stopping node 1 stops the controller. Internal topics ({@code __consumer_offsets}, transactions) get the
 * replication factor {@code min(n, 3)} and {@code min.insync.replicas} 1; topics created without a replication
 * factor get 1, as with the broker's own default, so that the tests can see which replication factor a client
 * chose. Each node is an {@link EmbeddedKafka} with its own ports and temporary log directory.
 *
 * <p>The brokers' threads are not daemon threads: always {@link #close()} the cluster. Starting three nodes takes a
 * few seconds; start one cluster per test class, not per test.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private final List<EmbeddedKafka> brokers;

    private EmbeddedKafkaCluster(List<EmbeddedKafka> brokers) {
        this.brokers = Collections.unmodifiableList(brokers);
    }

    /**
     * Starts {@code size} brokers and returns once each of them accepts clients.
     *
     * @param size the number of brokers, 1 to 9
     * @return the running cluster
     * @throws IllegalArgumentException if {@code size} is out of range
     * @throws IllegalStateException if a broker failed to start; the others are stopped again
     */
    public static EmbeddedKafkaCluster start(int size) {
        if (size < 1 || size > 9) {
            throw new IllegalArgumentException("a cluster has 1 to 9 brokers, got " + size);
        }
        String clusterId = Uuid.randomUuid().toString();
        String internalReplication = Integer.toString(Math.min(size, 3));
        List<EmbeddedKafka> brokers = new ArrayList<>();
        try {
            int[] ports = FreePorts.pick(size + 1);
            int controllerPort = ports[size];
            for (int node = 1; node <= size; node++) {
                EmbeddedKafka.Builder builder = EmbeddedKafka.builder().clusterId(clusterId).port(ports[node - 1])
                        .brokerProperty("offsets.topic.replication.factor", internalReplication)
                        .brokerProperty("transaction.state.log.replication.factor", internalReplication)
                        .brokerProperty("share.coordinator.state.topic.replication.factor", internalReplication);
                if (node == 1) {
                    builder.controllerPort(controllerPort);
                } else {
                    builder.brokerProperty("process.roles", "broker")
                            .brokerProperty("node.id", Integer.toString(node))
                            .brokerProperty("controller.quorum.voters",
                                    BrokerConfig.NODE_ID + "@127.0.0.1:" + controllerPort)
                            .brokerProperty("listeners", "PLAINTEXT://127.0.0.1:" + ports[node - 1]);
                }
                brokers.add(builder.start());
            }
        } catch (RuntimeException e) {
            for (int i = brokers.size() - 1; i >= 0; i--) {
                try {
                    brokers.get(i).close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return new EmbeddedKafkaCluster(brokers);
    }

    /**
     * Returns the bootstrap servers of all brokers, running or not.
     *
     * @return {@code "127.0.0.1:<p1>,127.0.0.1:<p2>,..."}
     */
    public String bootstrapServers() {
        StringJoiner servers = new StringJoiner(",");
        brokers.forEach(b -> servers.add(b.bootstrapServers()));
        return servers.toString();
    }

    /**
     * Returns the number of brokers.
     *
     * @return the size given to {@link #start(int)}
     */
    public int size() {
        return brokers.size();
    }

    /**
     * Returns one broker, to stop or restart it.
     *
     * @param nodeId 1 to {@link #size()}; node 1 is also the controller
     * @return the broker
     */
    public EmbeddedKafka broker(int nodeId) {
        if (nodeId < 1 || nodeId > brokers.size()) {
            throw new IllegalArgumentException("node ids are 1 to " + brokers.size() + ", got " + nodeId);
        }
        return brokers.get(nodeId - 1);
    }

    /** Stops every broker (node 1, the controller, last) and deletes their log directories. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = brokers.size() - 1; i >= 0; i--) {
            try {
                brokers.get(i).close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaCluster[" + bootstrapServers() + "]";
    }
}
