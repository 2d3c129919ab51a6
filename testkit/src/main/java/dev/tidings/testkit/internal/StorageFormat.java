package dev.tidings.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Formats a KRaft log directory the way {@code kafka-storage.sh format} does, once.
 *
 * <p>{@link StorageTool#execute(String[], PrintStream)} is used rather than {@code main}, which would exit the JVM.
 */
public final class StorageFormat {

    /** What SCRAM user names and passwords may hold, so that they need no quoting anywhere. */
    public static final Pattern SCRAM_TEXT = Pattern.compile("[A-Za-z0-9._@+-]{1,64}");

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
        return formatIfNeeded(configFile, dataDir, Map.of(), output);
    }

    /**
     * Like {@link #formatIfNeeded(Path, Path, Consumer)}, and stores SCRAM-SHA-512 credentials in the new cluster's
     * metadata (the storage tool's {@code --add-scram}), so that they exist before the broker accepts clients.
     *
     * @param configFile the broker's server.properties
     * @param dataDir the broker's log directory
     * @param scramUsers user name to password; names and passwords must match {@link #SCRAM_TEXT}
     * @param output receives what the storage tool printed
     * @return true if the directory was formatted now
     */
    public static boolean formatIfNeeded(Path configFile, Path dataDir, Map<String, String> scramUsers,
            Consumer<String> output) {
        return formatIfNeeded(configFile, dataDir, null, scramUsers, output);
    }

    /**
     * Like {@link #formatIfNeeded(Path, Path, Map, Consumer)}, with a given cluster id; the nodes of one cluster are
     * formatted with the same id.
     *
     * @param configFile the broker's server.properties
     * @param dataDir the broker's log directory
     * @param clusterId the cluster id, or null for a new random one
     * @param scramUsers user name to password; names and passwords must match {@link #SCRAM_TEXT}
     * @param output receives what the storage tool printed
     * @return true if the directory was formatted now
     */
    public static boolean formatIfNeeded(Path configFile, Path dataDir, String clusterId,
            Map<String, String> scramUsers, Consumer<String> output) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return false;
        }
        if (clusterId == null) {
            clusterId = Uuid.randomUuid().toString();
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("format", "-t", clusterId, "-c",
                configFile.toAbsolutePath().toString()));
        scramUsers.forEach((name, password) -> {
            args.add("--add-scram");
            args.add("SCRAM-SHA-512=[name=" + name + ",password=" + password + "]");
        });
        int exitCode;
        try (PrintStream printStream = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(args.toArray(String[]::new), printStream);
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
