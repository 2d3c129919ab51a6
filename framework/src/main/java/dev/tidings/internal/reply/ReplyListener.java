package dev.tidings.internal.reply;

import dev.tidings.Failure;
import dev.tidings.PublishException;
import dev.tidings.RequestHeaders;
import dev.tidings.Telemetry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the reply topic of one application instance and hands each reply to its pending request.
 *
 * <p>The consumer has no group: it takes every partition of the topic with {@code assign()} and
 * starts at their ends, found before the constructor returns, so that no reply to a request sent
 * afterwards can be missed, and no rebalance ever stops it. One thread owns the consumer; {@link
 * #close()} wakes it up and waits for it.
 */
final class ReplyListener implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplyListener.class);
  private static final byte[] FAILURE_PREFIX =
      ("{\"schema\":\"" + Failure.SCHEMA + "\"").getBytes(StandardCharsets.UTF_8);

  private final String stream;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final PendingRequests pending;
  private final Telemetry telemetry;
  private final Thread thread;
  private volatile boolean running = true;

  ReplyListener(String stream, String topic, int partitionCount, Map<String, Object> settings,
      PendingRequests pending, Telemetry telemetry, Duration timeout) {
    this.stream = stream;
    this.pending = pending;
    this.telemetry = telemetry;
    Map<String, Object> config = new java.util.HashMap<>(settings);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    // A reply is waited for: do not let an empty fetch park for long.
    config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    this.consumer = new KafkaConsumer<>(config);
    try {
      // The count comes from creating or describing the topic: right after creation the consumer's
      // metadata may not list the partitions yet, and position() below waits for them.
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < partitionCount; p++) {
        partitions.add(new TopicPartition(topic, p));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      for (TopicPartition p : partitions) {
        consumer.position(p, timeout); // resolves the end now, before any request is sent
      }
    } catch (RuntimeException e) {
      consumer.close(CloseOptions.timeout(Duration.ZERO));
      throw e instanceof PublishException p ? p
          : new PublishException("cannot read reply topic " + topic + ": " + e.getMessage(), true, e);
    }
    this.thread = new Thread(this, "tidings-replies-" + stream);
    thread.setDaemon(true);
    thread.start();
    LOG.info("reading replies from {}", topic);
  }

  @Override
  public void run() {
    try {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          deliver(record);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("the reply listener of {} failed; pending requests will time out", stream, e);
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  private void deliver(ConsumerRecord<byte[], byte[]> record) {
    Header id = record.headers().lastHeader(RequestHeaders.CORRELATION_ID);
    if (id == null || id.value() == null) {
      telemetry.replyDropped(stream, "UNREADABLE");
      LOG.warn("dropping {}-{}@{} from the reply stream: it has no {} header", record.topic(),
          record.partition(), record.offset(), RequestHeaders.CORRELATION_ID);
      return;
    }
    String correlationId = new String(id.value(), StandardCharsets.UTF_8);
    String dropped = pending.complete(correlationId, record, isFailure(record.value()));
    if (dropped != null) {
      telemetry.replyDropped(stream, dropped);
      LOG.debug("dropping the reply {} ({})", correlationId, dropped);
    }
  }

  private static boolean isFailure(byte[] value) {
    return value != null && value.length >= FAILURE_PREFIX.length
        && Arrays.equals(value, 0, FAILURE_PREFIX.length, FAILURE_PREFIX, 0, FAILURE_PREFIX.length);
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
