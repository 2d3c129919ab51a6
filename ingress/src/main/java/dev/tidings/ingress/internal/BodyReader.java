package dev.tidings.ingress.internal;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body within a size limit, inflating {@code Content-Encoding: gzip} and counting
 * the inflated bytes, so that a small compressed body that inflates to gigabytes is cut off at the
 * limit; and drops what is left of a body the server refuses ({@link #drain}).
 *
 * <p>Neither closes the stream it reads: closing a request's content before its end makes Jetty
 * fail it, and the rest of the body then ends the connection (HTTP/1.1) or resets the stream
 * (HTTP/2) instead of being drained.
 */
final class BodyReader {
  private BodyReader() {}

  /** Whether the encoding is gzip; {@code null} and {@code identity} are plain. */
  static boolean gzip(String encoding) {
    if (encoding == null || encoding.isBlank()) {
      return false;
    }
    String e = encoding.trim().toLowerCase(Locale.ROOT);
    if (e.equals("gzip") || e.equals("x-gzip")) {
      return true;
    }
    if (e.equals("identity")) {
      return false;
    }
    throw new HttpError(415, "unsupported_encoding", "Content-Encoding '" + encoding
        + "' is not supported: send the body as it is, or compressed with gzip");
  }

  /**
   * The body.
   *
   * @param raw the request's content, left open
   * @param length the declared Content-Length, or -1
   * @throws HttpError 413 over the limit, 400 for broken gzip or a truncated body
   */
  static byte[] read(InputStream raw, long length, boolean gzip, long max) {
    if (!gzip && length > max) {
      throw tooLarge(max, length + " bytes declared");
    }
    int cap = (int) Math.min(max + 1, Integer.MAX_VALUE - 8);
    byte[] buffer = new byte[(int) Math.min(cap, length >= 0 && !gzip ? Math.max(length, 1) : 8192)];
    int size = 0;
    try (InputStream in = gzip ? new GZIPInputStream(new Unclosed(raw), 8192) : new Unclosed(raw)) {
      while (true) {
        if (size == buffer.length) {
          if (size >= cap) {
            throw tooLarge(max, gzip ? "more after inflating gzip" : "more");
          }
          buffer = Arrays.copyOf(buffer, (int) Math.min(cap, (long) size * 2));
        }
        int n = in.read(buffer, size, buffer.length - size);
        if (n < 0) {
          break;
        }
        size += n;
        if (size > max) {
          throw tooLarge(max, gzip ? "more after inflating gzip" : "more");
        }
      }
    } catch (ZipException e) {
      throw new HttpError(400, "bad_encoding", "the body is not valid gzip (Content-Encoding: gzip): "
          + e.getMessage() + "; compress it with gzip or drop the header");
    } catch (EOFException e) {
      throw new HttpError(400, gzip ? "bad_encoding" : "truncated", gzip
          ? "the gzip body ends early: send the whole compressed stream"
          : "the body ends before its Content-Length: send the whole body");
    } catch (IOException e) {
      throw new HttpError(400, "truncated", "the body could not be read (" + e.getMessage()
          + "): send the whole body");
    }
    return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
  }

  /**
   * Reads and drops the rest of a body, at most {@code limit} bytes of it.
   *
   * @param raw the request's content, left open
   * @return whether the body ended within the limit (a connection that may carry the next request),
   *     {@code false} when more is left or it could not be read
   */
  static boolean drain(InputStream raw, long limit) {
    byte[] scratch = new byte[8192];
    long left = limit;
    try {
      while (true) {
        int n = raw.read(scratch, 0, (int) Math.min(scratch.length, left + 1));
        if (n < 0) {
          return true;
        }
        left -= n;
        if (left < 0) {
          return false;
        }
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static HttpError tooLarge(long max, String got) {
    return new HttpError(413, "too_large", "the body is over the limit of " + max + " bytes (" + got
        + "): send fewer or smaller messages per request");
  }

  /** The request's content without {@code close()}: the caller drains or leaves it to Jetty. */
  private static final class Unclosed extends FilterInputStream {
    Unclosed(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
