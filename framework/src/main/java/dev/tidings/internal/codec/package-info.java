/**
 * Envelopes and schemas: Jackson and the JSON Schema validator are used from this package only.
 */
package dev.tidings.internal.codec;
