package dev.tidings;

/**
 * Handles every message of a subscription that no typed {@link Handler} claims, without decoding or
 * validating it: the right shape for handlers of {@code byte[]}, {@code JsonNode} or {@code
 * ConsumerRecord}.
 */
@FunctionalInterface
public interface RawHandler {
  /** Handles the message; throwing fails it like {@link Handler#handle}. */
  void handle(MessageContext context) throws Exception;
}
