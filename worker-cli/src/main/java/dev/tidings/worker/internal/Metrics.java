package dev.tidings.worker.internal;

import dev.tidings.Health;
import dev.tidings.Telemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The worker's metrics in a Micrometer Prometheus registry: a {@link Telemetry} that the
 * application reports to, gauges read from {@link Health} on every scrape, and the JVM basics.
 *
 * <table>
 *   <caption>Meters (Prometheus names)</caption>
 *   <tr><td>{@code tidings_messages_published_total{stream,outcome=ok|error}}</td><td>publishes</td></tr>
 *   <tr><td>{@code tidings_publish_duration_seconds{stream}}</td><td>call to broker answer</td></tr>
 *   <tr><td>{@code tidings_messages_consumed_total{group,stream,outcome}}</td><td>handled, retried,
 *       dead_lettered, skipped, failed</td></tr>
 *   <tr><td>{@code tidings_handler_duration_seconds{group,stream,outcome}}</td><td>time in handlers</td></tr>
 *   <tr><td>{@code tidings_messages_skipped_total{group,stream,reason}}</td><td>skipped, by reason</td></tr>
 *   <tr><td>{@code tidings_messages_failed_total{group,stream,outcome,reason}}</td><td>retried,
 *       dead-lettered or failed, by reason</td></tr>
 *   <tr><td>{@code tidings_message_lead_time_seconds{group,stream}}</td><td>now minus record
 *       timestamp when handling began</td></tr>
 *   <tr><td>{@code tidings_rebalances_total{group,kind=assigned|revoked}}</td><td>rebalance events</td></tr>
 *   <tr><td>{@code tidings_consumer_lag{group,topic,partition}}</td><td>records after the committed
 *       offset</td></tr>
 *   <tr><td>{@code tidings_consumer_in_flight{group,topic,partition}}</td><td>records fetched and not
 *       finished</td></tr>
 *   <tr><td>{@code tidings_partitions_assigned{group}}, {@code tidings_subscription_state{group,state}}</td>
 *       <td>per subscription</td></tr>
 *   <tr><td>{@code tidings_share_acknowledgements_total{group,stream,kind=accepted|released|rejected}}</td>
 *       <td>acknowledgements of queue (share group) subscriptions</td></tr>
 *   <tr><td>{@code tidings_share_in_flight{group}}</td><td>records a queue subscription's consumers hold
 *       (delivered, not yet acknowledged)</td></tr>
 *   <tr><td>{@code tidings_health_live}, {@code tidings_health_ready}</td><td>1 or 0</td></tr>
 * </table>
 */
