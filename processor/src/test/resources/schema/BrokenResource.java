package test;

import dev.tidings.Schema;

@Schema(
    resource = "schemas/broken.json")
public record BrokenResource(String id) {}
