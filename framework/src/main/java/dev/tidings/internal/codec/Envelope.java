package dev.tidings.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A decoded envelope: its schema key, its {@code data} and the whole tree.
 *
 * @param schemaKey {@code id:version}
 * @param data the {@code data} member
 * @param root the whole envelope
 */
public record Envelope(String schemaKey, JsonNode data, JsonNode root) {}
