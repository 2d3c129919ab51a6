package dev.tidings;

import java.time.Duration;

/**
 * No reply arrived within the request's timeout. The request may still be handled (and a reply
 * arrive later, which is then dropped and counted); retrying it may run the handler twice.
 */
public class RequestTimeoutException extends TidingsException {
  private static final long serialVersionUID = 1L;

  public RequestTimeoutException(String stream, String correlationId, Duration timeout) {
    super("no reply to the request " + correlationId + " on '" + stream + "' within " + timeout
        + ": is a subscription serving '" + stream + "' running? Give it more time with a longer timeout");
  }
}
