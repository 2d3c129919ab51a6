/**
 * The processor's implementation, not API. {@link dev.tidings.processor.internal.Processing} runs
 * the rounds. Each annotation has a step that validates, builds a model and generates code, one
 * element at a time:
 *
 * <ul>
 *   <li>{@code @Schema}: {@link dev.tidings.processor.internal.SchemaStep}, with {@link
 *       dev.tidings.processor.internal.SchemaDeriver} (and {@link
 *       dev.tidings.processor.internal.TypeShapes}, {@link
 *       dev.tidings.processor.internal.Constraints}) for the JSON Schema, {@link
 *       dev.tidings.processor.internal.CheckDeriver} (and {@link
 *       dev.tidings.processor.internal.LeafChecks}, {@link
 *       dev.tidings.processor.internal.JacksonDefaults}) for its {@code RecordCheck} and {@link
 *       dev.tidings.processor.internal.SchemaGenerator} for {@code <Record>_Schema};
 *   <li>{@code @Subscribe}: {@link dev.tidings.processor.internal.SubscribeStep}, with {@link
 *       dev.tidings.processor.internal.SubscribeMethods} for each method, {@link
 *       dev.tidings.processor.internal.SubscriptionTable} for conflicts across classes and {@link
 *       dev.tidings.processor.internal.SubscriptionsGenerator} for {@code <Class>_Subscriptions}.
 * </ul>
 *
 * {@link dev.tidings.processor.internal.Registrations} writes the services file in the last round.
 * Diagnostics are the constants of {@link dev.tidings.processor.internal.Message}; framework types
 * are known by the names in {@link dev.tidings.processor.internal.Names}.
 */
package dev.tidings.processor.internal;
