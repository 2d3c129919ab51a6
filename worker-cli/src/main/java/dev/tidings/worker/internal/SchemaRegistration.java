package dev.tidings.worker.internal;

import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import dev.tidings.SchemaConflictException;
import dev.tidings.SchemaRegistryTopic;
import dev.tidings.TidingsException;

/**
 * The worker's start-up step that registers the application's schemas in the registry topic (see
 * {@link SchemaRegistryTopic}) and refuses to start on a conflict, unless {@code --schemas-registry
 * off}.
 */
final class SchemaRegistration {
  private SchemaRegistration() {}

  /**
   * Registers the schemas of {@code router}.
   *
   * @throws WorkerException (exit 1) when a registered schema differs, or the registry cannot be
   *     read or written within {@code --schemas-registry-timeout}
   */
  static void run(WorkerOptions options, ApplicationOptions appOptions, Router router, Console console) {
    if (!options.schemasRegistry()) {
      console.out("Schema registry: off (--schemas-registry off)");
      return;
    }
    if (router.schemas().isEmpty()) {
      return;
    }
    String topic = options.schemasRegistryTopic();
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(appOptions, topic)) {
      SchemaRegistryTopic.Result result = registry.register(router.schemas().values(), options.applicationName(),
          options.schemasRegistryTimeout(), console::out);
      console.out("Schema registry " + topic + ": " + (result.registered().isEmpty() ? "nothing new"
          : "registered " + String.join(", ", result.registered())) + (result.unchanged().isEmpty() ? ""
          : "; already registered, unchanged: " + String.join(", ", result.unchanged())));
    } catch (SchemaConflictException e) {
      throw new WorkerException(ExitCode.FAILURE, "refusing to start: " + e.getMessage()
          + ". (--schemas-registry off skips this check.)", e);
    } catch (TidingsException e) {
      throw new WorkerException(ExitCode.FAILURE, "refusing to start: " + e.getMessage()
          + ". (--schemas-registry off starts without the registry.)", e);
    }
  }
}
