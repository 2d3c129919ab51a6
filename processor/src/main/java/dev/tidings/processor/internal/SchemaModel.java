package dev.tidings.processor.internal;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A validated {@code @Schema} record, ready to generate.
 *
 * @param retentionSeconds {@code -1} for the broker's default
 * @param json the JSON Schema document (derived, or the hand-written resource)
 * @param resource the hand-written resource path, or {@code null} when derived
 * @param check the generated check of a derived schema, or why there is none; {@code null} for a
 *     hand-written schema
 * @param reader the generated reader, or why there is none; {@code null} without a check
 */
record SchemaModel(
    TypeElement type,
    String id,
    int version,
    long retentionSeconds,
    List<String> streams,
    String json,
    String resource,
    ClassName generated,
    CheckDeriver.Result check,
    ReaderDeriver.Result reader) {

  /** {@code id:version}, as in the envelope. */
  String key() {
    return id + ":" + version;
  }

  /** Where the document goes in the output: {@code META-INF/tidings/schemas/<id>-<version>.json}. */
  String path() {
    return Names.SCHEMA_DIRECTORY + id + "-" + version + ".json";
  }
}
