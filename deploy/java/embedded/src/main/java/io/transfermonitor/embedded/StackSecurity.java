package io.transfermonitor.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The secure embedded stack's secrets and how clients use them: SCRAM-SHA-512 users ({@value
 * #SUPER_USER}, a super user for administration, and one user per role: {@link #ROLE_USERS}), their
 * passwords, a CA and the broker's certificate. Made once in a {@code security} directory (readable
 * by its owner only) and reused on every restart, so the users formatted into the broker's metadata
 * keep working.
 *
 * <p>In: the directory. Out: Kafka client properties per user (SASL_SSL, SCRAM-SHA-512, the CA as
 * PEM truststore) and registry client properties (basic auth, the same CA). {@link #toString()}
 * never shows a password.
 */
public final class StackSecurity {

  /** The administrator: a super user, also the broker's own identity between listeners. */
  public static final String SUPER_USER = "admin";

  /** One user per role of the access policy. */
  public static final List<String> ROLE_USERS = List.of("producer", "monitor", "ops");

  static final String MECHANISM = "SCRAM-SHA-512";
  private static final String CREDENTIALS = "credentials.properties";
  private static final String KEYSTORE_PASSWORD = "broker.keystore";
  private static final String PASSWORD_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final Path dir;
  private final Map<String, String> passwords;
  private final String keystorePassword;

  private StackSecurity(Path dir, Map<String, String> passwords, String keystorePassword) {
    this.dir = dir;
    this.passwords = passwords;
    this.keystorePassword = keystorePassword;
  }

  /** Reads the secrets kept in {@code dir}, or makes new ones (users, passwords, certificates). */
  static StackSecurity prepare(Path dir) {
    Path file = dir.resolve(CREDENTIALS);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dir);
        OwnerOnly.restrict(dir);
        Properties fresh = new Properties();
        SecureRandom random = new SecureRandom();
        for (String user : users()) {
          fresh.setProperty(user, password(random));
        }
        fresh.setProperty(KEYSTORE_PASSWORD, password(random));
        StackCertificates.issue(dir, fresh.getProperty(KEYSTORE_PASSWORD).toCharArray());
        try (OutputStream out = OwnerOnly.create(file)) {
          fresh.store(out, "transfer-monitor secure stack: SCRAM users and the keystore password");
        }
      }
      Properties kept = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        kept.load(in);
      }
      Map<String, String> passwords = new LinkedHashMap<>();
      for (String user : users()) {
        String password = kept.getProperty(user);
        if (password == null) {
          throw new IllegalStateException(file + " holds no password for user " + user);
        }
        passwords.put(user, password);
      }
      return new StackSecurity(dir, Map.copyOf(passwords), kept.getProperty(KEYSTORE_PASSWORD));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the stack's secrets in " + dir, e);
    }
  }

  /** Whether {@code dir} holds the secrets of a secure stack. */
  static boolean existsIn(Path dir) {
    return Files.exists(dir.resolve(CREDENTIALS));
  }

  /** The super user first, then the role users. */
  public static List<String> users() {
    List<String> users = new ArrayList<>();
    users.add(SUPER_USER);
    users.addAll(ROLE_USERS);
    return users;
  }

  /** {@code ca.crt}: the CA every client of the stack trusts, PEM. */
  public Path caCertificate() {
    return dir.resolve(StackCertificates.CA_FILE);
  }

  /** The password of {@code user} (what its client settings file holds). */
  public String password(String user) {
    String password = passwords.get(user);
    if (password == null) {
      throw new IllegalArgumentException("no such user of the stack: " + user);
    }
    return password;
  }

  /** Kafka client properties to connect to {@code bootstrapServers} as {@code user}. */
  public Map<String, Object> kafkaClientProperties(String user, String bootstrapServers) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("security.protocol", "SASL_SSL");
    props.put("sasl.mechanism", MECHANISM);
    props.put("sasl.jaas.config", jaasConfig(user));
    props.put("ssl.truststore.type", "PEM");
    props.put("ssl.truststore.location", caCertificate().toString());
    return props;
  }

  /** Registry client properties (Confluent's keys) to call the stack's registry as {@code user}. */
  public Map<String, Object> registryClientProperties(String user) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("basic.auth.user.info", user + ":" + password(user));
    props.put("schema.registry.ssl.truststore.type", "PEM");
    props.put("schema.registry.ssl.truststore.location", caCertificate().toString());
    return props;
  }

  /**
   * Writes one settings file per user into {@code dir} ({@code <user>.properties}, owner-only), in
   * the format of transfer-monitor's {@code --config}: {@code kafka.*} client properties and {@code
   * tm.schema.registry.*} settings. Rewritten on every start, since the ports may change.
   *
   * @return each user's file, the super user first
   */
  public Map<String, Path> writeClientSettings(
      Path dir, String bootstrapServers, String registryUrl) {
    Map<String, Path> files = new LinkedHashMap<>();
    try {
      Files.createDirectories(dir);
      for (String user : users()) {
        StringBuilder text = new StringBuilder();
        text.append("# transfer-monitor settings for user '")
            .append(user)
            .append("' of the secure stack; use with --config FILE\n");
        kafkaClientProperties(user, bootstrapServers)
            .forEach((k, v) -> line(text, "kafka." + k, v));
        line(text, "tm.schema.registry.url", registryUrl);
        registryClientProperties(user)
            .forEach(
                (k, v) -> line(text, "tm.schema.registry." + k.replace("schema.registry.", ""), v));
        Path file = dir.resolve(user + ".properties");
        OwnerOnly.writeString(file, text.toString());
        files.put(user, file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the client settings files to " + dir, e);
    }
    return files;
  }

  private static void line(StringBuilder text, String key, Object value) {
    // .properties escapes: a backslash (Windows paths) must be doubled
    text.append(key).append('=').append(value.toString().replace("\\", "\\\\")).append('\n');
  }

  /** Whether {@code user} with {@code password} is one of the stack's users (constant time). */
  boolean accepts(String user, String password) {
    String expected = passwords.get(user);
    return expected != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
  }

  String jaasConfig(String user) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password(user)
        + "\";";
  }

  /** The broker's keystore: its key and certificate chain. */
  Path brokerKeystore() {
    return dir.resolve(StackCertificates.BROKER_KEYSTORE);
  }

  String keystorePassword() {
    return keystorePassword;
  }

  /** {@code --add-scram} arguments of {@code kafka-storage format}: every user, SCRAM-SHA-512. */
  List<String> scramFormatArguments() {
    List<String> args = new ArrayList<>();
    for (String user : users()) {
      args.add("--add-scram");
      args.add(MECHANISM + "=[name=" + user + ",password=" + password(user) + "]");
    }
    return args;
  }

  /** TLS on the server side with the broker's certificate (the registry's HTTPS). */
  SSLContext serverSslContext() {
    try (InputStream in = Files.newInputStream(brokerKeystore())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, keystorePassword.toCharArray());
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, keystorePassword.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot read the broker keystore " + brokerKeystore() + ": " + e.getMessage(), e);
    }
  }

  private static String password(SecureRandom random) {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
    }
    return password.toString();
  }

  @Override
  public String toString() {
    return "StackSecurity[" + dir + ", users " + users() + "]";
  }
}
