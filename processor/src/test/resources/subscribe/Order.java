package test;

import dev.tidings.Schema;

@Schema
public record Order(String id) {}
