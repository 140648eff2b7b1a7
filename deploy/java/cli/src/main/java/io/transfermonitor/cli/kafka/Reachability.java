package io.transfermonitor.cli.kafka;

import io.transfermonitor.cli.settings.LocalDefaults;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Whether the cluster and the registry a command needs answer, said within seconds: a command
 * started against a closed port or a stopped registry prints the address and the cause (connection
 * refused, unknown host, timeout, an HTTP error) and tries again every few seconds until they
 * answer, instead of hanging silently inside a client's own minute-long timeouts. It gives up when
 * they have not answered within the wait ({@code --max-wait}, counted from when it was made, for
 * both together) with an {@link UnavailableException} naming the address and the last cause, so a
 * wrong address ends the command instead of retrying forever.
 */
public final class Reachability {

  private static final Duration CONNECT = Duration.ofSeconds(3);
  private static final Duration RETRY_EVERY = Duration.ofSeconds(3);
  static final String KAFKA_SETTING =
      "check --bootstrap-servers (kafka.bootstrap.servers, KAFKA_BOOTSTRAP_SERVERS; without one"
          + " the local stack's "
          + LocalDefaults.BOOTSTRAP
          + " is used: transfer-monitor stack)";
  static final String REGISTRY_SETTING =
      "check --schema-registry-url (tm.schema.registry.url, TM_SCHEMA_REGISTRY_URL; without one"
          + " the local stack's "
          + LocalDefaults.REGISTRY
          + " is used)";

  private final PrintWriter out;
  private final Duration maxWait;
  private final long deadline;

  public Reachability(PrintWriter out, Duration maxWait) {
    this.out = out;
    this.maxWait = maxWait;
    this.deadline = System.nanoTime() + maxWait.toNanos();
  }

  /** Returns once a broker of {@code bootstrapServers} answers a metadata request. */
  public void awaitKafka(String bootstrapServers, Map<String, Object> clientProps)
      throws InterruptedException {
    await(
        "Kafka at " + bootstrapServers,
        KAFKA_SETTING,
        () -> kafkaProblem(bootstrapServers, clientProps));
  }

  /** Returns once something listens at the registry's host and port. */
  public void awaitRegistry(String url) throws InterruptedException {
    if (url.startsWith("http")) { // mock:// registries of tests live in this JVM
      await("the schema registry at " + url, REGISTRY_SETTING, () -> registryProblem(url));
    }
  }

