package dev.pottery.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for TLS test servers, made once per JVM at test time with the JDK's own
 * {@code keytool} (no certificate is checked in, none outlives the run): valid for {@code 127.0.0.1} and
 * {@code localhost}, for two days. The server uses it as its certificate and clients trust exactly it.
 *
 * <pre>{@code
 * TlsMaterial tls = TlsMaterial.get();
 * RedisClient client = RedisClient.builder().hostAndPort("127.0.0.1", port)
 *         .clientConfig(DefaultJedisClientConfig.builder().ssl(true).sslSocketFactory(tls.socketFactory()).build())
 *         .build();
 * }</pre>
 *
 * @param certificate the certificate, PEM ({@code tls-cert-file} and {@code tls-ca-cert-file})
 * @param privateKey its private key, PKCS#8 PEM ({@code tls-key-file})
 * @param trustStore a PKCS12 trust store holding the certificate (password {@link #TRUST_STORE_PASSWORD})
 */
public record TlsMaterial(Path certificate, Path privateKey, Path trustStore) {

    /** The password of {@link #trustStore()}. */
    public static final String TRUST_STORE_PASSWORD = "pottery-test";

    private static final String ALIAS = "redis";
    private static volatile TlsMaterial made;

    /** The JVM's certificate, made on first use. */
    public static synchronized TlsMaterial get() {
        if (made == null) {
            made = make();
        }
        return made;
    }

    /** An SSL context trusting exactly the test certificate. */
    public SSLContext sslContext() {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, TRUST_STORE_PASSWORD.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the test trust store " + trustStore, e);
        }
    }

    /** A socket factory trusting exactly the test certificate. */
    public SSLSocketFactory socketFactory() {
        return sslContext().getSocketFactory();
    }

    private static TlsMaterial make() {
        try {
            Path dir = Files.createTempDirectory("pottery-tls-");
            dir.toFile().deleteOnExit();
            Path keyStore = dir.resolve("server.p12");
            char[] password = TRUST_STORE_PASSWORD.toCharArray();
            keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost",
                    "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                    "-storepass", TRUST_STORE_PASSWORD, "-keypass", TRUST_STORE_PASSWORD);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, password);
            }
            PrivateKey key = (PrivateKey) store.getKey(ALIAS, password);
            Certificate certificate = store.getCertificate(ALIAS);
            Path certificatePem = write(dir.resolve("redis.crt"), "CERTIFICATE", certificate.getEncoded());
            Path keyPem = write(dir.resolve("redis.key"), "PRIVATE KEY", key.getEncoded());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, password);
            trust.setCertificateEntry(ALIAS, certificate);
            Path trustStore = dir.resolve("truststore.p12");
            try (var out = Files.newOutputStream(trustStore)) {
                trust.store(out, password);
            }
            for (Path file : new Path[] {keyStore, certificatePem, keyPem, trustStore}) {
                file.toFile().deleteOnExit();
            }
            return new TlsMaterial(certificatePem, keyPem, trustStore);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the test certificate", e);
        }
    }

    private static void keytool(String... args) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        var command = new java.util.ArrayList<String>();
        command.add(keytool.toString());
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the test certificate", e);
        }
    }

    private static Path write(Path file, String type, byte[] der) throws IOException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n");
        return file;
    }
}
