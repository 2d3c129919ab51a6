/**
 * The processor's implementation, not API. {@link dev.tidings.processor.internal.Processing} runs
 * the rounds; per annotation there is a step that validates, builds a model and generates code:
 * {@link dev.tidings.processor.internal.SchemaStep} (with {@link
 * dev.tidings.processor.internal.SchemaDeriver} for the JSON Schema) and {@link
 * dev.tidings.processor.internal.SubscribeStep}. Diagnostics are the constants of {@link
 * dev.tidings.processor.internal.Message}; framework types are known by the names in {@link
 * dev.tidings.processor.internal.Names}.
 */
package dev.tidings.processor.internal;
