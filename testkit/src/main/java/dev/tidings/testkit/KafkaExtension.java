package dev.tidings.testkit;

import java.lang.reflect.Method;

import dev.tidings.testkit.internal.Broker;
import dev.tidings.testkit.internal.BrokerSelection;
import dev.tidings.testkit.internal.TopicPrefix;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests a Kafka cluster as a {@link TestKafka} parameter. Use it with
 * {@code @ExtendWith(KafkaExtension.class)} or the {@link KafkaTest} meta-annotation.
 *
 * <p>One cluster serves all tests of the JVM. It is started on the first test that asks for a {@code TestKafka} and
 * stopped after all tests have run. Which cluster is used:
 * <ul>
 *   <li>by default a Kafka container when Testcontainers' Kafka module is on the test class path and a Docker engine
 *       answers (unless {@code TIDINGS_TESTCONTAINERS=off}), else an in-process {@link EmbeddedKafka};</li>
 *   <li>with the system property {@code tidings.kafka.bootstrap} or the environment variable
 *       {@code KAFKA_BOOTSTRAP_SERVERS}, that external cluster (nothing is started);</li>
 *   <li>with {@code -Dtidings.testkit.broker=testcontainers}, a Docker container started by Testcontainers (add
 *       {@code org.testcontainers:testcontainers-kafka} to the test classpath; the image can be set with
 *       {@code -Dtidings.testkit.image=...}). {@code -Dtidings.testkit.broker=embedded} forces the in-process broker
 *       even when an external cluster is configured.</li>
 * </ul>
 *
 * <p>The choice and its reason are printed once per JVM to standard output, so that the build log says which Kafka
 * the tests ran against.
 *
 * <p>Each test gets its own {@link TestKafka#topicPrefix()}. A test that must stop or restart a broker should start
 * its own {@link EmbeddedKafka} rather than restart the shared one.
 */
public final class KafkaExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            KafkaExtension.class);
    private static final String BROKER_KEY = "broker";

    /** Called by JUnit. */
    public KafkaExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        SharedBroker shared = extensionContext.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(BROKER_KEY, key -> new SharedBroker(), SharedBroker.class);
        Broker broker;
        try {
            broker = shared.get();
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("no Kafka cluster for the tests: " + e.getMessage(), e);
        }
        return extensionContext.getStore(NAMESPACE).getOrComputeIfAbsent(
                "test-kafka:" + extensionContext.getUniqueId(),
                key -> new DefaultTestKafka(broker, TopicPrefix.next(testName(extensionContext))),
                TestKafka.class);
    }

    private static String testName(ExtensionContext context) {
        String className = context.getTestClass().map(Class::getSimpleName).orElse("");
        String methodName = context.getTestMethod().map(Method::getName).orElse("");
        String name = methodName.isEmpty() ? className : className + "-" + methodName;
        return name.isEmpty() ? context.getDisplayName() : name;
    }

    /**
     * Starts the cluster once, on first use, and closes it when JUnit closes the root store. A failed start is
     * remembered so the following tests fail fast with the same message.
     */
    static final class SharedBroker implements AutoCloseable {

        private Broker broker;
        private RuntimeException failure;

        synchronized Broker get() {
            if (failure != null) {
                throw failure;
            }
            if (broker == null) {
                try {
                    BrokerSelection.Choice choice = BrokerSelection.choose(System::getProperty, System::getenv,
                            BrokerSelection::testcontainersUsable);
                    broker = BrokerSelection.start(choice, System::getProperty);
                    // On standard output on purpose: the build log says which Kafka the tests ran against.
                    System.out.println("[tidings-testkit] Kafka for the tests: " + broker + " (" + choice.reason()
                            + ")");
                } catch (RuntimeException e) {
                    failure = e;
                    throw e;
                }
            }
            return broker;
        }

        @Override
        public synchronized void close() {
            if (broker != null) {
                broker.close();
                broker = null;
            }
        }
    }
}
