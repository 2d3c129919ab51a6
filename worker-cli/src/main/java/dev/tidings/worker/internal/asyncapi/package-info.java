/**
 * The application described for other teams: its AsyncAPI 3.0 document ({@link
 * dev.tidings.worker.internal.asyncapi.AsyncApi}, built by the framework's {@code
 * dev.tidings.internal.asyncapi} from the running application's router) and a self-contained HTML
 * page rendered from that document ({@link dev.tidings.worker.internal.asyncapi.DocsPage}).
 */
package dev.tidings.worker.internal.asyncapi;
