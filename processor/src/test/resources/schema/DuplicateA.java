package test;

import dev.tidings.Schema;

@Schema(id = "Order", version = 3)
public record DuplicateA(String id) {}
