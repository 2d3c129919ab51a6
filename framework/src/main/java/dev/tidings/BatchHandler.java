package dev.tidings;

import java.util.List;

/**
 * Handles up to {@code batchSize} decoded and validated records of one partition at once, in
 * offset order.
 *
 * @param <T> the payload type, a {@link Schema} record
 */
@FunctionalInterface
public interface BatchHandler<T> {
  /**
   * Handles {@code payloads}; {@code contexts.get(i)} describes {@code payloads.get(i)}. Throw
   * {@link BatchFailedException} to say which record failed: the records before it count as
   * handled, and the rest are retried from it. Any other exception fails the whole batch.
   */
  void handle(List<T> payloads, List<MessageContext> contexts) throws Exception;
}
