package dev.tidings.worker.internal.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The human-readable page of an application, rendered from its AsyncAPI document: servers, streams
 * (channels), handlers with their groups, and each schema with its fields, constraints and an
 * example. One self-contained HTML document: inline style, no script, nothing loaded from elsewhere.
 */
public final class DocsPage {
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:70em;"
      + "padding:0 1em;color:#222}h1{margin-bottom:0}table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}"
      + "th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f3f3f3}"
      + "code,pre{font-family:ui-monospace,monospace;font-size:.9em}pre{background:#f6f6f6;padding:.7em;"
      + "overflow:auto}section.schema{border-top:2px solid #ddd;margin-top:1.5em}.muted{color:#666}";

  private final JsonNode doc;
  private final StringBuilder html = new StringBuilder();

  private DocsPage(JsonNode doc) {
    this.doc = doc;
  }

  /** The page of {@code asyncApiDocument}. */
  public static String html(JsonNode asyncApiDocument) {
    DocsPage page = new DocsPage(asyncApiDocument);
    page.render();
    return page.html.toString();
  }

  private void render() {
    String title = doc.at("/info/title").asText();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title)).append(" – Tidings</title><style>").append(STYLE).append("</style></head><body>\n");
    html.append("<h1>").append(esc(title)).append("</h1><p class=\"muted\">version ")
        .append(esc(doc.at("/info/version").asText())).append(" · <a href=\"asyncapi.yaml\">asyncapi.yaml</a> · <a"
            + " href=\"asyncapi.json\">asyncapi.json</a></p>\n<p>").append(esc(doc.at("/info/description").asText()))
        .append("</p>\n");
    servers();
    streams();
    handlers();
    schemas();
    html.append("</body></html>\n");
  }

  private void servers() {
    if (!doc.has("servers")) {
      return;
    }
    html.append("<h2 id=\"servers\">Servers</h2><table><tr><th>name</th><th>host</th><th>protocol</th><th>notes</th></tr>");
    doc.get("servers").properties().forEach(e -> row(e.getKey(), e.getValue().path("host").asText(),
        e.getValue().path("protocol").asText(), e.getValue().path("description").asText()));
    html.append("</table>\n");
  }

  private void streams() {
    html.append("<h2 id=\"streams\">Streams</h2><table><tr><th>channel</th><th>topic (address)</th><th>messages</th>"
        + "<th>description</th></tr>");
    for (Map.Entry<String, JsonNode> e : doc.path("channels").properties()) {
      JsonNode channel = e.getValue();
      html.append("<tr id=\"channel-").append(esc(e.getKey())).append("\"><td><code>").append(esc(e.getKey()))
          .append("</code></td><td><code>").append(esc(channel.path("address").isNull() ? "(per stream)"
              : channel.path("address").asText())).append("</code></td><td>").append(messageLinks(channel.path("messages")))
          .append("</td><td>").append(esc(channel.path("description").asText())).append("</td></tr>");
    }
    html.append("</table>\n");
  }

  private void handlers() {
    html.append("<h2 id=\"handlers\">Operations: handlers and groups</h2><table><tr><th>operation</th><th>action</th>"
        + "<th>group</th><th>channel</th><th>what</th></tr>");
    for (Map.Entry<String, JsonNode> e : doc.path("operations").properties()) {
      JsonNode op = e.getValue();
      String channel = op.at("/channel/$ref").asText().replace("#/channels/", "");
      String what = op.path("summary").asText() + (op.has("description") ? ". " + op.get("description").asText() : "");
      html.append("<tr><td><code>").append(esc(e.getKey())).append("</code></td><td>").append(esc(op.path("action")
          .asText())).append("</td><td>").append(esc(op.at("/bindings/kafka/groupId/enum/0").asText("")))
          .append("</td><td><a href=\"#channel-").append(esc(channel)).append("\"><code>").append(esc(channel))
          .append("</code></a></td><td>").append(esc(what)).append("</td></tr>");
    }
    html.append("</table>\n");
  }

  private void schemas() {
    html.append("<h2 id=\"schemas\">Schemas</h2>\n");
    for (Map.Entry<String, JsonNode> e : doc.at("/components/messages").properties()) {
      JsonNode message = e.getValue();
      JsonNode schema = doc.at("/components/schemas/" + e.getKey());
      html.append("<section class=\"schema\" id=\"message-").append(esc(e.getKey())).append("\"><h3>")
          .append(esc(message.path("name").asText())).append("</h3><p>").append(esc(message.path("summary").asText()))
          .append("</p>");
      if (!schema.isMissingNode()) {
        fields(schema);
        for (Map.Entry<String, JsonNode> def : schema.path("$defs").properties()) {
          html.append("<h4 id=\"").append(esc(e.getKey() + "-" + def.getKey())).append("\">").append(esc(def.getKey()))
              .append("</h4>");
          fields(def.getValue());
        }
      } else {
        html.append("<p class=\"muted\">").append(esc(message.at("/payload/description").asText())).append("</p>");
      }
      JsonNode example = message.at("/examples/0/payload");
      if (!example.isMissingNode()) {
        html.append("<p>Example:</p><pre>").append(esc(pretty(example))).append("</pre>");
      }
      html.append("</section>\n");
    }
  }

  private void fields(JsonNode schema) {
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(n -> required.add(n.asText()));
    html.append("<table><tr><th>field</th><th>type</th><th>required</th><th>constraints</th></tr>");
    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
      row(p.getKey(), type(p.getValue()), required.contains(p.getKey()) ? "yes" : "no", constraints(p.getValue()));
    }
    html.append("</table>");
  }

  static String type(JsonNode schema) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      return ref.substring(ref.lastIndexOf('/') + 1).equals("") ? "(this record)" : ref.substring(ref.lastIndexOf('/') + 1);
    }
    for (String alt : new String[] {"anyOf", "oneOf"}) {
      if (schema.has(alt)) {
        List<String> types = new ArrayList<>();
        schema.get(alt).forEach(b -> types.add(type(b)));
        return String.join(" or ", types);
      }
    }
    JsonNode type = schema.get("type");
    String base = type == null ? "any" : type.isArray() ? join(type, " or ") : type.asText();
    if (base.startsWith("array")) {
      return "array of " + type(schema.path("items"));
    }
    if (base.startsWith("object") && schema.has("additionalProperties") && schema.get("additionalProperties").isObject()
        && !schema.has("properties")) {
      return "map of " + type(schema.get("additionalProperties"));
    }
    return base;
  }

  static String constraints(JsonNode schema) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      switch (name) {
        case "type", "items", "properties", "required", "$ref", "anyOf", "oneOf", "description", "title" -> { }
        case "additionalProperties" -> {
          if (!schema.get(name).isObject()) {
            out.add(name + ": " + schema.get(name));
          }
        }
        default -> out.add(name + ": " + (schema.get(name).isTextual() ? schema.get(name).asText() : schema.get(name)));
      }
    }
    if (schema.has("items")) {
      String inner = constraints(schema.get("items"));
      if (!inner.isEmpty()) {
        out.add("items: " + inner);
      }
    }
    return String.join("; ", out);
  }

  private static String join(JsonNode array, String separator) {
    List<String> parts = new ArrayList<>();
    array.forEach(n -> parts.add(n.asText()));
    return String.join(separator, parts);
  }

  private String messageLinks(JsonNode messages) {
    List<String> links = new ArrayList<>();
    messages.properties().forEach(e -> {
      String name = doc.at("/components/messages/" + e.getKey() + "/name").asText(e.getKey());
      links.add("<a href=\"#message-" + esc(e.getKey()) + "\">" + esc(name) + "</a>");
    });
    return String.join(", ", links);
  }

  private void row(String... cells) {
    html.append("<tr>");
    for (int i = 0; i < cells.length; i++) {
      html.append(i == 0 ? "<td><code>" : "<td>").append(esc(cells[i])).append(i == 0 ? "</code></td>" : "</td>");
    }
    html.append("</tr>");
  }

  private static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return node.toString();
    }
  }

  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
