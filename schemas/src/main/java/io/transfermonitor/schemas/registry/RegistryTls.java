package io.transfermonitor.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * How the registry client speaks TLS: which certificates it trusts (a truststore) and, for a
 * registry that asks for one, which certificate it shows (a keystore). Keys as Confluent's serdes
 * name them, so their client configuration carries over.
 *
 * <p>Stores are PKCS12 (default) or JKS; a truststore may also be PEM (one or more {@code
 * -----BEGIN CERTIFICATE-----} blocks, no password). Without a truststore the JDK's default CAs are
 * trusted. {@link #toString()} never shows a password.
 *
 * @param truststore {@value #TRUSTSTORE_LOCATION}, if any
 * @param truststoreType {@value #TRUSTSTORE_TYPE}: PKCS12, JKS or PEM
 * @param truststorePassword {@value #TRUSTSTORE_PASSWORD}, if the store has one
 * @param keystore {@value #KEYSTORE_LOCATION}: the client certificate and its key, if any
 * @param keystoreType {@value #KEYSTORE_TYPE}: PKCS12 or JKS
 * @param keystorePassword {@value #KEYSTORE_PASSWORD}
 * @param keyPassword {@value #KEY_PASSWORD}; the keystore password when not given
 */
public record RegistryTls(
    Optional<Path> truststore,
    String truststoreType,
    Optional<String> truststorePassword,
    Optional<Path> keystore,
    String keystoreType,
    Optional<String> keystorePassword,
    Optional<String> keyPassword) {

  public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  public static final String KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
  public static final String KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
  public static final String KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
  public static final String KEY_PASSWORD = "schema.registry.ssl.key.password";

  private static final String PEM = "PEM";

  /**
   * The TLS settings in Kafka-client-style {@code configs}, or empty when neither a truststore nor
   * a keystore is named (the JDK's defaults then apply).
   */
  public static Optional<RegistryTls> from(Map<String, ?> configs) {
    Optional<Path> truststore = text(configs, TRUSTSTORE_LOCATION).map(Path::of);
    Optional<Path> keystore = text(configs, KEYSTORE_LOCATION).map(Path::of);
    if (truststore.isEmpty() && keystore.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RegistryTls(
            truststore,
            type(configs, TRUSTSTORE_TYPE),
            text(configs, TRUSTSTORE_PASSWORD),
            keystore,
            type(configs, KEYSTORE_TYPE),
            text(configs, KEYSTORE_PASSWORD),
            text(configs, KEY_PASSWORD)));
  }

  /**
   * An SSL context trusting the truststore and presenting the keystore.
   *
   * @throws ConfigException naming the key of a store that cannot be read (never its password)
   */
  public SSLContext sslContext() {
    try {
      TrustManagerFactory trust = null;
      if (truststore.isPresent()) {
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore(truststore.get()));
      }
      KeyManagerFactory keys = null;
      if (keystore.isPresent()) {
        KeyStore store =
            load(keystore.get(), keystoreType, keystorePassword, KEYSTORE_LOCATION, KEYSTORE_TYPE);
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, chars(keyPassword.or(() -> keystorePassword)));
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keys == null ? null : keys.getKeyManagers(),
          trust == null ? null : trust.getTrustManagers(),
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ConfigException(
          "cannot set up TLS for the schema registry ("
              + (keystore.isPresent() ? KEY_PASSWORD + " or " + KEYSTORE_PASSWORD : TRUSTSTORE_TYPE)
              + "): "
              + e.getMessage());
    }
  }

  private KeyStore trustStore(Path file) throws GeneralSecurityException {
    if (!truststoreType.equals(PEM)) {
      return load(file, truststoreType, truststorePassword, TRUSTSTORE_LOCATION, TRUSTSTORE_TYPE);
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try (InputStream in = Files.newInputStream(file)) {
      store.load(null, null);
      int n = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + n++, certificate);
      }
      if (n == 0) {
        throw new ConfigException(TRUSTSTORE_LOCATION, file.toString(), "no PEM certificate in it");
      }
      return store;
    } catch (IOException e) {
      throw new ConfigException(TRUSTSTORE_LOCATION, file.toString(), unreadable(e));
    }
  }

  private static KeyStore load(
      Path file, String type, Optional<String> password, String locationKey, String typeKey)
      throws GeneralSecurityException {
    if (type.equals(PEM)) {
      throw new ConfigException(typeKey, type, "PEM works for the truststore only; use PKCS12");
    }
    KeyStore store = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, chars(password));
      return store;
    } catch (IOException e) {
      throw new ConfigException(locationKey, file.toString(), unreadable(e));
    }
  }

  private static String unreadable(IOException e) {
    // a wrong password surfaces as an IOException whose cause says so; show that, not the secret
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return "cannot read it (" + cause.getClass().getSimpleName() + ": " + e.getMessage() + ")";
  }

  private static char[] chars(Optional<String> password) {
    return password.map(String::toCharArray).orElse(null);
  }

  private static Optional<String> text(Map<String, ?> configs, String key) {
    Object value = configs.get(key);
    return value == null || value.toString().isBlank()
        ? Optional.empty()
        : Optional.of(value.toString().strip());
  }

  private static String type(Map<String, ?> configs, String key) {
    String type = text(configs, key).orElse("PKCS12").toUpperCase(Locale.ROOT);
    if (!type.equals("PKCS12") && !type.equals("JKS") && !type.equals(PEM)) {
      throw new ConfigException(key, type, "expected PKCS12, JKS or PEM");
    }
    return type;
  }

  /** Shown in logs and errors: where the stores are, never their passwords. */
  @Override
  public String toString() {
    return "TLS[trust "
        + truststore.map(p -> p + " (" + truststoreType + ")").orElse("JDK defaults")
        + keystore.map(p -> ", client certificate " + p).orElse("")
        + "]";
  }
}
