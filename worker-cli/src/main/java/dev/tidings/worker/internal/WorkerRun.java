package dev.tidings.worker.internal;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.ConfigurationException;
import dev.tidings.Router;
import dev.tidings.Subscription;
import dev.tidings.TidingsException;
import dev.tidings.http.sink.HttpSink;
import dev.tidings.ingress.TidingsHttpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
  private final IngressOptions ingress;
  /** {@code worker ingress}: the ingress on this port, no subscriptions; 0 for a normal run. */
  private final int ingressOnlyPort;

  /** Whether only the configuration file's HTTP sinks run ({@code worker sink}), without an application. */
  private final boolean sinksOnly;

  public WorkerRun(CommandSpec spec, WorkerOptions options, StopSignal stop) {
    this(spec, options, stop, 0, false);
  }

  /**
   * A run of the ingress alone on {@code ingressOnlyPort} ({@code worker ingress --port}), or a
   * normal run when it is 0.
   */
  public WorkerRun(CommandSpec spec, WorkerOptions options, StopSignal stop, int ingressOnlyPort) {
    this(spec, options, stop, ingressOnlyPort, false);
  }

  /** A run of the configuration file's HTTP sinks alone ({@code worker sink}) when {@code sinksOnly}. */
  public WorkerRun(CommandSpec spec, WorkerOptions options, StopSignal stop, boolean sinksOnly) {
    this(spec, options, stop, 0, sinksOnly);
  }

  private WorkerRun(CommandSpec spec, WorkerOptions options, StopSignal stop, int ingressOnlyPort,
      boolean sinksOnly) {
    this.spec = spec;
    this.options = options;
    this.console = Console.of(spec);
    this.stop = stop;
    this.ingress = IngressOptions.of(spec);
    this.ingressOnlyPort = ingressOnlyPort;
    this.sinksOnly = sinksOnly;
  }

  /**
   * Runs until stopped.
   *
   * @return {@link ExitCode#OK} after a graceful stop
   * @throws WorkerException for failures reported in one line
   */
  public int run() throws Exception {
    options.validate(spec);
    ingress.validate(spec, ingressOnlyPort > 0 || ingress.enabled());
    if (ingressOnlyPort == 0 && ingress.enabled() && options.httpPort() == 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--ingress needs an HTTP port: add --http-port 8080 (or run worker ingress --port 8080)");
    }
    String servers = options.dev() ? null : options.requireServers(spec);
    stop.install(options.shutdownTimeout().plus(STOP_MARGIN));
    try (LoadedApp app = LoadedApp.load(options)) {
      List<HttpSink> sinks = Sinks.of(options.config(spec), console);
      Router router;
      if (sinksOnly) {
        if (sinks.isEmpty()) {
          throw new WorkerException(ExitCode.USAGE, "worker sink found no sinks: list them under sinks: in the"
              + " configuration file (" + options.config(spec).source() + "), see http-sink/README.md");
        }
        router = Sinks.router(sinks);
      } else {
        if (app.isEmpty() && sinks.isEmpty()) {
          throw app.nothingFound("application to run");
        }
        router = ingressOnlyPort > 0 ? schemasOnly(app.router()) : app.router().include(Sinks.router(sinks));
      }
      int httpPort = ingressOnlyPort > 0 ? ingressOnlyPort : options.httpPort();
      if (!options.dev()) {
        return runOn(servers, router, httpPort);
      }
      console.out("Starting the embedded dev broker (--dev) ...");
      DevBroker dev = DevBroker.start(options.devPort());
      console.out("Kafka dev broker running at " + dev.bootstrapServers()
          + "  (other tools: --kafka-servers " + dev.bootstrapServers() + ")");
      return dev.runThenClose(() -> runOn(dev.bootstrapServers(), router, httpPort));
    } finally {
      stop.done();
      stop.uninstall();
    }
  }

  /** The schemas of {@code router} without its subscriptions and hooks: what {@code worker ingress} serves. */
  private static Router schemasOnly(Router router) {
    Router schemas = new Router();
    router.schemas().values().forEach(d -> add(schemas, d));
    return schemas;
  }

  private static <T extends Record> void add(Router router, dev.tidings.SchemaDefinition<T> definition) {
    router.schema(definition);
  }

  private int runOn(String servers, Router router, int httpPort) throws InterruptedException {
    Metrics metrics = new Metrics();
    ApplicationOptions appOptions = options.applicationOptions(spec, servers, metrics.telemetry()).toBuilder()
        .config(options.config(spec)).build();
    console.out("Kafka settings: " + options.kafkaSettings());
    ClusterProbe.Cluster cluster = ClusterProbe.check(servers, options.kafkaSettings().values(),
        options.connectTimeout());
    console.out("Kafka cluster " + cluster.id() + " at " + servers + ": " + cluster.brokers() + " broker(s)");
    SchemaRegistration.run(options, appOptions, router, console);
    TidingsHttpServer http = null;
    Application app = create(appOptions);
    try {
      app.mount(router);
      metrics.bind(app::health);
      if (httpPort > 0) {
        boolean withIngress = ingressOnlyPort > 0 || ingress.enabled();
        Map<String, DocsRoutes.Route> docs = DocsRoutes.of(AsyncApiCommand.document(options, servers, router));
        http = HttpPort.start(httpPort, app::health, metrics, server -> {
          ingress.tls(server);
          DocsRoutes.addTo(server, docs);
          if (withIngress) {
            ingress.addTo(server, app, spec, console);
          }
        });
        console.out(http.scheme().toUpperCase(java.util.Locale.ROOT) + " on port " + http.port()
            + ": /health/live, /health/ready, /metrics, /docs, /asyncapi.yaml" + (withIngress
            ? ", ingress POST /v1/streams/{stream} and /v1/streams/{stream}/batch, /v1/openapi.json, /" : ""));
      }
      describe(router, appOptions);
      if (stop.isRequested()) {
        return ExitCode.OK;
      }
      start(app);
      console.out((ingressOnlyPort > 0 ? "Ingress" : "Worker") + " running. Stop it with Ctrl+C or SIGTERM.");
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
