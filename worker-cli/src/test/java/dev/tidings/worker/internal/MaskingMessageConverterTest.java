package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MaskingMessageConverterTest {
  private final LoggerContext context = new LoggerContext();
  private final Logger logger = context.getLogger("test");

  @AfterEach
  void forget() {
    Secrets.forgetAll();
  }

  @Test
  void masksRememberedSecretsAndSecretAssignmentsInMessagesAndStackTraces() {
    Secrets.remember(Map.of("ssl.keystore.password", "store-pass-123"));
    LoggingEvent event = new LoggingEvent("x", logger, Level.WARN, "client config {} and ssl.key.password={}",
        new IllegalStateException("login failed with store-pass-123"),
        new Object[] {"{ssl.keystore.password=store-pass-123}", "abc"});

    MaskingMessageConverter message = new MaskingMessageConverter();
    message.setContext(context);
    message.start();
    assertEquals("client config {ssl.keystore.password=******} and ssl.key.password=******", message.convert(event));

    MaskingThrowableConverter trace = new MaskingThrowableConverter();
    trace.setContext(context);
    trace.start();
    String text = trace.convert(event);
    assertTrue(text.contains("IllegalStateException: login failed with ******"), text);
    assertFalse(text.contains("store-pass-123"), text);
  }
}
