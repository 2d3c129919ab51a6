package dev.tidings.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
  private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
      + " username=\"svc\" password=\"jaas-pw-31337\";";
  private final Secrets secrets = Secrets.of(Map.of("sasl.jaas.config", JAAS, "ssl.truststore.password",
      "trust-pw-8812", "client.id", "visible-id"));

  @Test
  void configuredSecretsAreMaskedAnywhereInTheText() {
    String masked = secrets.mask("could not connect with trust-pw-8812 and " + JAAS + " as visible-id");
    assertFalse(masked.contains("trust-pw-8812"), masked);
    assertFalse(masked.contains("jaas-pw-31337"), masked);
    assertTrue(masked.contains("visible-id"), masked);
  }

  @Test
  void thePasswordInsideTheJaasConfigIsMaskedAlone() {
    assertEquals("login with password=\"******\" failed", secrets.mask("login with password=\"jaas-pw-31337\""
        + " failed"));
    assertEquals("pw ****** echoed", secrets.mask("pw jaas-pw-31337 echoed"));
  }

  @Test
  void secretLookingAssignmentsAreMaskedEvenWhenNotConfigured() {
    assertEquals("ssl.key.password=****** linger.ms=5", Secrets.NONE.mask("ssl.key.password=other-9 linger.ms=5"));
    assertEquals("key=k-1", Secrets.NONE.mask("key=k-1"));
  }

  @Test
  void anExceptionChainIsCopiedWithMaskedMessagesAndTheSameStackTraces() {
    IllegalStateException inner = new IllegalStateException("bad truststore trust-pw-8812");
    RuntimeException outer = new RuntimeException("wrapping", inner);
    Throwable masked = secrets.mask(outer);
    StringWriter trace = new StringWriter();
    masked.printStackTrace(new PrintWriter(trace));
    assertFalse(trace.toString().contains("trust-pw-8812"), trace::toString);
    assertTrue(trace.toString().contains("java.lang.IllegalStateException: bad truststore ******"), trace::toString);
    assertEquals("java.lang.RuntimeException: wrapping", masked.toString());
    assertEquals(outer.getStackTrace()[0], masked.getStackTrace()[0]);

    RuntimeException harmless = new RuntimeException("nothing secret");
    assertSame(harmless, secrets.mask(harmless));
  }
}
