package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.internal.KafkaApplication;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Request/reply against a real broker: a serving subscription and a calling application. */
@ExtendWith(KafkaExtension.class)
class RequestReplyTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  record Ask(String id, int n) {}

  record Answer(String id, int doubled) {}

  static final String ASK_SCHEMA = """
      {"type":"object","properties":{"id":{"type":"string"},"n":{"type":"integer","minimum":0}},
       "required":["id","n"]}""";
  static final String ANSWER_SCHEMA = """
      {"type":"object","properties":{"id":{"type":"string"},"doubled":{"type":"integer"}},
       "required":["id","doubled"]}""";

  static Router schemas() {
    return new Router()
        .schema(SchemaDefinition.of(Ask.class, "Ask", 1, ASK_SCHEMA))
        .schema(SchemaDefinition.of(Answer.class, "Answer", 1, ANSWER_SCHEMA));
  }

  /** Counts what request/reply reports through {@link Telemetry}. */
  static final class RequestTelemetry implements Telemetry {
    final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    private void add(String key) {
      counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    long count(String key) {
      LongAdder a = counts.get(key);
      return a == null ? 0 : a.sum();
    }

    @Override
    public void replyUnroutable(String group, String stream) {
      add("unroutable");
    }

    @Override
    public void replied(String group, String replyStream, boolean error) {
      add(error ? "replied-error" : "replied");
    }

    @Override
    public void requestCompleted(String stream, String outcome, long nanos) {
      add("request-" + outcome);
    }

    @Override
    public void replyDropped(String replyStream, String reason) {
      add("dropped-" + reason);
    }
  }

  private static Application server(TestKafka kafka, Telemetry telemetry, java.util.function.Consumer<Subscription> setup) {
    Router router = schemas();
    Subscription s = router.subscribe("asks", "doubler").backoff(Duration.ofMillis(10), Duration.ofMillis(50));
    setup.accept(s);
    return Application.create(TestApps.options(kafka).partitions(3).telemetry(telemetry).build()).mount(router).start();
  }

  private static Application caller(TestKafka kafka, Telemetry telemetry, int maxPending) {
    return Application.create(TestApps.options(kafka).partitions(3).telemetry(telemetry)
        .maxPendingRequests(maxPending).build()).mount(schemas());
  }

  private static Throwable cause(CompletableFuture<?> future) throws InterruptedException {
    try {
      future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the future did not complete within " + WAIT, e);
    }
    throw new AssertionError("the future completed normally, but a failure was expected");
  }

  @Test
  void typedRoundTripCarriesCorrelationTraceAndKey(TestKafka kafka) throws Exception {
    RequestTelemetry served = new RequestTelemetry();
    RequestTelemetry calling = new RequestTelemetry();
    try (Application server = server(kafka, served, s -> s.onRequest(Ask.class,
            (ask, ctx) -> CompletableFuture.completedFuture(new Answer(ask.id(), ask.n() * 2))));
        Application client = caller(kafka, calling, 100)) {
      Answer answer = client.request("asks", new Ask("a-1", 21), Answer.class, WAIT).get(60, TimeUnit.SECONDS);
      assertEquals(new Answer("a-1", 42), answer);

      MessageContext reply = client.requestContext("asks", new Ask("a-2", 1), "job-2".getBytes(StandardCharsets.UTF_8),
          WAIT).get(60, TimeUnit.SECONDS);
      assertEquals("Answer:1", reply.schema());
      assertEquals("job-2", new String(reply.key(), StandardCharsets.UTF_8), "the reply keeps the request's key");
      assertEquals(((KafkaApplication) client).replyStream(), reply.stream());
      assertTrue(reply.header(RequestHeaders.CORRELATION_ID).isPresent());
      assertTrue(reply.header(RequestHeaders.TRACEPARENT).orElse("").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"),
          reply.header(RequestHeaders.TRACEPARENT).toString());
      assertEquals(2, reply.envelope().get("data").get("doubled").asInt());
      assertEquals(2, served.count("replied"));
      assertEquals(2, calling.count("request-REPLIED"));
      assertEquals(0, ((KafkaApplication) client).pendingRequests());
    }
  }

  @Test
  void thousandConcurrentRequestsEachGetTheirOwnReply(TestKafka kafka) throws Exception {
    RequestTelemetry calling = new RequestTelemetry();
    try (Application server = server(kafka, Telemetry.NONE, s -> s.concurrency(3).onRequest(Ask.class,
            (ask, ctx) -> CompletableFuture.completedFuture(new Answer(ask.id(), ask.n() * 2))));
        Application client = caller(kafka, calling, 2000)) {
      client.request("asks", new Ask("warm-up", 0), Answer.class, WAIT).get(60, TimeUnit.SECONDS);
      List<CompletableFuture<Answer>> futures = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        futures.add(client.request("asks", new Ask("r-" + i, i), ("k" + i).getBytes(StandardCharsets.UTF_8),
            Answer.class, Duration.ofSeconds(60)));
      }
      for (int i = 0; i < 1000; i++) {
        assertEquals(new Answer("r-" + i, 2 * i), futures.get(i).get(90, TimeUnit.SECONDS), "reply of request " + i);
      }
      assertEquals(1001, calling.count("request-REPLIED"));
      assertEquals(0, calling.count("dropped-UNKNOWN") + calling.count("dropped-LATE"));
    }
  }

  @Test
  void handlerFailureAnswersWithAFailureAndDeadLettersTheRequest(TestKafka kafka) throws Exception {
    RequestTelemetry served = new RequestTelemetry();
    RequestTelemetry calling = new RequestTelemetry();
    AtomicInteger calls = new AtomicInteger();
    try (Application server = server(kafka, served, s -> s.maxAttempts(3).onRequest(Ask.class, (ask, ctx) -> {
          calls.incrementAndGet();
          throw new IllegalArgumentException("no job " + ask.id());
        }));
        Application client = caller(kafka, calling, 100)) {
      Throwable failure = cause(client.request("asks", new Ask("j-9", 1), Answer.class, WAIT));
      RemoteFailureException remote = assertInstanceOf(RemoteFailureException.class, failure);
      assertEquals(new Failure("HANDLER_FAILED", "no job j-9", IllegalArgumentException.class.getName(), 3),
          remote.failure());
      assertTrue(remote.getMessage().contains("no job j-9"), remote.getMessage());
      assertEquals(3, calls.get());
      List<ConsumerRecord<byte[], byte[]>> dead = kafka.readAll(kafka.topic("asks.dlt"), 1, WAIT);
      assertTrue(new String(dead.get(0).value(), StandardCharsets.UTF_8).contains("\"j-9\""));
      assertEquals(1, served.count("replied-error"));
      assertEquals(1, calling.count("request-FAILED"));
    }
  }

  @Test
  void stageFailureAndPoisonRequestsAlsoGetFailures(TestKafka kafka) throws Exception {
    try (Application server = server(kafka, Telemetry.NONE, s -> s.failurePolicy(FailurePolicy.SKIP).onRequest(Ask.class,
            (ask, ctx) -> CompletableFuture.failedFuture(new IllegalStateException("stage broke"))));
        Application client = caller(kafka, Telemetry.NONE, 100)) {
      RemoteFailureException remote = assertInstanceOf(RemoteFailureException.class,
          cause(client.request("asks", new Ask("s-1", 1), Answer.class, WAIT)));
      assertEquals("stage broke", remote.failure().message());
      assertEquals(IllegalStateException.class.getName(), remote.failure().exceptionClass());
    }
  }

  @Test
  void noReplyWithinTheTimeoutFailsFreesTheEntryAndALateReplyIsCounted(TestKafka kafka) throws Exception {
    RequestTelemetry calling = new RequestTelemetry();
    CountDownLatch release = new CountDownLatch(1);
    try (Application server = server(kafka, Telemetry.NONE, s -> s.onRequest(Ask.class, (ask, ctx) -> {
          release.await(30, TimeUnit.SECONDS);
          return CompletableFuture.completedFuture(new Answer(ask.id(), 0));
        }));
        Application client = caller(kafka, calling, 100)) {
      CompletableFuture<Answer> slow = client.request("asks", new Ask("late", 1), Answer.class, Duration.ofMillis(700));
      Throwable timeout = cause(slow);
      assertInstanceOf(RequestTimeoutException.class, timeout);
      assertTrue(timeout.getMessage().contains("within PT0.7S"), timeout.getMessage());
      assertEquals(0, ((KafkaApplication) client).pendingRequests(), "the timeout freed the entry");
      release.countDown();
      Wait.until(() -> calling.count("dropped-LATE") == 1, WAIT, "the late reply to be dropped and counted");
      assertEquals(1, calling.count("request-TIMED_OUT"));
    }
  }

  @Test
  void overTheBoundRequestsFailFast(TestKafka kafka) throws Exception {
    RequestTelemetry calling = new RequestTelemetry();
    try (Application client = caller(kafka, calling, 2)) {
      CompletableFuture<Answer> first = client.request("unserved", new Ask("1", 1), Answer.class, Duration.ofSeconds(2));
      CompletableFuture<Answer> second = client.request("unserved", new Ask("2", 1), Answer.class, Duration.ofSeconds(2));
      RequestRejectedException e = assertThrows(RequestRejectedException.class,
          () -> client.request("unserved", new Ask("3", 1), Answer.class, Duration.ofSeconds(2)));
      assertTrue(e.getMessage().contains("2 requests already wait"), e.getMessage());
      assertEquals(1, calling.count("request-REJECTED"));
      assertInstanceOf(RequestTimeoutException.class, cause(first));
      assertInstanceOf(RequestTimeoutException.class, cause(second));
      // Timeouts free the entries: the bound admits new requests again.
      CompletableFuture<Answer> again = client.request("unserved", new Ask("4", 1), Answer.class, Duration.ofMillis(200));
      assertInstanceOf(RequestTimeoutException.class, cause(again));
    }
  }

  @Test
  void withoutReplyToTheReplyGoesToTheDefaultStreamOrIsCounted(TestKafka kafka) throws Exception {
    RequestTelemetry served = new RequestTelemetry();
    RequestTelemetry unrouted = new RequestTelemetry();
    try (Application withDefault = server(kafka, served, s -> s.replyTo("answers").onRequest(Ask.class,
            (ask, ctx) -> CompletableFuture.completedFuture(new Answer(ask.id(), 2))));
        Application client = caller(kafka, Telemetry.NONE, 10)) {
      // A plain publish has no reply-to: the default stream gets the reply.
      client.publishAndWait("asks", new Ask("plain", 1));
      List<ConsumerRecord<byte[], byte[]>> replies = kafka.readAll(kafka.topic("answers"), 1, WAIT);
      assertEquals("{\"schema\":\"Answer:1\",\"data\":{\"id\":\"plain\",\"doubled\":2}}",
          new String(replies.get(0).value(), StandardCharsets.UTF_8));
    }
    Router router = schemas();
    router.subscribe("asks2", "nowhere").onRequest(Ask.class,
        (ask, ctx) -> CompletableFuture.completedFuture(new Answer(ask.id(), 2)));
    try (Application noDefault = Application.create(TestApps.options(kafka).telemetry(unrouted).build())
            .mount(router).start();
        Application client = caller(kafka, Telemetry.NONE, 10)) {
      client.publishAndWait("asks2", new Ask("plain", 1));
      Wait.until(() -> unrouted.count("unroutable") == 1, WAIT, "the unroutable reply to be counted");
    }
  }

  @Test
  void anEmptyReplySendsNothingAndRequestEnvelopeAnswersAnyEnvelope(TestKafka kafka) throws Exception {
    try (Application server = server(kafka, Telemetry.NONE, s -> s.onRequest(Ask.class,
            (ask, ctx) -> CompletableFuture.completedFuture(ask.n() == 0 ? null : new Answer(ask.id(), ask.n() * 2))));
        Application client = caller(kafka, Telemetry.NONE, 10)) {
      MessageContext reply = client.requestEnvelope("asks",
          "{\"schema\":\"Ask:1\",\"data\":{\"id\":\"e\",\"n\":4}}".getBytes(StandardCharsets.UTF_8),
          Map.of("x-origin", "http".getBytes(StandardCharsets.UTF_8)), null, WAIT).get(60, TimeUnit.SECONDS);
      assertEquals("{\"schema\":\"Answer:1\",\"data\":{\"id\":\"e\",\"doubled\":8}}",
          new String(reply.value(), StandardCharsets.UTF_8));
      assertInstanceOf(RequestTimeoutException.class,
          cause(client.request("asks", new Ask("none", 0), Answer.class, Duration.ofSeconds(2))));
      assertThrows(SchemaValidationException.class, () -> client.requestEnvelope("asks",
          "{\"schema\":\"Ask:1\",\"data\":{\"id\":\"e\",\"n\":-1}}".getBytes(StandardCharsets.UTF_8), Map.of(), null, WAIT));
      assertThrows(DecodeException.class, () -> client.requestEnvelope("asks",
          "{\"schema\":\"Nope:1\",\"data\":{}}".getBytes(StandardCharsets.UTF_8), Map.of(), null, WAIT));
      assertNotNull(reply.consumerRecord());
    }
  }

  @Test
  void aQueueSubscriptionAnswersRequestsToo(TestKafka kafka) throws Exception {
    try (Application server = server(kafka, Telemetry.NONE, s -> s.mode(SubscriptionMode.SHARE).onRequest(Ask.class,
            (ask, ctx) -> CompletableFuture.completedFuture(new Answer(ask.id(), ask.n() * 2))));
        Application client = caller(kafka, Telemetry.NONE, 100)) {
      assertEquals(new Answer("q-1", 10),
          client.request("asks", new Ask("q-1", 5), Answer.class, Duration.ofSeconds(60)).get(90, TimeUnit.SECONDS));
    }
  }
}
