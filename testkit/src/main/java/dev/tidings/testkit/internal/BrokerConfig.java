package dev.tidings.testkit.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The server.properties of a single-node, combined broker and controller KRaft node on 127.0.0.1. */
public final class BrokerConfig {

    /** The node id of the embedded broker; it is also the only controller voter. */
    public static final int NODE_ID = 1;

    private BrokerConfig() {
    }

    /**
     * Builds the broker properties.
     *
     * @param port the PLAINTEXT port clients connect to
     * @param controllerPort the CONTROLLER port of the KRaft quorum
     * @param dataDir where the broker keeps its logs and metadata
     * @param overrides properties that replace the defaults (applied last)
     * @return a fresh Properties object
     */
    public static Properties properties(int port, int controllerPort, Path dataDir, Map<String, String> overrides) {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", Integer.toString(NODE_ID));
        props.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("log.dirs", dataDir.toAbsolutePath().toString());

        props.setProperty("auto.create.topics.enable", "false");
        props.setProperty("num.partitions", "1");
        props.setProperty("default.replication.factor", "1");
        props.setProperty("min.insync.replicas", "1");
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "1");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.num.partitions", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        // Share groups (KIP-932) are on by default since Kafka 4.2. A test may lower a share group's record lock
        // duration (group config share.record.lock.duration.ms) down to 1 s, so that the records a killed consumer
        // held are delivered again quickly; the broker's own minimum is 15 s. The default stays 30 s.
        props.setProperty("group.share.min.record.lock.duration.ms", "1000");
        props.setProperty("log.cleaner.dedupe.buffer.size", "2097152");

        overrides.forEach(props::setProperty);
        return props;
    }

    /**
     * Adds a SASL_SSL listener with SCRAM-SHA-512 on {@code securePort}, next to the PLAINTEXT one (which stays the
     * inter-broker listener). Applied after {@link #properties}.
     *
     * @param props the properties to change
     * @param port the PLAINTEXT port
     * @param controllerPort the CONTROLLER port
     * @param securePort the SASL_SSL port
     * @param tls the broker's keystore
     */
    public static void addSaslSsl(Properties props, int port, int controllerPort, int securePort, TlsFiles tls) {
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort
                + ",SASL_SSL://127.0.0.1:" + securePort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + ",SASL_SSL://127.0.0.1:"
                + securePort);
        props.setProperty("listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL");
        props.setProperty("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        props.setProperty("listener.name.sasl_ssl.sasl.enabled.mechanisms", "SCRAM-SHA-512");
        props.setProperty("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.setProperty("listener.name.sasl_ssl.ssl.keystore.location", tls.keystore().toString());
        props.setProperty("listener.name.sasl_ssl.ssl.keystore.password", tls.password());
        props.setProperty("listener.name.sasl_ssl.ssl.key.password", tls.password());
        props.setProperty("listener.name.sasl_ssl.ssl.keystore.type", TlsFiles.TYPE);
    }
}
