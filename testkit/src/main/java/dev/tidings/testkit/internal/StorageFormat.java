package dev.tidings.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Formats a KRaft log directory the way {@code kafka-storage.sh format} does, once.
 *
 * <p>{@link StorageTool#execute(String[], PrintStream)} is used rather than {@code main}, which would exit the JVM.
 */
public final class StorageFormat {

    private StorageFormat() {
    }

    /**
     * Formats {@code dataDir} with a new random cluster id unless it already holds a {@code meta.properties}.
     *
     * @param configFile the broker's server.properties; its {@code log.dirs} must be {@code dataDir}
     * @param dataDir the broker's log directory
     * @param output receives what the storage tool printed
     * @return true if the directory was formatted now, false if it was formatted before
     * @throws IllegalStateException if the storage tool failed
     */
    public static boolean formatIfNeeded(Path configFile, Path dataDir, Consumer<String> output) {
        return formatIfNeeded(configFile, dataDir, null, output);
    }

    /**
     * Formats {@code dataDir} with {@code clusterId} (a new random one when null) unless it already holds a
     * {@code meta.properties}; the nodes of one cluster are formatted with the same id.
     *
     * @param configFile the broker's server.properties; its {@code log.dirs} must be {@code dataDir}
     * @param dataDir the broker's log directory
     * @param clusterId the cluster id, or null for a random one
     * @param output receives what the storage tool printed
     * @return true if the directory was formatted now, false if it was formatted before
     * @throws IllegalStateException if the storage tool failed
     */
    public static boolean formatIfNeeded(Path configFile, Path dataDir, String clusterId, Consumer<String> output) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return false;
        }
        if (clusterId == null) {
            clusterId = Uuid.randomUuid().toString();
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream printStream = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", configFile.toAbsolutePath().toString()},
                    printStream);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not format the Kafka log directory " + dataDir
                    + " (config " + configFile + "): " + e.getMessage()
                    + describe(captured) + ". Delete the directory or pass an empty one.", e);
        }
        String text = captured.toString(StandardCharsets.UTF_8).strip();
        if (exitCode != 0) {
            throw new IllegalStateException("formatting the Kafka log directory " + dataDir + " failed with exit code "
                    + exitCode + describe(captured) + ". Delete the directory or pass an empty one.");
        }
        if (!text.isEmpty()) {
            output.accept(text);
        }
        return true;
    }

    private static String describe(ByteArrayOutputStream captured) {
        String text = captured.toString(StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : "; the storage tool said: " + text;
    }
}
