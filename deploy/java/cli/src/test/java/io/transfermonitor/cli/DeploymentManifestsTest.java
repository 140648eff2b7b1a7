package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.cli.kafka.KafkaVersion;
import io.transfermonitor.cli.settings.AppSetting;
import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.TopicProvisioner;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The compose and Kubernetes files against the application's own configuration: the same topics
 * with the partitions and settings {@code topics create} gives them, only settings the monitor
 * knows, the images it is built and tested for, and the ports its commands serve on. The files are
 * not run in CI (no Docker engine, no cluster), so this is what keeps them from drifting.
 */
class DeploymentManifestsTest {

  private static final Path DEPLOY = ProjectFiles.of("deploy");
  private static final String MONITOR_IMAGE = "transfer-monitor";

  private static Map<String, Object> compose;
  private static List<Map<String, Object>> kubernetes;

  @BeforeAll
  static void readTheFiles() throws IOException {
    compose = yaml(DEPLOY.resolve("compose/compose.yaml")).get(0);
    kubernetes = new ArrayList<>();
    for (String file :
        List.of("kafka.yaml", "topics.yaml", "schema-registry.yaml", "monitor.yaml")) {
      kubernetes.addAll(yaml(DEPLOY.resolve("kubernetes").resolve(file)));
    }
  }

  @Test
  void shouldDeclareEveryTopicAsTopicsCreateMakesIt() throws IOException {
    // given what `topics create --partitions N` makes, with the brokers' replication factor
    int partitions = composeTopicPartitions();
    short replicas = Short.parseShort(brokerSetting("default.replication.factor"));
    Map<String, NewTopic> planned =
        TopicProvisioner.plan(
                Topics.defaults(),
                TopicLayout.defaults().withPartitions(partitions).withReplicationFactor(replicas))
            .stream()
            .collect(Collectors.toMap(NewTopic::name, t -> t));

    // when the Strimzi topics are read
    Map<String, Map<String, Object>> declared = new TreeMap<>();
    for (Map<String, Object> doc : of(kubernetes, "KafkaTopic")) {
      declared.put(string(map(doc, "metadata").get("name")), map(doc, "spec"));
    }

    // then the same names, partitions, replicas and settings
    assertThat(declared.keySet()).isEqualTo(new TreeSet<>(planned.keySet()));
    declared.forEach(
        (name, spec) -> {
          NewTopic plan = planned.get(name);
          assertThat(spec.get("partitions")).as(name).isEqualTo(plan.numPartitions());
          assertThat(spec.get("replicas")).as(name).isEqualTo((int) replicas);
          Map<String, String> config = new TreeMap<>();
          map(spec, "config").forEach((k, v) -> config.put(k, string(v)));
          assertThat(config).as(name).isEqualTo(new TreeMap<>(plan.configs()));
        });
  }

  @Test
  void shouldPassTheMonitorOnlySettingsItKnows() {
    // given every environment variable handed to a transfer-monitor container
    Map<String, Object> variables = new TreeMap<>();
    composeServices()
        .forEach(
            (name, service) -> {
              if (usesMonitorImage(service)) {
                env(service).forEach((k, v) -> variables.put(k + " (compose " + name + ")", v));
              }
            });
    for (Map<String, Object> container : monitorContainers()) {
      containerEnv(container).forEach((k, v) -> variables.put(k + " (kubernetes)", v));
    }
    Set<String> kafkaKeys = kafkaConfigNames();

    // then TM_* are the monitor's settings and KAFKA_* are Kafka client or Streams properties
    assertThat(variables).isNotEmpty();
    variables
        .keySet()
        .forEach(
            where -> {
              String name = where.substring(0, where.indexOf(' '));
              if (name.startsWith("TM_")) {
                assertThat(AppSetting.byEnvName(name)).as("%s: no such setting", where).isPresent();
              } else if (name.startsWith("KAFKA_")) {
                String key = name.substring(6).toLowerCase(Locale.ROOT).replace('_', '.');
                assertThat(kafkaKeys).as("%s: no Kafka property %s", where, key).contains(key);
              }
            });
  }

