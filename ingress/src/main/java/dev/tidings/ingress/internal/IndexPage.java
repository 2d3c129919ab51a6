package dev.tidings.ingress.internal;

import dev.tidings.Application;
import java.util.List;
import java.util.TreeSet;

/** The human-readable page at {@code /}: the routes, the schemas, and a curl example. */
final class IndexPage {
  private IndexPage() {}

  static String html(Application app, List<Route> routes) {
    StringBuilder b = new StringBuilder(2048);
    b.append("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Tidings HTTP API</title></head><body>\n")
        .append("<h1>Tidings HTTP API</h1>\n<p>Validated HTTP to Kafka publishing: 201 only once the broker stored"
            + " the message. The full description is <a href=\"/v1/openapi.json\">/v1/openapi.json</a>"
            + " (OpenAPI 3.1).</p>\n<h2>Routes</h2>\n<ul>\n");
    for (Route r : routes) {
      b.append("<li><code>").append(r.method()).append(' ').append(escape(r.template().toString()))
          .append("</code>").append(summary(r)).append("</li>\n");
    }
    b.append("</ul>\n<h2>Schemas</h2>\n<ul>\n");
    for (String key : new TreeSet<>(app.schemas().keySet())) {
      b.append("<li><code>").append(escape(key)).append("</code></li>\n");
    }
    String example = app.schemas().isEmpty() ? "Name:1" : new TreeSet<>(app.schemas().keySet()).first();
    b.append("</ul>\n<h2>Example</h2>\n<pre>curl -i -H 'Authorization: Bearer $TOKEN' -H 'Content-Type: application/json'"
        + " \\\n  --data '{\"schema\":\"").append(escape(example)).append("\",\"data\":{...}}' \\\n")
        .append("  http://HOST:PORT/v1/streams/STREAM</pre>\n</body></html>\n");
    return b.toString();
  }

  private static String summary(Route r) {
    if (r.operation() == null || !r.operation().hasNonNull("summary")) {
      return "";
    }
    return ": " + escape(r.operation().get("summary").asText());
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
