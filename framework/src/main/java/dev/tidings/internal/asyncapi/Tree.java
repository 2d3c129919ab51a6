package dev.tidings.internal.asyncapi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Building and reading the plain trees of this package: {@link LinkedHashMap}s with string keys,
 * {@link ArrayList}s, strings, numbers ({@link Long}, {@link BigInteger}, {@link BigDecimal}),
 * booleans and {@code null}.
 */
final class Tree {
  /** What {@link #at} returns for a pointer that leads nowhere (unlike a JSON {@code null}). */
  static final Object MISSING = new Object();

  private Tree() {}

  static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  /** A new object under {@code key} of {@code parent}. */
  static Map<String, Object> object(Map<String, Object> parent, String key) {
    Map<String, Object> child = object();
    parent.put(key, child);
    return child;
  }

  /** A new array under {@code key} of {@code parent}. */
  static List<Object> array(Map<String, Object> parent, String key) {
    List<Object> child = new ArrayList<>();
    parent.put(key, child);
    return child;
  }

  /** A new object added to {@code parent}. */
  static Map<String, Object> object(List<Object> parent) {
    Map<String, Object> child = object();
    parent.add(child);
    return child;
  }

  /** {@code node} as an object; an empty one for anything else. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> asObject(Object node) {
    return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** {@code node} as an array; an empty one for anything else. */
  @SuppressWarnings("unchecked")
  static List<Object> asArray(Object node) {
    return node instanceof List<?> list ? (List<Object>) list : List.of();
  }

  /** The member {@code key} of {@code node}, {@code null} when it is no object or has none. */
  static Object get(Object node, String key) {
    return node instanceof Map<?, ?> map ? map.get(key) : null;
  }

  static boolean has(Object node, String key) {
    return node instanceof Map<?, ?> map && map.containsKey(key);
  }

  /** The text of a scalar (a string as it is, a number or boolean as written); {@code fallback} otherwise. */
  static String text(Object node, String fallback) {
    if (node instanceof String s) {
      return s;
    }
    if (node instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (node instanceof Number || node instanceof Boolean) {
      return node.toString();
    }
    return fallback;
  }

  /** A number as a long (truncated), {@code fallback} for anything else. */
  static long asLong(Object node, long fallback) {
    return node instanceof Number ? decimal(node).longValue() : fallback;
  }

  /** A number as a decimal, zero for anything else. */
  static BigDecimal decimal(Object node) {
    if (node instanceof BigDecimal d) {
      return d;
    }
    if (node instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (node instanceof Long || node instanceof Integer || node instanceof Short || node instanceof Byte) {
      return BigDecimal.valueOf(((Number) node).longValue());
    }
    if (node instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    return BigDecimal.ZERO;
  }

  /** The node at the JSON pointer {@code pointer} ({@code ""} is the root), or {@link #MISSING}. */
  static Object at(Object root, String pointer) {
    if (pointer.isEmpty()) {
      return root;
    }
    if (!pointer.startsWith("/")) {
      return MISSING;
    }
    Object node = root;
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      if (node instanceof Map<?, ?> map && map.containsKey(token)) {
        node = map.get(token);
      } else if (node instanceof List<?> list && token.matches("0|[1-9][0-9]{0,8}")
          && Integer.parseInt(token) < list.size()) {
        node = list.get(Integer.parseInt(token));
      } else {
        return MISSING;
      }
    }
    return node;
  }

  /** A deep copy of {@code node}. */
  static Object copy(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = object();
      map.forEach((k, v) -> out.put((String) k, copy(v)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(copy(v)));
      return out;
    }
    return node;
  }
}
