package io.transfermonitor.cli;

import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.schemas.registry.SchemaRegistryException;
import java.util.Optional;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Puts a refusal by Kafka or the registry into one line a user can act on: who was refused, what,
 * and where to look. Kafka's own message is kept in brackets; the stack trace is not shown.
 */
final class Refusal {

  private static final String GRANT_HINT =
      "an administrator grants access with 'transfer-monitor acls apply'";

  private Refusal() {}

  /** The refusal somewhere in {@code e}'s causes, described; empty when it is something else. */
  static Optional<String> describe(Throwable e, Optional<Settings> settings) {
    String user = settings.flatMap(Settings::kafkaUser).map(u -> "user '" + u + "'").orElse(null);
    for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof AuthenticationException) {
        return Optional.of(
            "authentication failed"
                + (user == null ? "" : " for " + user)
                + " ("
                + t.getMessage()
                + "); check the credentials in kafka.sasl.jaas.config (KAFKA_SASL_JAAS_CONFIG)");
      }
      if (t instanceof AuthorizationException) {
        return Optional.of(
            "not authorized: Kafka refused "
                + (user == null ? "this client" : user)
                + " "
                + what(t)
                + " ("
                + t.getMessage()
                + "); "
                + GRANT_HINT);
      }
      if (t instanceof SchemaRegistryException r
          && (r.httpStatus() == 401 || r.httpStatus() == 403)) {
        return Optional.of(
            "the schema registry refused the request: "
                + r.getMessage()
                + "; check tm.schema.registry.basic.auth.user.info or"
                + " tm.schema.registry.bearer.auth.token");
      }
    }
    return Optional.empty();
  }

  private static String what(Throwable t) {
    if (t instanceof TopicAuthorizationException topics && !topics.unauthorizedTopics().isEmpty()) {
      return "access to topic " + String.join(", ", topics.unauthorizedTopics());
    }
    if (t instanceof GroupAuthorizationException group && group.groupId() != null) {
      return "access to consumer group " + group.groupId();
    }
    return "this request";
  }
}
