package dev.tidings;

import java.util.List;

/** Records and schemas shared by the framework's tests. */
final class Fixtures {
  private Fixtures() {}

  record Foo(String bar) {}

  record Content(String text, int size) {}

  record Other(String name) {}

  static final String FOO_SCHEMA = """
      {"type":"object","properties":{"bar":{"type":"string"}},"required":["bar"]}""";

  static final String CONTENT_SCHEMA = """
      {"type":"object","properties":{"text":{"type":"string","minLength":1},
       "size":{"type":"integer","minimum":1}},"required":["text","size"]}""";

  static final String OTHER_SCHEMA = """
      {"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}""";

  /**
   * A router with the three schemas registered. Foo has a {@link RecordCheck} like generated
   * registrations give, so its messages take the codec's exact routes; the others take the tree.
   */
  static Router router() {
    return new Router()
        .schema(SchemaDefinition.builder(Foo.class).id("Foo").jsonSchema(FOO_SCHEMA).check(f -> f.bar() != null).build())
        .schema(SchemaDefinition.builder(Content.class).id("Content").version(1)
            .retention(java.time.Duration.ofHours(2)).jsonSchema(CONTENT_SCHEMA).build())
        .schema(SchemaDefinition.of(Other.class, "Other", 1, OTHER_SCHEMA));
  }

  static List<String> texts(List<Content> contents) {
    return contents.stream().map(Content::text).toList();
  }
}
