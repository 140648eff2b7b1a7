package io.transfermonitor.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A secure Kafka broker and schema registry for integration tests, handed out by {@link
 * KafkaStackExtension} to a parameter of this type: SASL_SSL with SCRAM-SHA-512, a {@code
 * StandardAuthorizer} that denies whatever no ACL allows, a registry over HTTPS that wants basic
 * auth. Always the embedded stack (Docker or not), started on first use and shared by the run.
 *
 * <p>Users: {@code admin} (a super user, which also creates the topics of {@link #uniqueTopics()})
 * and {@code producer}, {@code monitor}, {@code ops}, which may do nothing until ACLs allow it.
 */
public interface SecureKafkaStack extends KafkaStack {

  /** Every user of the stack, the super user first. */
  List<String> users();

  /** The password of {@code user}. */
  String password(String user);

  /**
   * Client properties to act as {@code user}: Kafka's ({@code bootstrap.servers}, {@code
   * security.protocol}, {@code sasl.*}, {@code ssl.truststore.*}) and the serdes' ({@code
   * schema.registry.url}, {@code basic.auth.user.info}, {@code schema.registry.ssl.*}).
   */
  Map<String, Object> clientProperties(String user);

  /** The CA (PEM) every client of the stack trusts. */
  Path caCertificate();

  /**
   * The settings file of {@code user} as {@code transfer-monitor stack --secure} writes it, for
   * {@code --config}: {@code kafka.*} client properties and {@code tm.schema.registry.*} settings.
   */
  Path clientSettings(String user);
}
