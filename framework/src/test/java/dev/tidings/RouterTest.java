package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Fixtures.Foo;
import dev.tidings.Fixtures.Other;
import org.junit.jupiter.api.Test;

class RouterTest {

  @Test
  void samePatternAndGroupShareOneSubscription() {
    Router router = new Router();
    Subscription a = router.subscribe("content.*", "indexer").on(Foo.class, (f, c) -> {});
    Subscription b = router.subscribe("content.*", "indexer").on(Other.class, (o, c) -> {});
    assertSame(a, b);
    assertEquals(2, a.handlers().size());
  }

  @Test
  void oneGroupCannotHaveTwoTargets() {
    Router router = new Router();
    router.subscribe("a.*", "g");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> router.subscribe("b.*", "g"));
    assertTrue(e.getMessage().contains("use another group name"), e.getMessage());
  }

  @Test
  void duplicateSchemaKeyIsAnError() {
    Router router = new Router().schema(SchemaDefinition.of(Foo.class, "X", 1, "{}"));
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> router.schema(SchemaDefinition.of(Other.class, "X", 1, "{}")));
    assertTrue(e.getMessage().contains("schema X:1 is registered twice"), e.getMessage());
  }

  @Test
  void secondHandlerForATypeIsAnError() {
    Subscription s = new Router().subscribe("a", "g").on(Foo.class, (f, c) -> {});
    assertThrows(ConfigurationException.class, () -> s.on(Foo.class, (f, c) -> {}));
  }

  @Test
  void providedFactoryWinsOverTheDefault() {
    Router router = new Router().provide(StringBuilder.class, () -> new StringBuilder("provided"));
    assertEquals("provided", router.instance(StringBuilder.class, StringBuilder::new).toString());
    assertSame(router.instance(StringBuilder.class, StringBuilder::new),
        router.instance(StringBuilder.class, StringBuilder::new));
  }

  @Test
  void discoverRunsSetupBeforeTheRegistrations() {
    Router router = Router.discover(r -> r.provide(StringBuilder.class, () -> new StringBuilder("set up")));
    assertEquals("set up", router.instance(StringBuilder.class, StringBuilder::new).toString());
  }

  @Test
  void stopHooksRunOnCloseBeforeTheApplicationIsClosed() {
    java.util.List<String> seen = new java.util.ArrayList<>();
    Router router = new Router().onStop(app -> seen.add("stop, closed=" + (app.health().live() ? "no" : "yes")));
    Application app = Application.create(ApplicationOptions.builder().kafkaServers("127.0.0.1:1").build());
    app.mount(router);
    app.close();
    app.close();
    assertEquals(java.util.List.of("stop, closed=no"), seen);
  }

  @Test
  void schemaDefinitionValidatesItsFields() {
    assertThrows(ConfigurationException.class, () -> SchemaDefinition.of(Foo.class, "Foo", 0, "{}"));
    assertThrows(ConfigurationException.class, () -> SchemaDefinition.of(Foo.class, "a:b", 1, "{}"));
    assertThrows(ConfigurationException.class, () -> SchemaDefinition.of(Foo.class, "Foo", 1, " "));
    assertEquals("Foo", SchemaDefinition.builder(Foo.class).jsonSchema("{}").build().id());
  }
}
