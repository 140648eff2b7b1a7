package io.transfermonitor.cli.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.schemas.Topics;
import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment manifests grant what {@code acls apply} grants: the Strimzi KafkaUsers list the
 * same topics and operations per role, and the compose file makes the same users, logs each
 * component in as the user whose role fits it, and runs {@code acls apply} for those users.
 */
class AccessPolicyManifestsTest {

  private static final Path DEPLOY = ProjectFiles.of("deploy");
  private static final Pattern JAAS_USER = Pattern.compile("username=\"([^\"]+)\"");
  private static final Pattern SCRAM_USER = Pattern.compile("\\[name=([a-z-]+),");

  private final List<Grant> policy =
      AccessPolicy.grants(Topics.defaults(), "transfer-monitor", AccessPolicy.defaultUsers());

  @Test
  void shouldGrantEachStrimziUserWhatAclsApplyGrantsItsRole() throws IOException {
    Map<String, Map<String, Object>> users = kafkaUsers();

    for (Role role : Role.values()) {
      Map<String, Object> spec = users.get(role.id());
      assertThat(spec).as("KafkaUser " + role.id()).isNotNull();
      assertThat(path(spec, "authentication", "type")).isEqualTo("scram-sha-512");
      assertThat(strimziAcls(spec)).as(role.id()).isEqualTo(expected(role));
    }
  }

  @Test
  void shouldRunTheStrimziClusterWithTlsScramAndAclsOnly() throws IOException {
    Map<String, Object> kafka =
        documents(DEPLOY.resolve("kubernetes/kafka.yaml")).stream()
            .filter(d -> "Kafka".equals(d.get("kind")))
            .findFirst()
            .orElseThrow();
    Map<String, Object> spec = map(map(kafka.get("spec")).get("kafka"));

    assertThat(path(spec, "authorization", "type")).isEqualTo("simple");
    assertThat(list(spec.get("listeners")))
        .isNotEmpty()
        .allSatisfy(
            l -> {
              assertThat(map(l).get("tls")).isEqualTo(true);
              assertThat(path(map(l), "authentication", "type")).isEqualTo("scram-sha-512");
            });
  }

  @Test
  void shouldLogEachComposeComponentInAsTheUserOfItsRole() throws IOException {
    Map<String, Object> services = map(compose().get("services"));

    assertThat(composeUser(services, "monitor")).isEqualTo(Role.MONITOR.id());
    assertThat(composeUser(services, "ingest")).isEqualTo(Role.PRODUCER.id());
    assertThat(composeUser(services, "tm")).isEqualTo(Role.OPS.id());
    for (String job : List.of("topics", "acls", "rules")) {
      assertThat(composeUser(services, job)).as(job).isEqualTo("admin");
    }
    for (String service : List.of("monitor", "ingest", "tm", "acls")) {
      Map<String, Object> env = map(map(services.get(service)).get("environment"));
      assertThat(env).as(service).doesNotContainKeys("TM_TOPIC_PREFIX", "TM_APPLICATION_ID");
      assertThat(env.get("KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
    }
  }

  @Test
  void shouldApplyTheAclsOfTheComposeUsersAndFormatExactlyThoseUsers() throws IOException {
    Map<String, Object> services = map(compose().get("services"));
    List<Object> command = list(map(services.get("acls")).get("command"));
    String brokerScript = Files.readString(DEPLOY.resolve("compose/secure/broker.sh"));
    Set<String> formatted = new HashSet<>();
    for (Matcher m = SCRAM_USER.matcher(brokerScript); m.find(); ) {
      formatted.add(m.group(1));
    }

    assertThat(command.subList(0, 2)).containsExactly("acls", "apply");
    assertThat(command.subList(2, command.size()))
        .containsExactly(
            "--user", "producer=" + composeUser(services, "ingest"),
            "--user", "monitor=" + composeUser(services, "monitor"),
            "--user", "ops=" + composeUser(services, "tm"));
    assertThat(formatted).containsExactlyInAnyOrder("admin", "producer", "monitor", "ops");
    assertThat(brokerScript)
        .contains("authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer")
        .contains("allow.everyone.if.no.acl.found=false")
        .contains("listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SSL");
  }

  private Set<String> expected(Role role) {
    return policy.stream()
        .filter(g -> g.role() == role)
        .map(
            g ->
                strimziType(g)
                    + " "
                    + g.resourceName()
                    + " "
                    + (g.patternType().name().equals("PREFIXED") ? "prefix" : "literal")
                    + " "
                    + capitalized(g.operation().name()))
        .collect(Collectors.toSet());
  }

  private static String strimziType(Grant g) {
    return switch (g.resourceType()) {
      case TOPIC -> "topic";
      case GROUP -> "group";
      case TRANSACTIONAL_ID -> "transactionalId";
      default -> throw new AssertionError("no Strimzi resource type for " + g.resourceType());
    };
  }

  private static String capitalized(String operation) {
    return operation.charAt(0) + operation.substring(1).toLowerCase(Locale.ROOT);
  }

  private static Set<String> strimziAcls(Map<String, Object> spec) {
    Set<String> acls = new HashSet<>();
    for (Object entry : list(path(spec, "authorization", "acls"))) {
      Map<String, Object> resource = map(map(entry).get("resource"));
      for (Object operation : list(map(entry).get("operations"))) {
        acls.add(
            resource.get("type")
                + " "
                + resource.get("name")
                + " "
                + resource.getOrDefault("patternType", "literal")
                + " "
                + operation);
      }
    }
    return acls;
  }

  private static Map<String, Map<String, Object>> kafkaUsers() throws IOException {
    Map<String, Map<String, Object>> users = new LinkedHashMap<>();
    for (Map<String, Object> doc : documents(DEPLOY.resolve("kubernetes/users.yaml"))) {
      if ("KafkaUser".equals(doc.get("kind"))) {
        users.put(map(doc.get("metadata")).get("name").toString(), map(doc.get("spec")));
      }
    }
    return users;
  }

  private static String composeUser(Map<String, Object> services, String service) {
    Object jaas = map(map(services.get(service)).get("environment")).get("KAFKA_SASL_JAAS_CONFIG");
    Matcher user = JAAS_USER.matcher(String.valueOf(jaas));
    assertThat(user.find()).as("a SCRAM user for service " + service).isTrue();
    return user.group(1);
  }

  private static Map<String, Object> compose() throws IOException {
    return documents(DEPLOY.resolve("compose/compose.yaml")).get(0);
  }

  private static List<Map<String, Object>> documents(Path file) throws IOException {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(Files.readString(file))) {
      if (doc != null) {
        docs.add(map(doc));
      }
    }
    return docs;
  }

  private static Object path(Map<String, Object> node, String... keys) {
    Object current = node;
    for (String key : keys) {
      current = map(current).get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    assertThat(node).isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object node) {
    assertThat(node).isInstanceOf(List.class);
    return (List<Object>) node;
  }
}
