package dev.tidings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Holds schemas and subscriptions until an {@link Application} mounts them. Generated registrations
 * fill a router with plain calls:
 *
 * <pre>{@code
 * router.schema(SchemaDefinition.builder(Order.class).id("Order").version(1).jsonSchema(json).build());
 * Billing billing = router.instance(Billing.class, Billing::new);
 * router.subscribe("orders.*", "billing").on(Order.class, (order, ctx) -> billing.onOrder(order));
 * }</pre>
 *
 * <p>Not thread-safe: fill it on one thread, then mount it.
 */
public final class Router {
  private final Map<String, SchemaDefinition<?>> schemas = new LinkedHashMap<>();
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final Map<Class<?>, Supplier<?>> factories = new HashMap<>();
  private final Map<Class<?>, Object> instances = new HashMap<>();
  private final List<Consumer<Application>> startHooks = new ArrayList<>();
  private final List<Consumer<Application>> stopHooks = new ArrayList<>();

  /** An empty router. */
  public Router() {}

  /**
   * A router holding every {@link Registration} found with {@link ServiceLoader} on the context
   * class loader (the generated registrations of the class path).
   */
  public static Router discover() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return discover(loader != null ? loader : Router.class.getClassLoader());
  }

  /**
   * Like {@link #discover()}, but runs {@code setup} first, so that factories given there with
   * {@link #provide} create the handler instances:
   *
   * <pre>{@code
   * Router router = Router.discover(r -> r.provide(Billing.class, () -> new Billing(invoices)));
   * }</pre>
   */
  public static Router discover(Consumer<Router> setup) {
    Router router = new Router();
    setup.accept(router);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return router.registerDiscovered(loader != null ? loader : Router.class.getClassLoader());
  }

  /** A router holding every {@link Registration} that {@code loader} can see. */
  public static Router discover(ClassLoader loader) {
    Router router = new Router();
    router.registerDiscovered(loader);
    return router;
  }

  /**
   * Applies every {@link Registration} that {@code loader} can see to this router, after the
   * factories already given with {@link #provide}, so they take effect.
   */
  public Router registerDiscovered(ClassLoader loader) {
    List<Registration> found = new ArrayList<>();
    ServiceLoader.load(Registration.class, loader).forEach(found::add);
    found.sort((a, b) -> a.getClass().getName().compareTo(b.getClass().getName()));
    for (Registration registration : found) {
      registration.register(this);
    }
    return this;
  }

  /**
   * Registers a schema.
   *
   * @throws ConfigurationException when another class already registered the same {@code id:version}
   */
  public <T extends Record> Router schema(SchemaDefinition<T> definition) {
    SchemaDefinition<?> previous = schemas.get(definition.key());
    if (previous != null && !previous.type().equals(definition.type())) {
      throw new ConfigurationException(
          "schema " + definition.key() + " is registered twice, by " + previous.type().getName()
              + " and " + definition.type().getName() + ": give one of them another id or version");
    }
    schemas.put(definition.key(), definition);
    return this;
  }

  /**
   * The subscription of {@code group} to streams matching {@code pattern}, created on first call;
   * later calls with the same pattern and group return the same subscription, so that handlers for
   * several schemas share it.
   */
  public Subscription subscribe(String pattern, String group) {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.isBlank()) {
      throw new ConfigurationException("subscription of group " + group + " has a blank pattern");
    }
    return findOrAdd(pattern, null, group);
  }

  /** The subscription of {@code group} to exactly these streams (no globbing). */
  public Subscription subscribeStreams(List<String> streams, String group) {
    if (streams == null || streams.isEmpty()) {
      throw new ConfigurationException("subscription of group " + group + " lists no streams");
    }
    return findOrAdd(null, streams, group);
  }

  private Subscription findOrAdd(String pattern, List<String> streams, String group) {
    for (Subscription s : subscriptions) {
      if (s.sameTarget(pattern, streams, group)) {
        return s;
      }
    }
    for (Subscription s : subscriptions) {
      if (s.group().equals(group)) {
        throw new ConfigurationException(
            "group " + group + " subscribes to " + s + " and to '"
                + (pattern != null ? pattern : String.join(",", streams))
                + "': one group has one subscription; use another group name");
      }
    }
    Subscription created = new Subscription(pattern, streams, group);
    subscriptions.add(created);
    return created;
  }

  /**
   * Tells the router how to create handler instances of {@code type}, overriding the no-argument
   * constructor that generated code uses by default. Call before the registrations run.
   */
  public <T> Router provide(Class<T> type, Supplier<? extends T> factory) {
    if (instances.containsKey(type)) {
      throw new ConfigurationException(
          "an instance of " + type.getName() + " was already created: call provide(...) before"
              + " registering (before Router.discover / registerDiscovered)");
    }
    factories.put(type, factory);
    return this;
  }

  /** The one handler instance of {@code type} in this router, created on first use. */
  public <T> T instance(Class<T> type, Supplier<? extends T> defaultFactory) {
    Object existing = instances.get(type);
    if (existing == null) {
      Supplier<?> factory = factories.getOrDefault(type, defaultFactory);
      existing = Objects.requireNonNull(factory.get(), () -> "factory for " + type.getName() + " returned null");
      instances.put(type, existing);
    }
    return type.cast(existing);
  }

  /**
   * Runs {@code hook} once the application this router is mounted on has started its
   * subscriptions, e.g. to start a publishing loop. A hook that throws fails {@code start()}.
   */
  public Router onStart(Consumer<Application> hook) {
    startHooks.add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /**
   * Runs {@code hook} when the application closes, before its subscriptions stop (e.g. to stop a
   * publishing loop started in {@link #onStart}). A hook that throws is logged and the close goes on.
   */
  public Router onStop(Consumer<Application> hook) {
    stopHooks.add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /** The hooks given with {@link #onStop}. */
  public List<Consumer<Application>> stopHooks() {
    return Collections.unmodifiableList(stopHooks);
  }

  /** The hooks given with {@link #onStart}. */
  public List<Consumer<Application>> startHooks() {
    return Collections.unmodifiableList(startHooks);
  }

  /** Adds everything {@code other} holds to this router. */
  public Router include(Router other) {
    other.schemas.values().forEach(this::schema);
    for (Subscription s : other.subscriptions) {
      if (subscriptions.contains(s)) {
        continue;
      }
      for (Subscription existing : subscriptions) {
        if (existing.group().equals(s.group())) {
          throw new ConfigurationException("group " + s.group() + " subscribes to " + existing + " and to " + s
              + ": one group has one subscription; use another group name");
        }
      }
      subscriptions.add(s);
    }
    startHooks.addAll(other.startHooks);
    stopHooks.addAll(other.stopHooks);
    return this;
  }

  /** The registered schemas by {@code id:version}. */
  public Map<String, SchemaDefinition<?>> schemas() {
    return Collections.unmodifiableMap(schemas);
  }

  public List<Subscription> subscriptions() {
    return Collections.unmodifiableList(subscriptions);
  }
}
