package dev.tidings.ingress.internal;

/** Stream names as they appear in paths: the characters Kafka allows in topic names. */
final class Streams {
  private Streams() {}

  /** {@code stream}, when valid. */
  static String check(String stream) {
    if (stream == null || stream.isEmpty() || stream.length() > 200) {
      throw new HttpError(400, "invalid_stream", "the stream name must have 1 to 200 characters");
    }
    for (int i = 0; i < stream.length(); i++) {
      char c = stream.charAt(i);
      if (!(c < 128 && Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) {
        throw new HttpError(400, "invalid_stream", "stream '" + stream + "' has '" + c
            + "', which Kafka does not allow in topic names: use letters, digits, '.', '_' and '-'");
      }
    }
    return stream;
  }
}
