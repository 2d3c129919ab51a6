package dev.tidings.http.sink;

import dev.tidings.ConfigurationException;
import dev.tidings.Ordering;
import dev.tidings.Router;
import dev.tidings.Subscription;
import dev.tidings.http.sink.internal.AllowList;
import dev.tidings.http.sink.internal.InvalidMessageException;
import dev.tidings.http.sink.internal.SinkRuntime;
import dev.tidings.http.sink.internal.SinkSettings;
import dev.tidings.http.sink.internal.StatusPattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Kafka→HTTP sink: a subscription that performs HTTP requests and publishes every exchange ({@link
 * HttpExchange}) to a success or an error stream. Mount it on an application like any router:
 *
 * <pre>{@code
 * HttpSink sink = HttpSink.builder()
 *     .name("payments").requests("payments.requests")     // consumes HttpRequest:1
 *     .allow("api.payments.example")
 *     .retry("429|5..").concurrency(16)
 *     .build();
 * app.mount(sink.router()).start();
 * }</pre>
 *
 * <p>Delivery is at-least-once: the source offset is committed only after the exchange was published to
 * its result stream and acknowledged, so a crash between the HTTP call and the commit repeats the call.
 * Every request carries an {@code Idempotency-Key} header (topic, partition and offset of the message,
 * the same on every repetition) unless the request sets one, so that targets can deduplicate.
 */
public final class HttpSink {
  /** What the sink consumes. */
  public enum Mode {
    /** {@code HttpRequest:1} envelopes, each performed as described. */
    REQUESTS,
    /** Any envelope, sent to a URL template (webhooks). */
    FORWARD
  }

  /** What a forward sink sends as the request body. */
  public enum Body {
    /** The envelope's {@code data}. */
    DATA,
    /** The whole envelope {@code {"schema":...,"data":...}}. */
    ENVELOPE
  }

  private final SinkSettings settings;

  private HttpSink(SinkSettings settings) {
    this.settings = settings;
  }

  /** A builder; {@code name}, and {@code requests(...)} or {@code forward(...)}, are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A router holding this sink's subscription and the {@code HttpRequest:1} and {@code HttpExchange:1}
   * schemas; each call gives a new router (mount it once).
   */
  public Router router() {
    Router router = new Router();
    new HttpRequest_Schema().register(router);
    new HttpExchange_Schema().register(router);
    SinkRuntime runtime = new SinkRuntime(settings);
    Subscription subscription = router.subscribe(settings.pattern(), settings.group())
        .ordering(Ordering.KEY)
        .concurrency(settings.concurrency())
        .maxInFlight(Math.max(100, settings.concurrency() * 8))
        .maxAttempts(10)
        .noRetryFor(InvalidMessageException.class, dev.tidings.DecodeException.class);
    if (settings.mode() == Mode.REQUESTS) {
      subscription.on(HttpRequest.class, runtime::handleRequest);
    } else {
      subscription.onAny(runtime::handleForward);
    }
    router.onStop(app -> runtime.close());
    return router;
  }

  /**
   * A router holding only the {@code HttpRequest:1} and {@code HttpExchange:1} schemas, for applications
   * that publish requests or read exchanges ({@code Router.discover()} does not add them).
   */
  public static Router schemas() {
    Router router = new Router();
    new HttpRequest_Schema().register(router);
    new HttpExchange_Schema().register(router);
    return router;
  }

  /** The sink's name. */
  public String name() {
    return settings.name();
  }

  /** The consumer group of the sink's subscription. */
  public String group() {
    return settings.group();
  }

  /** The stream pattern the sink consumes. */
  public String pattern() {
    return settings.pattern();
  }

  /** The mode. */
  public Mode mode() {
    return settings.mode();
  }

  /** The success stream for messages of {@code stream}, or {@code null} when turned off. */
  public String successStreamFor(String stream) {
    return settings.successStreamFor(stream);
  }

  /** The error stream for messages of {@code stream}, or {@code null} when turned off. */
  public String errorStreamFor(String stream) {
    return settings.errorStreamFor(stream);
  }

  /** The validated settings, for the worker's start-up report. */
  public SinkSettings settings() {
    return settings;
  }

  @Override
  public String toString() {
    return "HTTP sink '" + settings.name() + "' (" + settings.mode().name().toLowerCase(java.util.Locale.ROOT)
        + " from '" + settings.pattern() + "', group " + settings.group() + ")";
  }

