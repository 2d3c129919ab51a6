package dev.tidings.faults;

import dev.tidings.Router;
import dev.tidings.SchemaDefinition;

/** The message of the fault tests: a unique id. */
public record Msg(long id, String note) {
  static final String SCHEMA = """
      {"type":"object","required":["id"],"properties":{"id":{"type":"integer","minimum":0},
       "note":{"type":["string","null"],"maxLength":20}}}""";

  static Router router() {
    return new Router().schema(SchemaDefinition.of(Msg.class, "Msg", 1, SCHEMA));
  }
}
