package test;

import dev.tidings.Schema;

@Schema(streams = {
    "orders",
    "bad stream",
    "orders"})
public record BadStreams(String id) {}