  @Test
  void shouldRunTheImagesTheApplicationIsBuiltAndTestedFor() throws IOException {
    // the brokers are the Kafka the clients are built on
    assertThat(string(service("kafka-1").get("image")))
        .isEqualTo("apache/kafka:" + KafkaVersion.clients());
    // one registry image in both
    String registry = string(service("schema-registry").get("image"));
    assertThat(containerImages("schema-registry")).containsOnly(registry);
    // the monitor is the image of this version, built from the shipped jar
    assertThat(containerImages(MONITOR_IMAGE)).containsOnly(MONITOR_IMAGE + ":" + releaseVersion());
    assertThat(Files.readString(DEPLOY.resolve("docker/Dockerfile")))
        .contains("deploy/java/cli/target/transfer-monitor.jar");
    // and Strimzi runs a Kafka of the same major version
    Map<String, Object> kafka = map(of(kubernetes, "Kafka").get(0), "spec");
    assertThat(string(map(kafka, "kafka").get("version")))
        .startsWith(KafkaVersion.clients().substring(0, 2));
  }

  @Test
  void shouldKeepStateAndStandbysAndServeOnTheCommandsPorts() throws IOException {
    Map<String, Object> statefulSet = of(kubernetes, "StatefulSet").get(0);
    Map<String, Object> container = monitorContainers().get(0);
    Map<String, Object> env = containerEnv(container);
    // state on the persistent volume: the image's state dir lies under the volume's mount
    String stateDir = dockerfileEnv("TM_STATE_DIR");
    List<Map<String, Object>> mounts = maps(container.get("volumeMounts"));
    assertThat(mounts).anySatisfy(m -> assertThat(stateDir).startsWith(string(m.get("mountPath"))));
    assertThat(map(statefulSet, "spec").get("volumeClaimTemplates")).isNotNull();
    // a standby of every store on another instance, in both
    assertThat(Integer.parseInt(string(env.get("KAFKA_NUM_STANDBY_REPLICAS")))).isPositive();
    assertThat(Integer.parseInt(string(env(service("monitor")).get("KAFKA_NUM_STANDBY_REPLICAS"))))
        .isPositive();
    // no more instances than partitions to share
    assertThat((Integer) map(statefulSet, "spec").get("replicas"))
        .isLessThanOrEqualTo(composeTopicPartitions());
    // listening on every interface, on the ports `run` serves by default
    assertThat(env.get("TM_HTTP_BIND")).isEqualTo("0.0.0.0");
    assertThat(env(service("monitor")).get("TM_HTTP_BIND")).isEqualTo("0.0.0.0");
    List<Object> ports =
        maps(container.get("ports")).stream().map(p -> p.get("containerPort")).toList();
    assertThat(ports).contains(runDefault("--dashboard-port"), runDefault("--metrics-port"));
    assertThat(Files.readString(DEPLOY.resolve("compose/prometheus.yml")))
        .contains("port: " + runDefault("--metrics-port"));
    assertThat(string(service("monitor").get("ports")))
        .contains(":" + runDefault("--dashboard-port"));
  }

  @Test
  void shouldProvisionGrafanaWithTheDashboardAndPrometheus() {
    List<String> volumes =
        ((List<?>) service("grafana").get("volumes")).stream().map(Object::toString).toList();
    assertThat(volumes)
        .contains(
            "../grafana/provisioning:/etc/grafana/provisioning:ro",
            "../grafana/dashboards:/var/lib/grafana/dashboards:ro");
    assertThat(DEPLOY.resolve("grafana/dashboards/transfer-monitor.json")).isRegularFile();
    assertThat(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yaml")).isRegularFile();
    assertThat(composeServices()).containsKeys("prometheus", "grafana");
  }

  // --- reading the files

  private static List<Map<String, Object>> yaml(Path file) throws IOException {
    List<Map<String, Object>> docs = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      for (Object doc : new Yaml().loadAll(reader)) {
        if (doc != null) {
          docs.add(map(doc));
        }
      }
    }
    return docs;
  }