  /** Collects a sink's settings; {@link #build()} validates them once. Defaults are in the README. */
  public static final class Builder {
    private String name;
    private Mode mode;
    private String pattern;
    private String group;
    private String url;
    private String method = "POST";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Body body = Body.DATA;
    private final List<String> allow = new ArrayList<>();
    private String success = "2..";
    private String retry = "429|5..";
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private double multiplier = 2.0;
    private int maxAttempts = 5;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration totalTimeout = Duration.ofMinutes(2);
    private int concurrency = 4;
    private double rate;
    private SinkAuth auth = SinkAuth.none();
    private boolean followRedirects;
    private int maxResponseBytes = 1 << 20;
    private String successStream;
    private String errorStream;
    private final Set<String> secretHeaders = new LinkedHashSet<>();

    private Builder() {}

    /** The sink's name, used in messages and as the default group {@code http-sink-<name>}. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Requests mode: consume {@code HttpRequest:1} envelopes from streams matching {@code pattern}. */
    public Builder requests(String pattern) {
      this.mode = Mode.REQUESTS;
      this.pattern = pattern;
      return this;
    }

    /**
     * Forward mode: send every message of streams matching {@code pattern} to {@code urlTemplate}, whose
     * {@code {/json/pointer}} placeholders are replaced by values of the envelope, URL-encoded (e.g.
     * {@code https://hooks.example/{/data/tenant}}).
     */
    public Builder forward(String pattern, String urlTemplate) {
      this.mode = Mode.FORWARD;
      this.pattern = pattern;
      this.url = urlTemplate;
      return this;
    }

    /** The consumer group; default {@code http-sink-<name>}. */
    public Builder group(String group) {
      this.group = group;
      return this;
    }

    /** Forward mode: the method; default {@code POST}. */
    public Builder method(String method) {
      this.method = method;
      return this;
    }

    /** Forward mode: a header sent with every request. */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Forward mode: send the envelope's {@code data} (default) or the whole envelope. */
    public Builder body(Body body) {
      this.body = Objects.requireNonNull(body, "body");
      return this;
    }

    /** Adds allow-list entries (hosts, {@code host:port}, {@code *.domain}, URL prefixes); required in requests mode. */
    public Builder allow(String... entries) {
      allow.addAll(List.of(entries));
      return this;
    }

    /** Statuses that are a success; default {@code 2..}. */
    public Builder success(String statusPattern) {
      this.success = statusPattern;
      return this;
    }

    /** Statuses that are retried (besides connect errors and timeouts); default {@code 429|5..}. */
    public Builder retry(String statusPattern) {
      this.retry = statusPattern;
      return this;
    }

    /**
     * Exponential backoff with ±20% jitter between attempts; defaults 200 ms, 30 s, 2.0, 5 attempts in
     * total. A {@code Retry-After} header replaces the computed delay.
     */
    public Builder backoff(Duration initial, Duration max, double multiplier, int maxAttempts) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      this.multiplier = multiplier;
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Connect timeout; default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** Timeout of one attempt until the response headers arrive; default 10 s. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** Deadline for a whole message, all attempts and waits included; default 2 min. */
    public Builder totalTimeout(Duration timeout) {
      this.totalTimeout = timeout;
      return this;
    }

    /** Requests in flight at most (different keys run concurrently, each key in order); default 4. */
    public Builder concurrency(int requests) {
      this.concurrency = requests;
      return this;
    }

    /** Requests per second at most (token bucket, bursts of up to one second's worth); 0 (default) = no limit. */
    public Builder rate(double requestsPerSecond) {
      this.rate = requestsPerSecond;
      return this;
    }

