package dev.tidings.worker.internal;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.ConfigurationException;
import dev.tidings.Router;
import dev.tidings.Subscription;
import dev.tidings.TidingsException;
import java.time.Duration;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code worker [OPTIONS] [APP]} does: load the application, start the dev broker when asked,
 * check that Kafka answers, register the schemas in the registry topic, start the application with
 * metrics and the HTTP endpoints, wait for a
 * stop (signal or {@link StopSignal#request()}), then close everything in order: the application
 * (graceful), the HTTP port, the dev broker.
 */
public final class WorkerRun {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerRun.class);
  /** Beyond the shutdown timeout: the framework's own margin for closing clients, and the dev broker's stop. */
  private static final Duration STOP_MARGIN = Duration.ofSeconds(30);

  private final CommandSpec spec;
  private final WorkerOptions options;
  private final Console console;
  private final StopSignal stop;

  public WorkerRun(CommandSpec spec, WorkerOptions options, StopSignal stop) {
    this.spec = spec;
    this.options = options;
    this.console = Console.of(spec);
    this.stop = stop;
  }

  /**
   * Runs until stopped.
   *
   * @return {@link ExitCode#OK} after a graceful stop
   * @throws WorkerException for failures reported in one line
   */
  public int run() throws Exception {
    options.validate(spec);
    String servers = options.dev() ? null : options.requireServers(spec);
    stop.install(options.shutdownTimeout().plus(STOP_MARGIN));
    try (LoadedApp app = LoadedApp.load(options)) {
      if (app.isEmpty()) {
        throw app.nothingFound("application to run");
      }
      if (!options.dev()) {
        return runOn(servers, app.router());
      }
      console.out("Starting the embedded dev broker (--dev) ...");
      DevBroker dev = DevBroker.start(options.devPort());
      console.out("Kafka dev broker running at " + dev.bootstrapServers()
          + "  (other tools: --kafka-servers " + dev.bootstrapServers() + ")");
      return dev.runThenClose(() -> runOn(dev.bootstrapServers(), app.router()));
    } finally {
      stop.done();
      stop.uninstall();
    }
  }

  private int runOn(String servers, Router router) throws InterruptedException {
    Metrics metrics = new Metrics();
    ApplicationOptions appOptions = options.applicationOptions(spec, servers, metrics.telemetry()).toBuilder()
        .config(options.config(spec)).build();
    console.out("Kafka settings: " + options.kafkaSettings());
    ClusterProbe.Cluster cluster = ClusterProbe.check(servers, options.kafkaSettings().values(),
        options.connectTimeout());
    console.out("Kafka cluster " + cluster.id() + " at " + servers + ": " + cluster.brokers() + " broker(s)");
    SchemaRegistration.run(options, appOptions, router, console);
    HttpEndpoints http = null;
    Application app = create(appOptions);
    try {
      app.mount(router);
      metrics.bind(app::health);
      if (options.httpPort() > 0) {
        http = HttpEndpoints.start(options.httpPort(), app::health, metrics);
        console.out("HTTP on port " + http.port() + ": /health/live, /health/ready, /metrics");
      }
      describe(router, appOptions);
      if (stop.isRequested()) {
        return ExitCode.OK;
      }
      start(app);
      console.out("Worker running. Stop it with Ctrl+C or SIGTERM.");
      stop.await();
      console.out("Stopping: finishing in-flight messages, committing offsets, leaving the groups ...");
    } finally {
      app.close();
      if (http != null) {
        http.close();
      }
    }
    console.out("Stopped.");
    return ExitCode.OK;
  }

  /** The application; a transport the configuration file gets wrong is a bad option. */
  private Application create(ApplicationOptions appOptions) {
    try {
      Application app = Application.create(appOptions);
      appOptions.transportConfig().ifPresent(t -> console.out("Publishing through the " + t.type() + " transport ("
          + t.section().path() + " in " + t.section().source() + ")"));
      return app;
    } catch (ConfigurationException e) {
      throw new WorkerException(ExitCode.USAGE, e.getMessage(), e);
    }
  }

  /** Starts the application; a failure of the application's own code is logged with its stack trace. */
  private static void start(Application app) {
    try {
      app.start();
    } catch (TidingsException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error("the application failed to start", e);
      throw new WorkerException(ExitCode.FAILURE, "the application failed to start: " + e
          + " (stack trace above)", e);
    }
  }

  private void describe(Router router, ApplicationOptions appOptions) {
    String prefix = appOptions.topicPrefix().isEmpty() ? "" : " (topic prefix '" + appOptions.topicPrefix() + "')";
    console.out("Schemas: " + (router.schemas().isEmpty() ? "none" : String.join(", ", router.schemas().keySet())));
    for (Subscription s : router.subscriptions()) {
      String types = s.handlers().keySet().stream().map(Class::getSimpleName).collect(Collectors.joining(", "));
      if (s.batchType() != null) {
        types = "batches of " + s.batchType().getSimpleName();
      }
      if (s.fallback() != null) {
        types = types.isEmpty() ? "any message" : types + ", any other message";
      }
      console.out("Subscription " + s + prefix + ": " + (types.isEmpty() ? "no handlers" : types));
    }
    if (router.subscriptions().isEmpty()) {
      console.out("No subscriptions: the worker runs the application's start hooks and serves HTTP only.");
    }
  }
}
