/**
 * The application described for other teams: an AsyncAPI 3.0 document of its servers, streams,
 * operations and messages ({@link dev.tidings.worker.internal.asyncapi.AsyncApi}), a self-contained
 * HTML page rendered from that document ({@link dev.tidings.worker.internal.asyncapi.DocsPage}), and
 * example data generated from the JSON Schemas ({@link dev.tidings.worker.internal.asyncapi.Examples}).
 */
package dev.tidings.worker.internal.asyncapi;
