package dev.tidings.ingress.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tidings.Application;
import dev.tidings.SchemaDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document of a server: every route, the envelope of each of the application's
 * schemas with its JSON Schema as a component ({@code $defs} moved to components of their own, so
 * that every {@code $ref} resolves in the document), the error shape and the security schemes.
 */
final class OpenApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String ERROR_REF = "#/components/schemas/Error";
  private static final Map<String, String> ERRORS = Map.of(
      "400", "not JSON, not UTF-8, bad gzip or a bad header",
      "401", "missing or invalid credentials",
      "403", "the principal may not publish to this stream",
      "413", "the body (after inflating gzip) or the batch is over the limit",
      "415", "wrong Content-Type or Content-Encoding",
      "422", "not an envelope, unknown schema, schema not allowed here, or data failing the schema",
      "429", "over the principal's rate",
      "503", "Kafka did not acknowledge in time, or the server is saturated (see Retry-After)");

  /** A raw route's schema, as a component. */
  record RawDoc(String path, JsonNode schema) {}

  private OpenApi() {}

  static ObjectNode single() {
    ObjectNode op = post("Publish one envelope", "publish", ref("#/components/schemas/Envelope"), "201",
        "stored: the broker acknowledged it", "#/components/schemas/Stored");
    ArrayNode params = op.putArray("parameters");
    header(params, "Tidings-Key", "the Kafka key as UTF-8 text");
    header(params, "Tidings-Key-Base64", "the Kafka key as base64 of its bytes");
    header(params, "traceparent", "W3C trace context, copied to the Kafka header traceparent");
    header(params, "X-Request-ID", "copied to the Kafka header tidings.request-id; generated when missing; echoed");
    return op;
  }

  static ObjectNode batch(int max) {
    ObjectNode body = F.objectNode().put("type", "array").put("maxItems", max);
    body.putObject("items").set("$ref", TextNode.valueOf("#/components/schemas/BatchEntry"));
    ObjectNode op = post("Publish a batch of up to " + max + " entries (a JSON array, or NDJSON)", "publishBatch",
        body, "200", "every entry answered: success or partial_success", "#/components/schemas/BatchResult");
    op.withObject("/requestBody/content").putObject("application/x-ndjson").putObject("schema")
        .put("type", "string").put("description", "one entry per line");
    return op;
  }

  static ObjectNode raw(String path, String stream, String keyRule) {
    return post("Publish a plain JSON document to stream '" + stream + "', unchanged (key: " + keyRule + ")",
        null, ref(rawRef(path)), "201", "stored: the broker acknowledged it", "#/components/schemas/Stored");
  }

  static ObjectNode page(String summary, String contentType) {
    ObjectNode op = F.objectNode().put("summary", summary);
    op.putObject("responses").putObject("200").put("description", "OK").putObject("content")
        .putObject(contentType).putObject("schema");
    return op;
  }

  private static ObjectNode post(String summary, String id, JsonNode bodySchema, String ok, String okText,
      String okRef) {
    ObjectNode op = F.objectNode().put("summary", summary);
    if (id != null) {
      op.put("operationId", id);
    }
    ObjectNode body = op.putObject("requestBody").put("required", true);
    body.putObject("content").putObject("application/json").set("schema", bodySchema);
    ObjectNode responses = op.putObject("responses");
    responses.putObject(ok).put("description", okText).putObject("content").putObject("application/json")
        .set("schema", ref(okRef));
    new TreeMap<>(ERRORS).forEach((status, text) -> responses.putObject(status).put("description", text)
        .putObject("content").putObject("application/json").set("schema", ref(ERROR_REF)));
    return op;
  }

  private static void header(ArrayNode params, String name, String description) {
    params.addObject().put("name", name).put("in", "header").put("required", false).put("description", description)
        .putObject("schema").put("type", "string");
  }

  private static ObjectNode ref(String ref) {
    return F.objectNode().put("$ref", ref);
  }

  private static String rawRef(String path) {
    return "#/components/schemas/" + rawName(path);
  }

  private static String rawName(String path) {
    return "Raw" + path.replaceAll("[^A-Za-z0-9]+", ".");
  }

  /** The whole document. */
  static byte[] document(Application app, List<Route> routes, List<RawDoc> raws) {
    ObjectNode doc = F.objectNode().put("openapi", "3.1.0");
    doc.putObject("info").put("title", "Tidings HTTP API").put("version", "1")
        .put("description", "Validated HTTP to Kafka publishing: a 2xx only for messages the broker stored.");
    ObjectNode paths = doc.putObject("paths");
    for (Route r : routes) {
      ObjectNode item = paths.has(r.template().toString()) ? (ObjectNode) paths.get(r.template().toString())
          : paths.putObject(r.template().toString());
      ObjectNode op = r.operation() != null ? r.operation().deepCopy() : generic(r);
      if (!op.has("operationId")) {
        op.put("operationId", (r.method().toLowerCase() + r.template().toString()).replaceAll("[^A-Za-z0-9]+", "_"));
      }
      List<String> names = r.template().parameters();
      if (!names.isEmpty()) {
        ArrayNode params = op.has("parameters") ? (ArrayNode) op.get("parameters") : op.putArray("parameters");
        for (String name : names) {
          params.addObject().put("name", name).put("in", "path").put("required", true).putObject("schema")
              .put("type", "string").put("pattern", "^[A-Za-z0-9._-]+$");
        }
      }
      if (r.method().equals("POST")) {
        ArrayNode security = op.putArray("security");
        security.addObject().putArray("bearer");
        security.addObject().putArray("basic");
      }
      item.set(r.method().toLowerCase(), op);
    }
    ObjectNode components = doc.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    ArrayNode envelopes = schemas.putObject("Envelope").put("description", "An envelope of one of the"
        + " application's schemas").putArray("oneOf");
    for (Map.Entry<String, SchemaDefinition<?>> e : new TreeMap<>(app.schemas()).entrySet()) {
      String name = e.getKey().replace(':', '.');
      ObjectNode envelope = schemas.putObject("Envelope." + name).put("type", "object");
      envelope.putArray("required").add("schema").add("data");
      envelope.put("additionalProperties", false);
      ObjectNode props = envelope.putObject("properties");
      props.putObject("schema").put("const", e.getKey());
      props.set("data", ref("#/components/schemas/" + name));
      envelopes.add(ref("#/components/schemas/Envelope." + name));
      addSchema(schemas, name, read(e.getValue().jsonSchema()));
    }
    for (RawDoc raw : raws) {
      addSchema(schemas, rawName(raw.path()), raw.schema().deepCopy());
    }
    schemas.set("Error", read("{\"type\":\"object\",\"required\":[\"error\"],\"properties\":{\"error\":{\"type\":"
        + "\"object\",\"required\":[\"code\",\"message\",\"details\",\"retriable\"],\"properties\":{\"code\":{\"type\":"
        + "\"string\"},\"message\":{\"type\":\"string\"},\"retriable\":{\"type\":\"boolean\"},\"details\":{\"type\":"
        + "\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"pointer\":{\"type\":\"string\"},\"message\":"
        + "{\"type\":\"string\"},\"keyword\":{\"type\":\"string\"}}}}}}}}"));
    schemas.set("Stored", read("{\"type\":\"object\",\"required\":[\"topic\",\"partition\",\"offset\",\"timestamp\"],"
        + "\"properties\":{\"topic\":{\"type\":\"string\"},\"partition\":{\"type\":\"integer\"},\"offset\":{\"type\":"
        + "\"integer\"},\"timestamp\":{\"type\":\"integer\",\"description\":\"epoch milliseconds\"}}}"));
    schemas.set("BatchEntry", read("{\"oneOf\":[{\"$ref\":\"#/components/schemas/Envelope\"},{\"type\":\"object\","
        + "\"required\":[\"envelope\"],\"properties\":{\"key\":{\"type\":\"string\"},\"keyBase64\":{\"type\":"
        + "\"string\"},\"headers\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}},\"envelope\":"
        + "{\"$ref\":\"#/components/schemas/Envelope\"}}}]}"));
    schemas.set("BatchResult", read("{\"type\":\"object\",\"properties\":{\"status\":{\"enum\":[\"success\","
        + "\"partial_success\",\"failure\"]},\"summary\":{\"type\":\"object\",\"properties\":{\"received\":{\"type\":"
        + "\"integer\"},\"successful\":{\"type\":\"integer\"},\"failed\":{\"type\":\"integer\"}}},\"results\":{\"type\":"
        + "\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"index\":{\"type\":\"integer\"},\"partition\":"
        + "{\"type\":\"integer\"},\"offset\":{\"type\":\"integer\"},\"error\":{\"$ref\":\"#/components/schemas/Error/"
        + "properties/error\"}}}}}}"));
    ObjectNode security = components.putObject("securitySchemes");
    security.putObject("bearer").put("type", "http").put("scheme", "bearer");
    security.putObject("basic").put("type", "http").put("scheme", "basic");
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode generic(Route r) {
    if (r.method().equals("GET")) {
      return page(r.template().toString(), "*/*");
    }
    ObjectNode op = F.objectNode().put("summary", "POST " + r.template());
    ObjectNode content = op.putObject("requestBody").put("required", true).putObject("content");
    for (String type : r.mediaTypes()) {
      content.putObject(type).putObject("schema");
    }
    ObjectNode responses = op.putObject("responses");
    responses.putObject("200").put("description", "OK");
    new TreeMap<>(ERRORS).forEach((status, text) -> responses.putObject(status).put("description", text));
    return op;
  }

  /** Adds a JSON Schema as a component; its {@code $defs} become components named {@code name.Def}. */
  private static void addSchema(ObjectNode schemas, String name, JsonNode schema) {
    if (schema instanceof ObjectNode o) {
      o.remove("$schema");
      o.remove("$id");
      JsonNode defs = o.remove("$defs");
      if (defs != null) {
        for (Map.Entry<String, JsonNode> d : defs.properties()) {
          JsonNode def = d.getValue().deepCopy();
          rewrite(def, name);
          schemas.set(name + "." + d.getKey().replaceAll("[^A-Za-z0-9._-]", "_"), def);
        }
      }
      rewrite(o, name);
    }
    schemas.set(name, schema);
  }

  /** {@code #} → the component, {@code #/$defs/X} → its def's component. */
  private static void rewrite(JsonNode node, String name) {
    if (node instanceof ObjectNode o) {
      JsonNode ref = o.get("$ref");
      if (ref != null && ref.isTextual()) {
        String r = ref.asText();
        if (r.equals("#")) {
          o.put("$ref", "#/components/schemas/" + name);
        } else if (r.startsWith("#/$defs/")) {
          String def = r.substring("#/$defs/".length()).replace("~1", "/").replace("~0", "~");
          o.put("$ref", "#/components/schemas/" + name + "." + def.replaceAll("[^A-Za-z0-9._-]", "_"));
        }
      }
      o.elements().forEachRemaining(child -> rewrite(child, name));
    } else if (node instanceof ArrayNode a) {
      a.elements().forEachRemaining(child -> rewrite(child, name));
    }
  }

  private static ObjectNode read(String json) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
