package dev.tidings.quickstart;

import dev.tidings.Application;
import dev.tidings.Registration;
import dev.tidings.Router;
import dev.tidings.examples.ExampleExecutions;
import dev.tidings.examples.ExampleProducer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quick start's application: the example shop (every registration the processor generated for
 * {@code dev.tidings.examples}), a sample order every second from {@link ExampleProducer}, and a
 * subscription that prints every message on every stream, so that you can watch them flow:
 *
 * <pre>
 * 12:00:01.234 INFO  flow - orders.eu      OrderPlaced:1   {"orderId":"o-1","customerId":"customer-1",...}
 * 12:00:01.301 INFO  flow - invoices       InvoiceIssued:1 {"invoiceId":"inv-o-1",...}
 * 12:00:02.410 INFO  flow - executions     ExecutionRequest:1 {"jobId":"job-1","operation":"PRODUCT",...}
 * 12:00:02.431 INFO  ExampleExecutions - job-1 PRODUCT [1.0, 2.0, 3.5] = 7.0 (by 4242@host)
 * </pre>
 *
 * <p>It is an example of the worker's APP form "a class implementing {@link Registration}": the
 * worker creates it, calls {@link #register(Router)} on an empty router, and runs what it registered.
 * Run it with {@code worker --dev -cp tidings-examples.jar:<this class> dev.tidings.quickstart.ShopQuickStart}.
 */
public final class ShopQuickStart implements Registration {
  private static final Logger FLOW = LoggerFactory.getLogger("flow");
  private static final int SHOWN = 160;

  @Override
  public void register(Router router) {
    // the generated registrations of the examples jar: schemas, Billing, Shipping, Ledger, Audit, Executor
    router.registerDiscovered(Thread.currentThread().getContextClassLoader());
    router.subscribe("*", "quickstart-flow").onAny(message -> FLOW.info("{} {} {}",
        pad(message.stream(), 14), pad(message.schema(), 15), shorten(String.valueOf(message.envelope().get("data")))));
    router.onStart(ShopQuickStart::startProducer);
  }

  private static void startProducer(Application app) {
    ExampleProducer producer = ExampleProducer.start(app, Duration.ofSeconds(1));
    // stop publishing as soon as the worker is asked to stop, before the application closes
    Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "quickstart-producer-stop"));
    // request/reply: an ExecutionRequest every 3 s, answered by the Executor with an ExecutionResult
    ExampleExecutions executions = ExampleExecutions.start(app, Duration.ofSeconds(3));
    Runtime.getRuntime().addShutdownHook(new Thread(executions::close, "quickstart-executions-stop"));
  }

  private static String pad(String text, int width) {
    String value = text == null ? "-" : text;
    return value.length() >= width ? value : value + " ".repeat(width - value.length());
  }

  private static String shorten(String text) {
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
  }
}
