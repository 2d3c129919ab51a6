package dev.tidings.internal.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics a queue subscription consumes. {@code KafkaShareConsumer} takes a topic list only, so
 * a glob is resolved against the cluster's topics (dead-letter topics excluded, as for classic
 * subscriptions) and resolved again on an interval; a plain stream or a stream list is fixed.
 * {@link #current()} is read by the consumer threads, which subscribe to what it holds.
 */
final class ShareTopics {
  private static final Logger LOG = LoggerFactory.getLogger(ShareTopics.class);

  private final String group;
  private final Pattern pattern;
  private volatile Set<String> current;

  private ShareTopics(String group, Pattern pattern, Set<String> fixed) {
    this.group = group;
    this.pattern = pattern;
    this.current = fixed;
  }

  /**
   * Topics matching {@code glob} (prefixed), known once {@link #resolve} ran; never the
   * subscription's dead-letter topics ({@code deadLetterStream} null for the default ones) nor
   * Tidings' own streams ({@code replyStream} the configured reply stream, may be null).
   */
  static ShareTopics glob(String group, String prefix, String glob, String deadLetterStream,
      String replyStream) {
    return new ShareTopics(group,
        Globs.subscriptionPattern(prefix, glob, DeadLetters.SUFFIX, deadLetterStream, replyStream), Set.of());
  }

  /** Exactly these streams (prefixed). */
  static ShareTopics fixed(String group, String prefix, List<String> streams) {
    List<String> topics = new ArrayList<>();
    streams.forEach(s -> topics.add(prefix + s));
    return new ShareTopics(group, null, Set.copyOf(new TreeSet<>(topics)));
  }

  boolean needsResolving() {
    return pattern != null;
  }

  /** The topics to subscribe to now (empty while none matches). */
  Set<String> current() {
    return current;
  }

  /** Lists the cluster's topics and keeps those that match; on failure keeps the previous list. */
  void resolve(Admin admin, Duration timeout) {
    try {
      Set<String> matching = new TreeSet<>();
      for (String topic : admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        if (pattern.matcher(topic).matches()) {
          matching.add(topic);
        }
      }
      if (!matching.equals(current)) {
        LOG.info("share group {} now consumes {}", group, matching);
        current = Set.copyOf(matching);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("share group {} could not list the cluster's topics ({}); keeping {} and trying again", group,
          e.toString(), current);
    }
  }
}
