package test;

import dev.tidings.Schema;

@Schema(id = "HandWritten", resource = "/schemas/hand-written.json")
public record HandWritten(String id, Object anything) {}
