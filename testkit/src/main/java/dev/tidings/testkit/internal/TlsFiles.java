package dev.tidings.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The TLS material of a secured embedded broker, generated at test time with the JDK's {@code keytool}: a broker key
 * pair whose self-signed certificate names {@code 127.0.0.1} and {@code localhost}, a truststore holding that
 * certificate, and an "untrusted" truststore holding the certificate of another key pair (for tests of a wrong
 * truststore). All stores are PKCS12 and share one random password.
 *
 * <p>{@code keytool} runs as a child process because it ships with every JDK (no extra dependency) and its classes are
 * not an exported API; the truststores are then written in-process with {@link KeyStore}. Files already present in the
 * directory (a restarted broker) are reused.
 */
public final class TlsFiles {

    /** The store type of every file. */
    public static final String TYPE = "PKCS12";

    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private final Path keystore;
    private final Path truststore;
    private final Path untrustedTruststore;
    private final String password;

    private TlsFiles(Path dir, String password) {
        this.keystore = dir.resolve("broker.p12");
        this.truststore = dir.resolve("truststore.p12");
        this.untrustedTruststore = dir.resolve("untrusted-truststore.p12");
        this.password = password;
    }

    /**
     * Creates the files in {@code dir}, or reuses those already there.
     *
     * @param dir a directory (created if missing)
     * @return the files
     * @throws IllegalStateException if keytool failed
     */
    public static TlsFiles createIn(Path dir) {
        try {
            Files.createDirectories(dir);
            Path passwordFile = dir.resolve("store-password");
            if (Files.exists(passwordFile)) {
                TlsFiles existing = new TlsFiles(dir, Files.readString(passwordFile, StandardCharsets.UTF_8).strip());
                if (Files.exists(existing.truststore) && Files.exists(existing.untrustedTruststore)) {
                    return existing;
                }
            }
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            TlsFiles files = new TlsFiles(dir, "store-" + HexFormat.of().formatHex(random));
            Path stranger = dir.resolve("stranger.p12");
            Files.deleteIfExists(files.keystore);
            Files.deleteIfExists(stranger);
            Process broker = keytool(dir, files.keystore, "broker", files.password);
            Process other = keytool(dir, stranger, "stranger", files.password);
            await(broker, "the broker key pair");
            await(other, "a second key pair");
            files.writeTruststore(files.keystore, "broker", files.truststore);
            files.writeTruststore(stranger, "stranger", files.untrustedTruststore);
            Files.writeString(passwordFile, files.password, StandardCharsets.UTF_8);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the TLS files of the embedded broker in " + dir, e);
        }
    }

    /** @return the broker's key store (key pair and certificate) */
    public Path keystore() {
        return keystore;
    }

    /** @return a truststore that trusts the broker's certificate */
    public Path truststore() {
        return truststore;
    }

    /** @return a truststore that trusts another certificate only */
    public Path untrustedTruststore() {
        return untrustedTruststore;
    }

    /** @return the password of every store and of the broker's key */
    public String password() {
        return password;
    }

    private static Process keytool(Path dir, Path store, String alias, String password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "keytool.exe" : "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=" + alias + ".tidings.test", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "30", "-storetype", TYPE, "-keystore", store.toString(),
                "-storepass", password, "-keypass", password));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    private static void await(Process process, String what) throws IOException {
        try (InputStream out = process.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool did not create " + what + " within "
                        + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed to create " + what + " (exit code "
                        + process.exitValue() + "): " + text + ". Check that this JDK has bin/keytool.");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keytool created " + what, e);
        }
    }

    private void writeTruststore(Path keyStoreFile, String alias, Path target) throws IOException {
        try {
            KeyStore source = KeyStore.getInstance(TYPE);
            try (InputStream in = Files.newInputStream(keyStoreFile)) {
                source.load(in, password.toCharArray());
            }
            Certificate certificate = source.getCertificate(alias);
            KeyStore trust = KeyStore.getInstance(TYPE);
            trust.load(null, null);
            trust.setCertificateEntry(alias, certificate);
            try (OutputStream out = Files.newOutputStream(target)) {
                trust.store(out, password.toCharArray());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not write the truststore " + target + " from " + keyStoreFile
                    + ": " + e, e);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
