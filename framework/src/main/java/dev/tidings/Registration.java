package dev.tidings;

/**
 * Registers schemas and subscriptions on a router. The annotation processor generates one
 * implementation per {@link Schema} record and per class with {@link Subscribe} methods and lists
 * them in {@code META-INF/services/dev.tidings.Registration}, so that {@link Router#discover} finds
 * them with {@link java.util.ServiceLoader}.
 */
public interface Registration {
  /** Adds this registration's schemas and subscriptions to {@code router}. */
  void register(Router router);
}
