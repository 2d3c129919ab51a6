package test;

import dev.tidings.Schema;

@Schema(
    resource = "schemas/missing.json")
public record MissingResource(String id) {}
