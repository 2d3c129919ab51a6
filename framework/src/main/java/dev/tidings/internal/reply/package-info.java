/**
 * The calling side of request/reply: the pending requests of an application instance and the
 * listener that reads its reply stream with {@code assign()} (no consumer group, so no rebalance
 * on the request path). See {@code framework/REQUEST-REPLY.md} for the design.
 */
package dev.tidings.internal.reply;
