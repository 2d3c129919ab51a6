package test;

import dev.tidings.Schema;

@Schema(
    retention = -7)
public record BadRetention(String id) {}