  /**
   * For the commands that do one thing and end ({@code cases}, {@code alerts}, {@code topics
   * create}, {@code designations load}, ...): fails at once, within seconds, when Kafka (and the
   * registry, when {@code registryUrl} is given) does not answer, with an {@link
   * UnavailableException} that says why (connection refused, unknown host, no answer) and names the
   * setting to fix, instead of letting a client wait out its own minute-long timeouts.
   */
  public static void require(Map<String, Object> clientProps, Optional<String> registryUrl) {
    String bootstrap = String.valueOf(clientProps.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    kafkaProblem(bootstrap, clientProps)
        .ifPresent(
            p -> {
              throw new UnavailableException(
                  "cannot reach Kafka at " + bootstrap + ": " + p + "; " + KAFKA_SETTING);
            });
    registryUrl
        .filter(url -> url.startsWith("http"))
        .ifPresent(
            url ->
                registryProblem(url)
                    .ifPresent(
                        p -> {
                          throw new UnavailableException(
                              "cannot reach the schema registry at "
                                  + url
                                  + ": "
                                  + p
                                  + "; "
                                  + REGISTRY_SETTING);
                        }));
  }

  /**
   * Fails with an {@link UnavailableException} naming {@code topics create} when any of {@code
   * topics} does not exist, instead of a client's "no partitions available for topic" after its own
   * timeout.
   */
  public static void requireTopics(Map<String, Object> clientProps, Collection<String> topics) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    List<String> missing = new ArrayList<>();
    try (Admin admin = Admin.create(props)) {
      Map<String, KafkaFuture<TopicDescription>> described =
          admin.describeTopics(topics).topicNameValues();
      for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : described.entrySet()) {
        try {
          topic.getValue().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof UnknownTopicOrPartitionException) {
            missing.add(topic.getKey());
          } else if (!(e.getCause() instanceof TopicAuthorizationException)) {
            // a topic this user may not see is left to the command, whose refusal names it
            throw new UnavailableException(
                "cannot describe topic " + topic.getKey() + ": " + e.getCause(), e.getCause());
          }
        }
      }
    } catch (TimeoutException e) {
      throw new UnavailableException("cannot describe the topics: no answer within 10 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted while describing the topics", e);
    }
    if (!missing.isEmpty()) {
      missing.sort(null);
      throw new UnavailableException(
          (missing.size() == 1 ? "topic '" : "topics '")
              + String.join("', '", missing)
              + (missing.size() == 1 ? "' does" : "' do")
              + " not exist; run 'transfer-monitor topics create' first");
    }
  }

  private void await(String what, String setting, Supplier<Optional<String>> problem)
      throws InterruptedException {
    int attempt = 0;
    for (Optional<String> p = problem.get(); p.isPresent(); p = problem.get()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new UnavailableException(
            "cannot reach "
                + what
                + " within "
                + maxWait.toSeconds()
                + " s (--max-wait): "
                + p.get()
                + "; "
                + setting);
      }
      attempt++;
      say(
          "cannot reach "
              + what
              + ": "
              + p.get()
              + " ("
              + setting
              + "); trying again every "
              + RETRY_EVERY.toSeconds()
              + " s, for up to "
              + maxWait.toSeconds()
              + " s in all (--max-wait; Ctrl-C to stop)");
      Thread.sleep(Math.min(RETRY_EVERY.toMillis(), Math.max(1, left / 1_000_000)));
    }
    if (attempt > 0) {
      say(what + " answers now");
    }
  }

  /** Why no broker of the list answers, or empty when one does. */
  static Optional<String> kafkaProblem(String bootstrapServers, Map<String, Object> clientProps) {
    String firstProblem = null;
    boolean anyOpen = false;
    for (String server : bootstrapServers.split(",")) {
      String s = server.trim();
      int colon = s.lastIndexOf(':');
      String host = s.substring(0, colon);
      int port = Integer.parseInt(s.substring(colon + 1));
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), (int) CONNECT.toMillis());
        anyOpen = true;
        break;
      } catch (IOException e) {
        if (firstProblem == null) {
          firstProblem = s + " " + describe(e);
        }
      }
    }
    if (!anyOpen) {
      return Optional.of(firstProblem);
    }
    // the port is open: does a Kafka broker (with these security settings) answer on it?
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin admin = Admin.create(props)) {
      admin.describeCluster().clusterId().get(6, TimeUnit.SECONDS);
      return Optional.empty();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuthenticationException
          || e.getCause() instanceof AuthorizationException) {
        // not a matter of waiting: the command's error handler says which credential to check
        throw (KafkaException) e.getCause();
      }
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        return Optional.of(noAnswer(clientProps));
      }
      return Optional.of("the port is open but no broker answers: " + e.getCause());
    } catch (TimeoutException e) {
      return Optional.of(noAnswer(clientProps));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  private static String noAnswer(Map<String, Object> clientProps) {
    return "the port is open but no broker answered within 6 s"
        + (clientProps.containsKey("security.protocol")
            ? ""
            : "; no kafka.security.protocol is set: if the cluster is secured, configure it"
                + " (e.g. --config with the settings file of your user)");
  }

  /**
   * Why nothing listens where the registry should be, or empty when something does. Only the TCP
   * connection is tried: the registry's TLS and credentials are its client's business, and a
   * refusal there is said by the command itself.
   */
  static Optional<String> registryProblem(String url) {
    URI uri = URI.create(url);
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), (int) CONNECT.toMillis());
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(describe(e));
    } catch (IllegalArgumentException e) {
      return Optional.of("not a host and port: " + e.getMessage());
    }
  }

  private static String describe(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    String name = cause.getClass().getSimpleName();
    String message = cause.getMessage();
    if (cause instanceof ConnectException) {
      return "connection refused" + (message == null ? "" : " (" + message + ")");
    }
    if (cause instanceof UnknownHostException) {
      return "unknown host " + message;
    }
    if (cause instanceof SocketTimeoutException) {
      return "no answer within " + CONNECT.toSeconds() + " s";
    }
    return name + (message == null ? "" : ": " + message);
  }

  private void say(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
