package dev.tidings.internal.consumer;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.CommitMode;
import dev.tidings.ConfigurationException;
import dev.tidings.Handler;
import dev.tidings.RequestHandler;
import dev.tidings.Subscription;
import dev.tidings.SubscriptionMode;
import dev.tidings.internal.codec.CompiledSchema;
import dev.tidings.internal.codec.EnvelopeCodec;
import dev.tidings.internal.kafka.Publisher;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the runner of a subscription from the application's parts: a {@link SubscriptionRunner}
 * for a classic group, a {@link ShareRunner} for a queue subscription.
 */
public final class SubscriptionRunners {
  private SubscriptionRunners() {}

  /**
   * Resolves the subscription's handlers against the registered schemas and builds its runner.
   *
   * @throws dev.tidings.ConfigurationException when a handler's record type has no schema, the
   *     subscription would consume its own dead letters, or a queue subscription runs in an
   *     application with manual commits
   */
  @SuppressWarnings("unchecked")
  public static Runner create(Subscription spec, ApplicationOptions options, EnvelopeCodec codec,
      Publisher publisher, Application application, HeaderPublisher sender,
      ScheduledExecutorService timer, Clock clock) {
    DeadLetters.refuseSelfFeeding(spec);
    Map<String, RecordProcessor.Typed> handlers = new HashMap<>();
    spec.handlers().forEach((type, handler) -> {
      CompiledSchema schema = codec.registry().byType(type);
      handlers.put(schema.definition().key(), new RecordProcessor.Typed(type, (Handler<Object>) handler));
    });
    Replier replier = null;
    if (!spec.requestHandlers().isEmpty()) {
      java.util.Set<String> requestKeys = new java.util.HashSet<>();
      spec.requestHandlers().keySet().forEach(t -> requestKeys.add(codec.registry().byType(t).definition().key()));
      replier = new Replier(publisher, codec, spec.group(), spec.replyTo(), requestKeys, options.telemetry(), timer);
      for (var entry : spec.requestHandlers().entrySet()) {
        CompiledSchema schema = codec.registry().byType(entry.getKey());
        handlers.put(schema.definition().key(), new RecordProcessor.Typed(entry.getKey(),
            replier.wrap((RequestHandler<Object>) entry.getValue())));
      }
    }
    Replier replies = replier;
    String batchKey = spec.batchType() == null ? null : codec.registry().byType(spec.batchType()).definition().key();
    DeadLetters deadLetters = new DeadLetters(publisher, spec.group(), spec.deadLetterStream());
    RecordProcessor.SubscriberFactory subscribers =
        (record, work) -> new PropagatingSubscriber(record, work, sender, spec.group());
    if (spec.mode() == SubscriptionMode.SHARE) {
      if (options.commitMode() == CommitMode.MANUAL) {
        throw new ConfigurationException("subscription " + spec + " is a SHARE (queue) subscription, but the"
            + " application's commitMode is MANUAL: a share group has no offsets to commit, each record is"
            + " acknowledged when its handler returns. Use commitMode AUTO, or mode CLASSIC for this group");
      }
      RecordProcessor.SubscriberFactory shared = (record, work) -> new PropagatingSubscriber(record, null, sender,
          spec.group());
      return new ShareRunner(spec, options, new RecordProcessor(spec, Map.copyOf(handlers), batchKey, codec,
          deadLetters, options.telemetry(), application, shared, options.topicPrefix(), timer, clock, replies), clock);
    }
    return new SubscriptionRunner(spec, options, timer, subscribers,
        subs -> new RecordProcessor(spec, Map.copyOf(handlers), batchKey, codec, deadLetters,
            options.telemetry(), application, subs, options.topicPrefix(), timer, clock, replies));
  }
}
