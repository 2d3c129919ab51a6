/**
 * The HTTP sink: a subscription that performs the HTTP requests that {@code HttpRequest:1} messages
 * describe, or forwards any message to a webhook, with retries, timeouts, a rate limit, bounded
 * concurrency and authentication, and publishes every exchange ({@code HttpExchange:1}) to a success or
 * an error stream. Start with {@link dev.tidings.http.sink.HttpSink#builder()}.
 */
package dev.tidings.http.sink;
