package dev.tidings.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SASL_SSL listener: SCRAM-SHA-512 users and a TLS certificate made at start. */
class SecureListenerTest {

    private static EmbeddedKafka kafka;
    private static SecureListener secure;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.builder().scramUser("alice", "alice-pw-7731").scramUser("bob", "bob-pw-4410").start();
        secure = kafka.secureListener();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aUserWithTheRightPasswordAndTruststoreProducesAndTheRecordIsStored() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("secured", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> config = new HashMap<>(secure.clientSettings("alice"));
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>("secured", "over SASL_SSL")).get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> reader = new HashMap<>(secure.clientSettings("bob"));
        List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readAll(reader, "secured", 1,
                Duration.ofSeconds(30));
        assertEquals("over SASL_SSL", new String(records.get(0).value(), StandardCharsets.UTF_8));
        assertTrue(secure.bootstrapServers().endsWith(":" + secure.port()));
        assertTrue(secure.port() != kafka.port());
    }

    @Test
    void aWrongPasswordIsRefused() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> describe(
                secure.clientSettings("alice", "not-the-password", secure.truststore())));
        assertTrue(e.getCause() instanceof SaslAuthenticationException, e::toString);
    }

    @Test
    void aTruststoreWithoutTheBrokersCertificateFailsTheHandshake() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> describe(
                secure.clientSettings("alice", secure.password("alice"), secure.untrustedTruststore())));
        assertTrue(e.getCause() instanceof SslAuthenticationException, e::toString);
    }

    @Test
    void aBrokerWithoutUsersHasNoSecureListener() {
        try (EmbeddedKafka plain = EmbeddedKafka.builder().build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, plain::secureListener);
            assertTrue(e.getMessage().contains("scramUser(name, password)"), e::getMessage);
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedKafka.builder().scramUser("carol", "has space"));
        assertTrue(bad.getMessage().contains("password of SCRAM user carol"), bad::getMessage);
    }

    @Test
    void secretsListsEveryPassword() {
        assertEquals(List.of("alice-pw-7731", "bob-pw-4410", secure.truststorePassword()), secure.secrets());
        assertEquals("SecureListener[SASL_SSL " + secure.bootstrapServers() + ", SCRAM-SHA-512, users [alice, bob]]",
                secure.toString());
    }

    private static void describe(Map<String, String> settings) throws Exception {
        Map<String, Object> config = new HashMap<>(settings);
        config.put("request.timeout.ms", 10_000);
        config.put("default.api.timeout.ms", 15_000);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS);
        }
    }
}