  /** A setting of the compose brokers, from the properties their start script writes. */
  private static String brokerSetting(String key) throws IOException {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(key) + "=(\\S+)$")
            .matcher(Files.readString(DEPLOY.resolve("compose/secure/broker.sh")));
    assertThat(m.find()).as("%s in compose/secure/broker.sh", key).isTrue();
    return m.group(1);
  }

  private static int composeTopicPartitions() {
    List<?> command = (List<?>) service("topics").get("command");
    int at = command.indexOf("--partitions");
    assertThat(at).as("the topics job names its partitions").isNotNegative();
    return Integer.parseInt(command.get(at + 1).toString());
  }

  private static Map<String, Map<String, Object>> composeServices() {
    Map<String, Map<String, Object>> services = new TreeMap<>();
    map(compose, "services").forEach((name, s) -> services.put(name, map(s)));
    return services;
  }

  private static Map<String, Object> service(String name) {
    Map<String, Object> service = composeServices().get(name);
    assertThat(service).as("compose service %s", name).isNotNull();
    return service;
  }

  private static boolean usesMonitorImage(Map<String, Object> service) {
    return string(service.get("image")).startsWith(MONITOR_IMAGE + ":");
  }

  private static Map<String, Object> env(Map<String, Object> service) {
    Object env = service.get("environment");
    return env == null ? Map.of() : map(env);
  }

  private static List<Map<String, Object>> monitorContainers() {
    List<Map<String, Object>> containers = new ArrayList<>();
    for (Map<String, Object> doc : kubernetes) {
      for (Map<String, Object> c : containersOf(doc)) {
        if (string(c.get("image")).startsWith(MONITOR_IMAGE + ":")
            && "StatefulSet".equals(doc.get("kind"))) {
          containers.add(c);
        }
      }
    }
    return containers;
  }

  /** A container's environment: its ConfigMaps, then its own variables. */
  private static Map<String, Object> containerEnv(Map<String, Object> container) {
    Map<String, Object> env = new HashMap<>();
    for (Map<String, Object> from : maps(container.get("envFrom"))) {
      String configMap = string(map(from, "configMapRef").get("name"));
      of(kubernetes, "ConfigMap").stream()
          .filter(c -> configMap.equals(map(c, "metadata").get("name")))
          .forEach(c -> env.putAll(map(c, "data")));
    }
    for (Map<String, Object> variable : maps(container.get("env"))) {
      env.put(string(variable.get("name")), variable.get("value"));
    }
    env.remove("POD_NAME");
    return env;
  }

  private static Set<String> containerImages(String image) {
    Set<String> images = new TreeSet<>();
    for (Map<String, Object> doc : kubernetes) {
      for (Map<String, Object> c : containersOf(doc)) {
        if (string(c.get("image")).contains(image)) {
          images.add(string(c.get("image")));
        }
      }
    }
    return images;
  }

  private static List<Map<String, Object>> containersOf(Map<String, Object> doc) {
    Object spec = doc.get("spec");
    if (!(spec instanceof Map<?, ?> s) || !(s.get("template") instanceof Map<?, ?> template)) {
      return List.of();
    }
    Object podSpec = map(template).get("spec");
    return podSpec == null ? List.of() : maps(map(podSpec).get("containers"));
  }

  private static List<Map<String, Object>> of(List<Map<String, Object>> docs, String kind) {
    return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
  }

  private static Set<String> kafkaConfigNames() {
    Set<String> names = new TreeSet<>(StreamsConfig.configDef().names());
    names.addAll(ConsumerConfig.configNames());
    names.addAll(ProducerConfig.configNames());
    names.addAll(AdminClientConfig.configNames());
    return names;
  }

  private static Object runDefault(String option) {
    String value =
        new CommandLine(new RunCommand()).getCommandSpec().findOption(option).defaultValue();
    return Integer.parseInt(value);
  }

  private static String dockerfileEnv(String name) throws IOException {
    Matcher m =
        Pattern.compile("(?m)^ENV " + name + "=(\\S+)$")
            .matcher(Files.readString(DEPLOY.resolve("docker/Dockerfile")));
    assertThat(m.find()).as("ENV %s in the Dockerfile", name).isTrue();
    return m.group(1);
  }

  /** The project's version without -SNAPSHOT: what a release image is tagged with. */
  private static String releaseVersion() throws IOException {
    Matcher m =
        Pattern.compile("<artifactId>transfer-monitor-parent</artifactId>\\s*<version>([^<]+)<")
            .matcher(Files.readString(ProjectFiles.of("pom.xml")));
    assertThat(m.find()).isTrue();
    return m.group(1).replace("-SNAPSHOT", "");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
  }

  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return map(parent.get(key));
  }

  private static List<Map<String, Object>> maps(Object value) {
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().map(DeploymentManifestsTest::map).toList();
  }

  private static String string(Object value) {
    return value == null ? "" : value.toString();
  }
}
