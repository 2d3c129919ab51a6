package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @AfterEach
  void forget() {
    Secrets.forgetAll();
  }

  @Test
  void namesHoldingASecretWordAreSecret() {
    for (String name : new String[] {"ssl.key.password", "SSL.KEYSTORE.PASSWORD", "sasl.jaas.config",
        "client.secret", "sasl.oauthbearer.token.endpoint.url", "key.serializer", "ssl.keystore.key"}) {
      assertTrue(Secrets.isSecret(name), name);
    }
    for (String name : new String[] {"security.protocol", "client.id", "bootstrap.servers", "acks"}) {
      assertFalse(Secrets.isSecret(name), name);
    }
  }

  @Test
  void describeMasksSecretValuesAndSortsByName() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("ssl.key.password", "hunter2");
    settings.put("client.id", "me");
    settings.put("acks", "all");
    assertEquals("acks=all, client.id=me, ssl.key.password=******", Secrets.describe(settings));
    assertEquals("(none)", Secrets.describe(Map.of()));
  }

  @Test
  void rememberedValuesAreMaskedAnywhereInText() {
    Secrets.remember(Map.of("sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"pw-1234\";",
        "ssl.truststore.password", "trust-me-42", "client.id", "visible-client"));
    String masked = Secrets.mask("settings {client.id=visible-client, x=trust-me-42} and pw-1234 somewhere");
    assertFalse(masked.contains("trust-me-42"), masked);
    assertFalse(masked.contains("pw-1234"), masked);
    assertTrue(masked.contains("visible-client"), masked);
  }

  @Test
  void assignmentsToSecretNamesAreMaskedWithoutBeingRemembered() {
    assertEquals("ssl.key.password=****** and acks=all", Secrets.mask("ssl.key.password=abc and acks=all"));
    assertEquals("{\"ssl.key.password\":\"******\",\"acks\":\"all\"}",
        Secrets.mask("{\"ssl.key.password\":\"abc\",\"acks\":\"all\"}"));
    assertEquals("... required username=\"u\" password=\"******\";",
        Secrets.mask("... required username=\"u\" password=\"p\\\"q\";"));
    assertEquals("sasl.jaas.config = ******", Secrets.mask("sasl.jaas.config = [hidden]"));
  }

  @Test
  void aBareKeyWordIsNotMaskedInFreeText() {
    assertEquals("handled key=order-1 at offset=3", Secrets.mask("handled key=order-1 at offset=3"));
  }

  @Test
  void shortRememberedValuesAreMaskedByNameOnly() {
    Secrets.remember(Map.of("token", "ab"));
    assertEquals("tab ab", Secrets.mask("tab ab"));
    assertEquals("token=******", Secrets.mask("token=ab"));
  }
}
