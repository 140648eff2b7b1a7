package io.transfermonitor.streams.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another monitor instance for the rows it holds, over its dashboard's local endpoints ({@code
 * GET http://host:port/api/local/...}, JSON lists). A peer that does not answer, or answers with an
 * error, is named in a {@link NotReadyException}: a partial total is never passed off as the whole.
 */
public final class Peers {

  /** Where each instance answers for its own partitions only. */
  public static final String LOCAL_PATH = "/api/local/";

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /**
   * The rows {@code host} holds of {@code view} ({@code ledgers}, {@code alerts}, ...), optionally
   * for one partition key.
   */
  public <R> List<R> rows(HostInfo host, String view, String partitionKey, Class<R> type) {
    String query =
        partitionKey == null
            ? ""
            : "?key=" + URLEncoder.encode(partitionKey, StandardCharsets.UTF_8);
    URI uri = URI.create("http://" + host.host() + ":" + host.port() + LOCAL_PATH + view + query);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new NotReadyException(
            "instance "
                + host
                + " answered "
                + response.statusCode()
                + " for "
                + view
                + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
      }
      JavaType list = json.getTypeFactory().constructCollectionType(List.class, type);
      return json.readValue(response.body(), list);
    } catch (IOException e) {
      throw new NotReadyException("instance " + host + " did not answer for " + view, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotReadyException("interrupted while asking " + host, e);
    }
  }
}
