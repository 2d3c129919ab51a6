/**
 * An example shop on Tidings, compiled by the real annotation processor: records annotated with
 * {@link dev.tidings.Schema} ({@link dev.tidings.examples.OrderPlaced}, {@link
 * dev.tidings.examples.OrderShipped}, {@link dev.tidings.examples.InvoiceIssued}) and classes with
 * {@link dev.tidings.Subscribe} methods ({@link dev.tidings.examples.Billing}, which republishes,
 * {@link dev.tidings.examples.Shipping}, {@link dev.tidings.examples.Ledger}, {@link
 * dev.tidings.examples.Audit}). {@link dev.tidings.examples.ExampleProducer} publishes sample
 * orders.
 *
 * <p>Execution over Kafka (request/reply): {@link dev.tidings.examples.Executor} answers {@link
 * dev.tidings.examples.ExecutionRequest}s with {@link dev.tidings.examples.ExecutionResult}s; {@link
 * dev.tidings.examples.ExampleExecutions} sends sample requests with {@code Application.request}; the
 * worker's ingress serves the same requests synchronously over HTTP ({@code POST
 * /v1/streams/{stream}/request}).
 *
 * <p>Everything is wired by {@code Router.discover()}, which finds the registrations the processor
 * generated ({@code OrderPlaced_Schema}, {@code Billing_Subscriptions}, ...).
 */
package dev.tidings.examples;
