package dev.tidings.ingress.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;

/**
 * Reading request bodies: strict JSON (duplicate keys and trailing content refused, Jackson's
 * nesting and size limits kept, decimals kept exactly as written), errors as 400 with the line and
 * column.
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      // numbers stay as written: 12.50 is sent as 12.50, not as the double 12.5
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private Json() {}

  /**
   * Parses {@code body}.
   *
   * @throws HttpError 400 {@code not_json} or {@code bad_encoding} (not UTF-8)
   */
  static JsonNode parse(byte[] body, int offset, int length, String where) {
    if (length == 0) {
      throw new HttpError(400, "not_json", where + " is empty: send a JSON document");
    }
    try {
      JsonNode node = MAPPER.readTree(body, offset, length);
      if (node == null || node.isMissingNode()) {
        throw new HttpError(400, "not_json", where + " holds no JSON value: send a JSON document");
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw new HttpError(400, "not_json", where + " is beyond the JSON limits: " + firstLine(e.getOriginalMessage())
          + "; flatten or shorten it");
    } catch (JsonParseException e) {
      String message = firstLine(e.getOriginalMessage());
      boolean encoding = message.contains("UTF-8") || message.contains("UTF8") || message.contains("Invalid UTF");
      throw new HttpError(400, encoding ? "bad_encoding" : "not_json", where + (encoding ? " is not UTF-8: "
          : " is not JSON: ") + message + location(e) + "; send UTF-8 JSON");
    } catch (JsonProcessingException e) {
      throw new HttpError(400, "not_json", where + " is not JSON: " + firstLine(e.getOriginalMessage()) + location(e)
          + "; send one JSON document");
    } catch (IOException e) {
      throw new HttpError(400, "not_json", where + " cannot be read as JSON: " + e.getMessage());
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
        + e.getLocation().getColumnNr() + ")";
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
