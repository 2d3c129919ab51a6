package dev.tidings.worker.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the worker's version from its jar manifest, and the Java and Kafka client versions. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "tidings-worker " + version(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
      "Kafka clients " + kafkaVersion()
    };
  }

  /** The {@code Implementation-Version} of the worker's jar, or {@code (development build)}. */
  public static String version() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return version == null ? "(development build)" : version;
  }

  private static String kafkaVersion() {
    // the version file the Kafka clients jar carries for its own start-up log line
    try (InputStream in = org.apache.kafka.clients.admin.Admin.class.getResourceAsStream(
        "/kafka/kafka-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
