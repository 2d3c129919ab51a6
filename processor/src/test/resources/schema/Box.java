package test;

import dev.tidings.Schema;

@Schema
public record Box<T>(String label) {}
