package io.transfermonitor.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One REST call to a schema registry: sends it (with basic auth when configured), retries
 * connection errors, 5xx and 429 within the endpoint's budget, and hands back the JSON answer or a
 * {@link SchemaRegistryException} naming what was attempted, the method and URL, the HTTP status
 * and the registry's {@code error_code}.
 */
final class RegistryHttp {

  private static final String ACCEPT =
      HttpSchemaRegistryClient.CONTENT_TYPE
          + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
  private static final Logger LOG = LoggerFactory.getLogger(RegistryHttp.class);

  private final RegistryEndpoint endpoint;
  private final ObjectMapper json;
  private final HttpClient http;

  RegistryHttp(RegistryEndpoint endpoint, ObjectMapper json) {
    this.endpoint = endpoint;
    this.json = json;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL);
    endpoint.tls().ifPresent(tls -> builder.sslContext(tls.sslContext()));
    this.http = builder.build();
  }

  /**
   * Sends {@code method path} with an optional JSON {@code body}; {@code what} says in words what
   * the call is for (it starts every error message: "cannot {what}: ...").
   */
  JsonNode call(String what, String method, String path, String body) {
    URI uri = URI.create(endpoint.baseUrl() + path);
    HttpRequest request = request(method, uri, body);
    Duration pause = endpoint.initialBackoff();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        if (attempt >= endpoint.maxAttempts() || e instanceof SSLException) {
          throw new SchemaRegistryException(
              "cannot "
                  + what
                  + ": no answer from "
                  + method
                  + " "
                  + uri
                  + " after "
                  + attempt
                  + " attempt(s): "
                  + describe(e),
              0,
              0,
              e);
        }
        LOG.warn(
            "{} {} failed ({}), retrying in {} ms", method, uri, describe(e), pause.toMillis());
        sleep(pause, what, uri);
        pause = longer(pause);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(
            "cannot " + what + ": interrupted while calling " + method + " " + uri, 0, 0, e);
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return parse(response, what, method, uri);
      }
      boolean transientFailure = status >= 500 || status == 429;
      if (!transientFailure || attempt >= endpoint.maxAttempts()) {
        throw failure(what, method, uri, response, attempt);
      }
      Duration wait = retryAfter(response).orElse(pause);
      LOG.warn("{} {} answered HTTP {}, retrying in {} ms", method, uri, status, wait.toMillis());
      sleep(wait, what, uri);
      pause = longer(pause);
    }
  }

  private HttpRequest request(String method, URI uri, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri).timeout(endpoint.requestTimeout()).header("Accept", ACCEPT);
    endpoint
        .userInfo()
        .ifPresent(
            u ->
                builder.header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8))));
    endpoint.bearerToken().ifPresent(t -> builder.header("Authorization", "Bearer " + t));
    if (body == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return builder
        .header("Content-Type", HttpSchemaRegistryClient.CONTENT_TYPE)
        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  private JsonNode parse(HttpResponse<String> response, String what, String method, URI uri) {
    try {
      return json.readTree(response.body() == null ? "" : response.body());
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException(
          "cannot "
              + what
              + ": "
              + method
              + " "
              + uri
              + " answered HTTP "
              + response.statusCode()
              + " with a body that is not JSON: "
              + snippet(response.body()),
          response.statusCode(),
          0,
          e);
    }
  }

  private SchemaRegistryException failure(
      String what, String method, URI uri, HttpResponse<String> response, int attempts) {
    int errorCode = 0;
    String message = snippet(response.body());
    try {
      JsonNode error = json.readTree(response.body() == null ? "" : response.body());
      if (error != null && error.isObject()) {
        errorCode = error.path("error_code").asInt(0);
        if (error.hasNonNull("message")) {
          message = error.get("message").asText();
        }
      }
    } catch (JsonProcessingException e) {
      // not JSON (a proxy's HTML page, say): the raw snippet above is the best message there is
    }
    return new SchemaRegistryException(
        "cannot "
            + what
            + ": "
            + method
            + " "
            + uri
            + " answered HTTP "
            + response.statusCode()
            + " (error_code "
            + errorCode
            + ")"
            + (attempts > 1 ? " after " + attempts + " attempts" : "")
            + ": "
            + message
            + authHint(response.statusCode()),
        response.statusCode(),
        errorCode);
  }

  /** What a user can do about a 401 or 403, in words. */
  private String authHint(int status) {
    boolean credentials = endpoint.userInfo().isPresent() || endpoint.bearerToken().isPresent();
    if (status == 401) {
      return credentials
          ? " (the registry refused the credentials given as " + endpoint + ")"
          : " (the registry wants credentials: set "
              + RegistryEndpoint.BASIC_AUTH_USER_INFO
              + " or "
              + RegistryEndpoint.BEARER_AUTH_TOKEN
              + ")";
    }
    return status == 403 ? " (" + endpoint + " may not do this)" : "";
  }

  private Optional<Duration> retryAfter(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            v -> {
              try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
              } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: use our own backoff
              }
            })
        .map(d -> d.compareTo(endpoint.maxBackoff()) > 0 ? endpoint.maxBackoff() : d);
  }

  private Duration longer(Duration pause) {
    Duration doubled = pause.multipliedBy(2);
    return doubled.compareTo(endpoint.maxBackoff()) > 0 ? endpoint.maxBackoff() : doubled;
  }

  private static void sleep(Duration pause, String what, URI uri) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(
          "cannot " + what + ": interrupted while waiting to retry " + uri, 0, 0, e);
    }
  }

  /** The exception and its causes: java.net.http often wraps "Connection refused" in a cause. */
  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(e.toString());
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      text.append(" <- ").append(c);
    }
    return text.toString();
  }

  private static String snippet(String body) {
    if (body == null || body.isBlank()) {
      return "(empty body)";
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
  }
}
