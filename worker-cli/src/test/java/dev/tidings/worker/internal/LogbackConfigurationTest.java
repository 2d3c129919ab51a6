package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worker's {@code logback.xml}: a broken file silently loses every log line (the bug that hid
 * the handlers' output when a comment held "--"), so it must load without warnings.
 */
class LogbackConfigurationTest {
  @Test
  void loadsWithoutErrorsOrWarningsAndKeepsKafkaQuiet() throws Exception {
    URL config = getClass().getClassLoader().getResource("logback.xml");
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(config);

    List<Status> problems = context.getStatusManager().getCopyOfStatusList().stream()
        .filter(s -> s.getLevel() >= Status.WARN).toList();
    assertTrue(problems.isEmpty(), problems::toString);
    assertEquals(Level.WARN, context.getLogger("org.apache.kafka.clients.consumer").getEffectiveLevel());
    String level = System.getenv().getOrDefault("TIDINGS_LOG_LEVEL", "INFO");
    assertEquals(Level.toLevel(level), context.getLogger("dev.tidings").getEffectiveLevel());
    context.stop();
  }
}
