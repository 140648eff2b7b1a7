package io.transfermonitor.schemas.registry;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Where a schema registry lives and how to talk to it: base URL (without credentials, so it can
 * appear in error messages), optional basic-auth credentials or bearer token, TLS stores, and the
 * retry budget.
 *
 * <p>Credentials come from {@code basic.auth.user.info} ({@code user:password}, Confluent's key) or
 * from the URL itself ({@code https://user:password@host:8081}); the key wins when both are given.
 * A bearer token ({@code bearer.auth.token}) is the alternative to basic auth, never both. {@link
 * #toString()} names the user, never a password or token.
 *
 * @param baseUrl registry root without trailing slash, e.g. {@code http://localhost:8081} or
 *     Apicurio's {@code http://host:8080/apis/ccompat/v7}
 * @param userInfo {@code user:password} for HTTP basic auth, if any
 * @param bearerToken a token sent as {@code Authorization: Bearer ...}, if any
 * @param tls truststore and keystore for https, if the JDK's defaults do not do
 * @param maxAttempts how many times one call is tried in all (connection errors, 5xx and 429 only)
 * @param initialBackoff pause before the first retry; doubled per retry up to {@code maxBackoff}
 * @param maxBackoff longest pause between two attempts (also caps a server's Retry-After)
 * @param requestTimeout how long one attempt may take
 */
public record RegistryEndpoint(
    String baseUrl,
    Optional<String> userInfo,
    Optional<String> bearerToken,
    Optional<RegistryTls> tls,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration requestTimeout) {

  /** Confluent's key for basic-auth credentials, {@code user:password}. */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

  /** Confluent's key for a static bearer token. */
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";

  /** Default attempts per call: one try and three retries. */
  public static final int DEFAULT_MAX_ATTEMPTS = 4;

  public RegistryEndpoint {
    if (userInfo.isPresent() && bearerToken.isPresent()) {
      throw new ConfigException(
          "schema registry: give either basic auth ("
              + BASIC_AUTH_USER_INFO
              + ") or a bearer token ("
              + BEARER_AUTH_TOKEN
              + "), not both");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }

  /** An endpoint with default retries (4 attempts, 100 ms doubling to 2 s, 30 s per request). */
  public static RegistryEndpoint of(String url) {
    return of(url, null);
  }

  /**
   * An endpoint for {@code url} with the credentials of {@code userInfo} ({@code user:password})
   * or, when that is null, those written into the URL.
   *
   * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
   */
  public static RegistryEndpoint of(String url, String userInfo) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a schema registry URL: '" + url + "'", e);
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "not a schema registry URL: '" + url + "' (expected http://host:port or https://...)");
    }
    String fromUrl =
        uri.getRawUserInfo() == null
            ? null
            : URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
    String base =
        scheme.toLowerCase()
            + "://"
            + uri.getHost()
            + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
            + (uri.getRawPath() == null ? "" : uri.getRawPath());
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String credentials = userInfo != null && !userInfo.isBlank() ? userInfo : fromUrl;
    return new RegistryEndpoint(
        base,
        Optional.ofNullable(credentials),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_MAX_ATTEMPTS,
        Duration.ofMillis(100),
        Duration.ofSeconds(2),
        Duration.ofSeconds(30));
  }

  /**
   * The endpoint described by Kafka-client-style configs: {@code schema.registry.url} and optional
   * {@code basic.auth.user.info}, {@code bearer.auth.token} and {@code schema.registry.ssl.*} (see
   * {@link RegistryTls}).
   */
  public static RegistryEndpoint from(String url, Map<String, ?> configs) {
    Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
    if (userInfo != null && !userInfo.toString().isBlank() && !userInfo.toString().contains(":")) {
      throw new ConfigException(BASIC_AUTH_USER_INFO, "(hidden)", "expected user:password");
    }
    Object token = configs.get(BEARER_AUTH_TOKEN);
    RegistryEndpoint endpoint = of(url, userInfo == null ? null : userInfo.toString());
    return new RegistryEndpoint(
        endpoint.baseUrl,
        endpoint.userInfo,
        token == null || token.toString().isBlank()
            ? Optional.empty()
            : Optional.of(token.toString().strip()),
        RegistryTls.from(configs),
        endpoint.maxAttempts,
        endpoint.initialBackoff,
        endpoint.maxBackoff,
        endpoint.requestTimeout);
  }

  /** The same endpoint with another retry budget (tests use short pauses). */
  public RegistryEndpoint withRetries(
      int attempts, Duration firstBackoff, Duration longestBackoff) {
    return new RegistryEndpoint(
        baseUrl,
        userInfo,
        bearerToken,
        tls,
        attempts,
        firstBackoff,
        longestBackoff,
        requestTimeout);
  }

  /**
   * The same endpoint retrying a failed call for about {@code window} in all: as many attempts as
   * its doubling pauses take to add up to the window. A stream thread rides out a registry restart
   * this way instead of failing (and having to be replaced) on the first record it cannot read.
   */
  public RegistryEndpoint withRetriesFor(Duration window) {
    int attempts = 1;
    Duration waited = Duration.ZERO;
    Duration pause = initialBackoff;
    while (waited.compareTo(window) < 0) {
      waited = waited.plus(pause);
      attempts++;
      pause = pause.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : pause.multipliedBy(2);
    }
    return withRetries(attempts, initialBackoff, maxBackoff);
  }

  /** The same endpoint with another per-request timeout. */
  public RegistryEndpoint withRequestTimeout(Duration timeout) {
    return new RegistryEndpoint(
        baseUrl, userInfo, bearerToken, tls, maxAttempts, initialBackoff, maxBackoff, timeout);
  }

  /** Shown in logs and errors: never the password or token. */
  @Override
  public String toString() {
    return baseUrl
        + userInfo.map(u -> " (basic auth as " + u.split(":", 2)[0] + ")").orElse("")
        + bearerToken.map(t -> " (bearer token)").orElse("")
        + tls.map(t -> " " + t).orElse("");
  }
}
