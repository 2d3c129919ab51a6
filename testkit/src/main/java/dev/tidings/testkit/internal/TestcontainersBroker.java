package dev.tidings.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Properties;

import dev.tidings.testkit.EmbeddedKafka;

/**
 * A Kafka broker in a Docker container, started through Testcontainers' Kafka module.
 *
 * <p>Testcontainers is an optional dependency of the kit: it is loaded reflectively, when it is on the test class path
 * and a Docker engine answers (see {@link BrokerSelection}), or when selected with
 * {@code -Dtidings.testkit.broker=testcontainers}.
 */
public final class TestcontainersBroker implements Broker {

    static final String FACTORY_CLASS = "org.testcontainers.DockerClientFactory";
    static final String CONTAINER_CLASS = "org.testcontainers.kafka.KafkaContainer";

    private static final String USE_DEFAULT = " Or remove -D" + BrokerSelection.BROKER_PROPERTY
            + " (or set it to 'embedded') to use the default in-process broker, which needs no Docker.";

    private final Object container;
    private final Class<?> containerClass;
    private final String bootstrapServers;

    private TestcontainersBroker(Object container, Class<?> containerClass, String bootstrapServers) {
        this.container = container;
        this.containerClass = containerClass;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Returns the image used unless {@value BrokerSelection#IMAGE_PROPERTY} says otherwise: {@code apache/kafka} at
     * the version of the kafka-clients on the classpath.
     *
     * @return the image name
     */
    public static String defaultImage() {
        String version = null;
        try (InputStream in = TestcontainersBroker.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            if (in != null) {
                Properties props = new Properties();
                props.load(in);
                version = props.getProperty("version");
            }
        } catch (IOException e) {
            version = null;
        }
        return "apache/kafka:" + (version == null || version.isBlank() ? "latest" : version.strip());
    }

    /**
     * Starts a container, failing fast when Testcontainers is missing or Docker is not reachable.
     *
     * @param image the Docker image
     * @param loader the class loader to find Testcontainers in
     * @return the running broker
     * @throws IllegalStateException if the container cannot be started here
     */
    public static TestcontainersBroker start(String image, ClassLoader loader) {
        Class<?> factoryClass;
        Class<?> containerClass;
        try {
            factoryClass = Class.forName(FACTORY_CLASS, true, loader);
            containerClass = Class.forName(CONTAINER_CLASS, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(BrokerSelection.BROKER_PROPERTY + "=testcontainers needs Testcontainers'"
                    + " Kafka module on the test classpath, but " + e.getMessage() + " is missing. Add the test"
                    + " dependency org.testcontainers:testcontainers-kafka." + USE_DEFAULT, e);
        }
        if (!dockerAvailable(factoryClass)) {
            throw new IllegalStateException(BrokerSelection.BROKER_PROPERTY + "=testcontainers was set, but Docker is"
                    + " not reachable (Testcontainers found no working Docker environment). Start Docker or point"
                    + " DOCKER_HOST at a running engine." + USE_DEFAULT);
        }
        try {
            Object container = containerClass.getConstructor(String.class).newInstance(image);
            containerClass.getMethod("start").invoke(container);
            String bootstrap = (String) containerClass.getMethod("getBootstrapServers").invoke(container);
            return new TestcontainersBroker(container, containerClass, bootstrap);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not start the Kafka container " + image + ": " + e.getCause()
                    + ". Set -D" + BrokerSelection.IMAGE_PROPERTY + "=<image> to use another image." + USE_DEFAULT,
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this version of Testcontainers is not supported (" + e + ")."
                    + USE_DEFAULT, e);
        }
    }

    /**
     * Tells whether Testcontainers' Kafka module can be loaded and finds a Docker engine; never throws.
     *
     * @param loader the class loader to find Testcontainers in
     * @return true when {@link #start} can work
     */
    public static boolean usable(ClassLoader loader) {
        Class<?> factoryClass;
        try {
            factoryClass = Class.forName(FACTORY_CLASS, true, loader);
            Class.forName(CONTAINER_CLASS, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return dockerAvailable(factoryClass);
    }

    private static boolean dockerAvailable(Class<?> factoryClass) {
        try {
            Object factory = factoryClass.getMethod("instance").invoke(null);
            Method available = factoryClass.getMethod("isDockerAvailable");
            return Boolean.TRUE.equals(available.invoke(factory));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

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
        try {
            containerClass.getMethod("stop").invoke(container);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not stop the Kafka container at " + bootstrapServers, e);
        }
    }

    @Override
    public String toString() {
        return "Kafka container " + bootstrapServers;
    }
}
