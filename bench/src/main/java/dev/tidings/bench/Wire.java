package dev.tidings.bench;

/**
 * The envelope as a plain Jackson type: what a user of the raw clients would write to get the same
 * bytes as Tidings ({@code {"schema":"Id:1","data":{...}}}) and read them back.
 *
 * @param schema {@code id:version}
 * @param data the record
 * @param <T> the record type
 */
record Wire<T>(String schema, T data) {}
