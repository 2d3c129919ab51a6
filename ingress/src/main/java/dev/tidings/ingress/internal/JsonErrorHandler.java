package dev.tidings.ingress.internal;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself (a malformed request line, headers over the limit, a bad URI)
 * get the same JSON body as the server's own. A 5xx other than 503 never reaches a client: such a
 * status (only possible from a defect) is sent as 503, which says "try again".
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int status, String message,
      Throwable cause, Callback callback) {
    int sent = status >= 500 ? 503 : status;
    String text = message == null || message.isBlank() ? reason(sent) : message;
    response.setStatus(sent);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    if (sent == 503) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
    }
    byte[] body = ErrorBody.write(code(sent), text, List.of(), sent == 503);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private static String code(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 408 -> "timeout";
      case 413 -> "too_large";
      case 414 -> "uri_too_long";
      case 415 -> "unsupported_media_type";
      case 431 -> "headers_too_large";
      case 503 -> "unavailable";
      default -> "http_" + status;
    };
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "the request is not valid HTTP";
      case 414 -> "the URI is too long";
      case 431 -> "the request headers are too large";
      case 503 -> "the server cannot answer now; try again";
      default -> "HTTP " + status;
    };
  }
}
