package dev.tidings.ingress;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A route that accepts plain JSON (not an envelope), validates it against a JSON Schema file and
 * forwards its bytes unchanged to a stream, keyed by a {@link KeyRule}; for drop-in replacement of
 * proxies such as http2kafka:
 *
 * <pre>{@code
 * RawRoute.of("/v1/openlineage", "openlineage", Path.of("RunEvent.json"), KeyRule.openLineage())
 * }</pre>
 *
 * @param path the POST path, e.g. {@code /v1/openlineage}
 * @param stream the stream it publishes to (the principal must be allowed to publish there)
 * @param schemaFile a JSON Schema (draft 2020-12 unless it says otherwise with {@code $schema})
 * @param key how to derive the key
 */
public record RawRoute(String path, String stream, Path schemaFile, KeyRule key) {
  public RawRoute {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(schemaFile, "schemaFile");
    Objects.requireNonNull(key, "key");
  }

  public static RawRoute of(String path, String stream, Path schemaFile, KeyRule key) {
    return new RawRoute(path, stream, schemaFile, key);
  }
}
