/**
 * The Tidings API: annotate records with {@link dev.tidings.Schema} and methods with {@link
 * dev.tidings.Subscribe}, or register them programmatically on a {@link dev.tidings.Router}, then
 * run them with an {@link dev.tidings.Application}.
 *
 * <p>Everything outside this package ({@code dev.tidings.internal...}) is implementation and may
 * change without notice.
 */
package dev.tidings;