public final class Metrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
  private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, java.util.concurrent.atomic.AtomicLong> shareInFlight = new ConcurrentHashMap<>();
  private final Telemetry telemetry = new MicrometerTelemetry();
  private final AtomicInteger live = new AtomicInteger();
  private final AtomicInteger ready = new AtomicInteger();
  private final MultiGauge lag;
  private final MultiGauge inFlight;
  private final MultiGauge assigned;
  private final MultiGauge states;
  private volatile Supplier<Health> health;

  public Metrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Gauge.builder("tidings.health.live", live, AtomicInteger::get)
        .description("1 when the application runs, 0 when it has failed or stopped").register(registry);
    Gauge.builder("tidings.health.ready", ready, AtomicInteger::get)
        .description("1 when every subscription has joined its group and polls, and the producer is usable")
        .register(registry);
    lag = MultiGauge.builder("tidings.consumer.lag")
        .description("records between the committed offset and the end of the partition, as last seen")
        .register(registry);
    inFlight = MultiGauge.builder("tidings.consumer.in.flight")
        .description("records fetched and not finished yet (queued or in a handler), as last seen")
        .register(registry);
    assigned = MultiGauge.builder("tidings.partitions.assigned")
        .description("partitions assigned to the subscription's consumer").register(registry);
    states = MultiGauge.builder("tidings.subscription.state")
        .description("1 for the subscription's current state, 0 for the others").register(registry);
  }

  /** The telemetry to give the application. */
  public Telemetry telemetry() {
    return telemetry;
  }

  /** Reads the health gauges from {@code source} on every scrape. */
  public void bind(Supplier<Health> source) {
    this.health = source;
  }

  /** Refreshes the health gauges and renders every meter in the Prometheus text format. */
  public String scrape() {
    refresh();
    return registry.scrape();
  }

  /** The content type of {@link #scrape()}. */
  public static String contentType() {
    return "text/plain; version=0.0.4; charset=utf-8";
  }

  private void refresh() {
    Supplier<Health> source = health;
    if (source == null) {
      return;
    }
    Health h = source.get();
    live.set(h.live() ? 1 : 0);
    ready.set(h.ready() ? 1 : 0);
    List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
    List<MultiGauge.Row<?>> inFlightRows = new ArrayList<>();
    List<MultiGauge.Row<?>> assignedRows = new ArrayList<>();
    List<MultiGauge.Row<?>> stateRows = new ArrayList<>();
    for (Health.SubscriptionHealth s : h.subscriptions()) {
      s.lag().forEach((topicPartition, records) -> lagRows.add(MultiGauge.Row.of(tags(s, topicPartition), records)));
      s.inFlight().forEach((topicPartition, records) ->
          inFlightRows.add(MultiGauge.Row.of(tags(s, topicPartition), records)));
      assignedRows.add(MultiGauge.Row.of(Tags.of("group", s.group()), s.assignedPartitions()));
      for (Health.State state : Health.State.values()) {
        stateRows.add(MultiGauge.Row.of(Tags.of("group", s.group(), "state", state.name().toLowerCase(Locale.ROOT)),
            state == s.state() ? 1 : 0));
      }
    }
    lag.register(lagRows, true);
    inFlight.register(inFlightRows, true);
    assigned.register(assignedRows, true);
    states.register(stateRows, true);
  }

  private static Tags tags(Health.SubscriptionHealth s, String topicPartition) {
    int dash = topicPartition.lastIndexOf('-');
    String topic = dash > 0 ? topicPartition.substring(0, dash) : topicPartition;
    String partition = dash > 0 ? topicPartition.substring(dash + 1) : "";
    return Tags.of("group", s.group(), "topic", topic, "partition", partition);
  }

  private Counter counter(String name, String description, String... tags) {
    List<String> key = key(name, tags);
    return counters.computeIfAbsent(key, k ->
        Counter.builder(name).description(description).tags(tags).register(registry));
  }

  private Timer timer(String name, String description, String... tags) {
    List<String> key = key(name, tags);
    return timers.computeIfAbsent(key, k ->
        Timer.builder(name).description(description).tags(tags).register(registry));
  }

  private static List<String> key(String name, String... tags) {
    List<String> key = new ArrayList<>(tags.length + 1);
    key.add(name);
    key.addAll(List.of(tags));
    return key;
  }

  private static String lower(Telemetry.Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT);
  }

  private static String orNone(String value) {
    return value == null || value.isEmpty() ? "none" : value;
  }

  /** Feeds the meters; fast, thread-safe and never throws, as {@link Telemetry} requires. */
  private final class MicrometerTelemetry implements Telemetry {
    @Override
    public void published(String stream, boolean success, long nanos) {
      safely(() -> {
        counter("tidings.messages.published", "messages published, by stream and outcome",
            "stream", stream, "outcome", success ? "ok" : "error").increment();
        timer("tidings.publish.duration", "time from publish to the broker's answer", "stream", stream)
            .record(nanos, TimeUnit.NANOSECONDS);
      });
    }

    @Override
    public void consumed(String group, String stream, Outcome outcome, String reason, long handlerNanos,
        long leadTimeMillis) {
      safely(() -> {
        String result = lower(outcome);
        counter("tidings.messages.consumed", "consumed messages, by group, stream and outcome",
            "group", group, "stream", stream, "outcome", result).increment();
        if (handlerNanos > 0) {
          timer("tidings.handler.duration", "time spent in handlers",
              "group", group, "stream", stream, "outcome", result).record(handlerNanos, TimeUnit.NANOSECONDS);
        }
        switch (outcome) {
          case SKIPPED -> counter("tidings.messages.skipped", "skipped messages, by reason",
              "group", group, "stream", stream, "reason", orNone(reason)).increment();
          case RETRIED, DEAD_LETTERED, FAILED -> counter("tidings.messages.failed",
              "failed handling attempts, by outcome and reason",
              "group", group, "stream", stream, "outcome", result, "reason", orNone(reason)).increment();
          case HANDLED -> timer("tidings.message.lead.time", "now minus the record's timestamp when handling began",
              "group", group, "stream", stream).record(Math.max(0, leadTimeMillis), TimeUnit.MILLISECONDS);
          default -> { }
        }
      });
    }

    @Override
    public void requestCompleted(String stream, String outcome, long nanos) {
      safely(() -> {
        counter("tidings.requests", "requests made with Application.request, by outcome",
            "stream", stream, "outcome", outcome.toLowerCase(Locale.ROOT)).increment();
        timer("tidings.request.duration", "time from a request to its reply, failure or timeout", "stream", stream)
            .record(nanos, TimeUnit.NANOSECONDS);
      });
    }

    @Override
    public void replyDropped(String replyStream, String reason) {
      safely(() -> counter("tidings.replies.dropped", "replies no pending request waited for (late, unknown)",
          "reason", reason.toLowerCase(Locale.ROOT)).increment());
    }

    @Override
    public void replied(String group, String replyStream, boolean error) {
      safely(() -> counter("tidings.replies.sent", "replies sent by serving subscriptions, by kind",
          "group", group, "kind", error ? "failure" : "reply").increment());
    }

    @Override
    public void replyUnroutable(String group, String stream) {
      safely(() -> counter("tidings.replies.unroutable", "replies not sent: no reply-to header and no replyTo",
          "group", group, "stream", stream).increment());
    }

    @Override
    public void rebalanced(String group, int assignedPartitions, int revoked) {
      safely(() -> {
        if (assignedPartitions > 0) {
          counter("tidings.rebalances", "rebalance events, by kind", "group", group, "kind", "assigned").increment();
        }
        if (revoked > 0) {
          counter("tidings.rebalances", "rebalance events, by kind", "group", group, "kind", "revoked").increment();
        }
      });
    }

    @Override
    public void acknowledged(String group, String stream, Acknowledgement acknowledgement) {
      safely(() -> counter("tidings.share.acknowledgements", "acknowledgements of queue subscriptions, by kind",
          "group", group, "stream", stream, "kind", acknowledgement.name().toLowerCase(Locale.ROOT)).increment());
    }

    @Override
    public void inFlight(String group, int delta) {
      safely(() -> shareInFlight.computeIfAbsent(group, g -> {
        java.util.concurrent.atomic.AtomicLong held = new java.util.concurrent.atomic.AtomicLong();
        Gauge.builder("tidings.share.in.flight", held, java.util.concurrent.atomic.AtomicLong::get)
            .description("records a queue subscription's consumers hold: delivered, not yet acknowledged")
            .tags("group", g).register(registry);
        return held;
      }).addAndGet(delta));
    }

    private void safely(Runnable update) {
      try {
        update.run();
      } catch (RuntimeException e) {
        // metrics must never fail the application's work
      }
    }
  }
}
