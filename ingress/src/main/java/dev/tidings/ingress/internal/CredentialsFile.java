package dev.tidings.ingress.internal;

import dev.tidings.ingress.Authenticator;
import dev.tidings.ingress.Principal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@link Authenticator#credentialsFile}: bearer tokens and Basic users, each line {@code kind
 * principal sha256-hex streams}. The presented secret is hashed and compared with every entry of
 * its kind in constant time ({@link MessageDigest#isEqual}), so timing tells nothing about how much
 * of a secret matched, nor which entry.
 */
public final class CredentialsFile implements Authenticator {
  private record Entry(boolean basic, String principal, byte[] hash, Principal who) {}

  private final List<Entry> entries;

  private CredentialsFile(List<Entry> entries) {
    this.entries = entries;
  }

  /** Reads the file; a malformed line fails with its number and what to write instead. */
  public static CredentialsFile load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the credentials file " + file + ": " + e.getMessage(), e);
    }
    return parse(lines, file.toString());
  }

  static CredentialsFile parse(List<String> lines, String source) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = source + " line " + (i + 1);
      String[] f = line.split("\\s+");
      if (f.length != 4) {
        throw new IllegalArgumentException(where + " has " + f.length + " fields: write 'token|basic PRINCIPAL"
            + " SHA256_HEX STREAMS', e.g. 'token lineage <64 hex digits> openlineage,lineage.*'");
      }
      String kind = f[0].toLowerCase(Locale.ROOT);
      if (!kind.equals("token") && !kind.equals("basic")) {
        throw new IllegalArgumentException(where + " starts with '" + f[0] + "': the kind is 'token' or 'basic'");
      }
      String hex = f[2].toLowerCase(Locale.ROOT);
      if (hex.startsWith("sha256:")) {
        hex = hex.substring("sha256:".length());
      }
      byte[] hash;
      try {
        hash = HexFormat.of().parseHex(hex);
      } catch (IllegalArgumentException e) {
        hash = new byte[0];
      }
      if (hash.length != 32) {
        throw new IllegalArgumentException(where + " has a hash that is not 64 hex digits: write the SHA-256 of the"
            + " secret, e.g. printf %s \"$SECRET\" | sha256sum");
      }
      List<String> streams = List.of(f[3].split(","));
      entries.add(new Entry(kind.equals("basic"), f[1], hash, new Principal(f[1], streams)));
    }
    return new CredentialsFile(List.copyOf(entries));
  }

  @Override
  public Principal authenticate(Function<String, String> header) {
    String authorization = header.apply("Authorization");
    if (authorization == null) {
      return null;
    }
    int space = authorization.indexOf(' ');
    if (space < 0) {
      return null;
    }
    String scheme = authorization.substring(0, space);
    String value = authorization.substring(space + 1).trim();
    if (scheme.equalsIgnoreCase("Bearer")) {
      return match(false, null, value);
    }
    if (scheme.equalsIgnoreCase("Basic")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : match(true, decoded.substring(0, colon), decoded.substring(colon + 1));
    }
    return null;
  }

  private Principal match(boolean basic, String user, String secret) {
    byte[] presented = sha256(secret);
    Principal found = null;
    for (Entry e : entries) {
      // every entry of the kind is compared, whether an earlier one matched or not
      boolean equal = MessageDigest.isEqual(e.hash(), presented);
      if (e.basic() == basic && equal && (!basic || e.principal().equals(user)) && found == null) {
        found = e.who();
      }
    }
    return found;
  }

  static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public String challenge() {
    return "Bearer realm=\"tidings\", Basic realm=\"tidings\", charset=\"UTF-8\"";
  }

  @Override
  public String toString() {
    return "credentials file (" + entries.size() + " entries)";
  }
}
