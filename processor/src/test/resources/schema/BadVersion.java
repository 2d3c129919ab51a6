package test;

import dev.tidings.Schema;

@Schema(
    id = "Versioned",
    version = 0)
public record BadVersion(String id) {}
