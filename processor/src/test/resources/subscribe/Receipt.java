package test;

import dev.tidings.Schema;

@Schema
public record Receipt(String orderId) {}