    /** Authentication to the targets; default none. */
    public Builder auth(SinkAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /** Follow redirects (at most 5, never outside the allow-list); default false. */
    public Builder followRedirects(boolean follow) {
      this.followRedirects = follow;
      return this;
    }

    /** Bytes of a response body kept in the exchange; longer bodies are cut ({@code truncated}); default 1 MiB. */
    public Builder maxResponseBytes(int bytes) {
      this.maxResponseBytes = bytes;
      return this;
    }

    /** Where successful exchanges go; default {@code <stream>.success}; {@code null} or "" turns them off. */
    public Builder successStream(String stream) {
      this.successStream = stream == null ? "" : stream;
      return this;
    }

    /** Where failed exchanges go; default {@code <stream>.error}; {@code null} or "" turns them off. */
    public Builder errorStream(String stream) {
      this.errorStream = stream == null ? "" : stream;
      return this;
    }

    /** Header names (besides {@code Authorization}) whose values are masked in recorded requests. */
    public Builder secretHeader(String name) {
      secretHeaders.add(name);
      return this;
    }

    /**
     * Validates the settings.
     *
     * @throws ConfigurationException naming the sink, the setting, its value and the fix
     */
    public HttpSink build() {
      if (name == null || name.isBlank()) {
        throw new ConfigurationException("an HTTP sink has no name: give it one with name(...) (or 'name:' in"
            + " the sinks configuration)");
      }
      String where = "HTTP sink '" + name + "'";
      if (mode == null || pattern == null || pattern.isBlank()) {
        throw new ConfigurationException(where + " has no source: call requests(pattern) or forward(pattern,"
            + " url) (mode: requests|forward and pattern: in configuration)");
      }
      if (mode == Mode.REQUESTS && allow.isEmpty()) {
        throw new ConfigurationException(where + " has no allow-list: requests mode sends requests that messages"
            + " describe, so list the hosts or URL prefixes it may call with allow(...)");
      }
      if (mode == Mode.FORWARD && (url == null || url.isBlank())) {
        throw new ConfigurationException(where + " forwards but has no url: give the URL template");
      }
      if (method == null || !method.matches("[A-Za-z]+")) {
        throw new ConfigurationException(where + " has method '" + method + "': use an HTTP method such as POST");
      }
      positive(where, "backoff.initial", initialBackoff, true);
      positive(where, "backoff.max", maxBackoff, false);
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new ConfigurationException(where + ": backoff.max " + maxBackoff + " is below backoff.initial "
            + initialBackoff + ": use initial <= max");
      }
      if (!(multiplier >= 1.0) || multiplier > 100) {
        throw new ConfigurationException(where + ": backoff.multiplier is " + multiplier + ": use 1.0 to 100");
      }
      if (maxAttempts < 1 || maxAttempts > 100) {
        throw new ConfigurationException(where + ": backoff.maxAttempts is " + maxAttempts + ": use 1 to 100");
      }
      positive(where, "timeout.connect", connectTimeout, false);
      positive(where, "timeout.request", requestTimeout, false);
      positive(where, "timeout.total", totalTimeout, false);
      if (concurrency < 1 || concurrency > 1024) {
        throw new ConfigurationException(where + ": concurrency is " + concurrency + ": use 1 to 1024");
      }
      if (!(rate >= 0) || Double.isInfinite(rate)) {
        throw new ConfigurationException(where + ": rate is " + rate + ": use requests per second >= 0 (0 = no limit)");
      }
      if (maxResponseBytes < 0) {
        throw new ConfigurationException(where + ": maxResponseBytes is " + maxResponseBytes + ": use >= 0");
      }
      String g = group != null && !group.isBlank() ? group : "http-sink-" + name;
      AllowList allowList;
      try {
        allowList = AllowList.of(allow);
      } catch (ConfigurationException e) {
        throw new ConfigurationException(where + ": " + e.getMessage(), e);
      }
      SinkSettings settings = new SinkSettings(name, mode, pattern, g, url, method.toUpperCase(java.util.Locale.ROOT),
          Map.copyOf(headers), body, allowList, StatusPattern.parse(success, where + ": success"),
          StatusPattern.parse(retry, where + ": retry"), initialBackoff, maxBackoff, multiplier, maxAttempts,
          connectTimeout, requestTimeout, totalTimeout, concurrency, rate, auth, followRedirects, maxResponseBytes,
          successStream, errorStream, SinkSettings.masked(secretHeaders, auth));
      if (mode == Mode.FORWARD) {
        SinkRuntime.checkTemplate(settings);
      }
      return new HttpSink(settings);
    }

    private static void positive(String where, String setting, Duration d, boolean zeroAllowed) {
      if (d == null || d.isNegative() || (!zeroAllowed && d.isZero())) {
        throw new ConfigurationException(where + ": " + setting + " is " + d + ": use a positive duration");
      }
    }
  }
}
