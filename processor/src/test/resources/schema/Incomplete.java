package test;

import dev.tidings.Schema;

@Schema
public record Incomplete(String id, NoSuchType missing) {}
