package io.transfermonitor.cli;

import io.transfermonitor.cli.kafka.Reachability;
import io.transfermonitor.cli.kafka.TopicReader;
import io.transfermonitor.cli.kafka.UnavailableException;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsException;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleRecount;
import io.transfermonitor.producers.ReferenceWrites;
import io.transfermonitor.producers.rules.RulePublisher;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.streams.ledger.LedgerRouting;
import io.transfermonitor.streams.local.DeliveryTotals;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor rules recount ID [--since TIME]}: asks the running monitor to count
 * against a live rule the events it keeps that the rule did not count (read while the rule was
 * removed, disabled or not yet published), once. Writes one request to the compacted {@code
 * tm.rule-recounts} topic after checking the rule on the rules topic; every task that reads events
 * carries it out at its next send, for the events it read and for the observed tanker deliveries it
 * corroborates as their vessel's task, and writes back what it counted in two reports, which this
 * command waits for and prints (docs/rules.md, "Counting the events of the meantime").
 */
@Command(
    name = "recount",
    mixinStandardHelpOptions = true,
    description = {
      "Counts against a live rule the events the monitor keeps (400 days) that the rule did not"
          + " count: those read while it was removed, disabled or not yet published.",
      "Each task of the running monitor does it once per request, through the same partial sums"
          + " as live events (levels, alerts and cases follow); an event the rule counted is"
          + " never counted again, however often this runs.",
      "Covered: the events each task read, and the OBSERVED tanker deliveries with an IMO number"
          + " each task corroborated as their vessel's task (a delivery counted once, by its"
          + " largest observation); each task reports both apart. Observations still on their way"
          + " to their vessel's task count there as they arrive.",
      "Not covered: events read, and observations stored, before the monitor first ran with"
          + " recounts of them (a replay counts them, docs/upgrading.md).",
      "Waits for every task's two reports (--wait) and prints them."
    })
public class RulesRecountCommand implements Callable<Integer> {

  /** What the key of a task's report of its observations ends with, after REQUEST@TASK. */
  static final String OBSERVATIONS_SUFFIX = DeliveryTotals.REPORT_SUFFIX;

  @Mixin SettingsOptions options;

  @Parameters(
      index = "0",
      paramLabel = "ID",
      description = "The rule, live on the rules topic (published and enabled), e.g. my-cap.")
  String ruleId;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description =
          "Only events the monitor first saw at or after TIME (its clock, not the event's time):"
              + " 2024-04-01T00:00:00Z, or a date (its start, UTC). Default: every event kept.")
  String since;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "How long to wait for every task's report (default ${DEFAULT-VALUE}; 0: do not wait).")
  long waitSeconds;

  @Spec CommandSpec spec;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    Instant from = since == null ? null : parseSince(since);
    if (waitSeconds < 0) {
      throw new SettingsException("--wait", "--wait must be 0 or more seconds, not " + waitSeconds);
    }
    Settings settings = options.settings();
    Topics topics = settings.topics();
    Map<String, Object> props =
        settings.clientProperties(LocalDefaults.BOOTSTRAP, LocalDefaults.REGISTRY);
    props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    Reachability.require(props, Optional.of(LocalDefaults.registryUrl(settings)));
    Map<String, Rule> held =
        RulesApplyCommand.onTopic(
            topics.rules(), props, () -> RulePublisher.held(props, topics.rules()));
    Rule rule = liveRule(held, topics.rules());
    int tasks = eventTasks(props, topics);
    RuleRecount request =
        RuleRecount.newBuilder()
            .setRequestId("recount-" + UUID.randomUUID())
            .setRuleId(ruleId)
            .setSince(from)
            .setRequestedAt(clock.instant())
            .build();
    PrintWriter out = spec.commandLine().getOut();
    try (TopicReader<RuleRecount> reports =
        TopicReader.avro(props, "tm-rules-recount", topics.ruleRecounts(), RuleRecount.class)
            .fromEnd(Duration.ofSeconds(30))) {
      write(props, topics.ruleRecounts(), request);
      out.printf(
          "requested %s: count against %s the kept events it did not count%s, on each of the %d"
              + " task(s) that read events (%s)%n",
          request.getRequestId(),
          RulesApplyCommand.describe(rule),
          from == null ? "" : ", first seen since " + from,
          tasks,
          topics.ruleRecounts());
      out.println(
          "covered: the events each task read, and the OBSERVED tanker deliveries with an IMO"
              + " number it corroborated as their vessel's task (reported apart); not covered:"
              + " events and observations the monitor kept before it recounted them (a replay"
              + " counts them, docs/upgrading.md)");
      if (waitSeconds == 0) {
        out.printf(
            "not waiting: each task writes its reports to %s (keys %s@TASK and %s@TASK%s) and"
                + " logs 'recount %s'%n",
            topics.ruleRecounts(),
            request.getRequestId(),
            request.getRequestId(),
            OBSERVATIONS_SUFFIX,
            request.getRequestId());
        return 0;
      }
      Map<String, RuleRecount> done = await(reports, request.getRequestId(), tasks, out);
      summarize(done, tasks, request, topics, out);
    }
    return 0;
  }

  private Rule liveRule(Map<String, Rule> held, String topic) {
    Rule rule = held.get(ruleId);
    if (rule == null) {
      throw new RulesRemoveCommand.UnknownRule(
          "no rule "
              + ruleId
              + " on "
              + topic
              + " (live: "
              + (held.isEmpty() ? "none" : String.join(", ", held.keySet()))
              + "); publish it first (rules apply); nothing requested");
    }
    if (!rule.getEnabled()) {
      throw new RulesRemoveCommand.UnknownRule(
          "rule " + ruleId + " is disabled (enabled: false): enable it first; nothing requested");
    }
    if (!LedgerRouting.keepsTotal(rule)) {
      throw new RulesRemoveCommand.UnknownRule(
          "rule "
              + ruleId
              + " ("
              + rule.getKind()
              + ") keeps no totals: only CAP rules and BAN rules with levels count events;"
              + " nothing requested");
    }
    return rule;
  }

  /**
   * The reports of {@code requestId}, two per task (of the events it read, of the observations it
   * corroborates), keyed {@code TASK} and {@code TASK/observations}, as they come.
   */
  private Map<String, RuleRecount> await(
      TopicReader<RuleRecount> reports, String requestId, int tasks, PrintWriter out) {
    Map<String, RuleRecount> done = new LinkedHashMap<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
    while (done.size() < 2 * tasks && System.nanoTime() < deadline) {
      reports
          .poll()
          .forEach(
              record -> {
                RuleRecount report = record.value();
                if (report != null
                    && report.getTask() != null
                    && requestId.equals(report.getRequestId())
                    && done.putIfAbsent(
                            report.getTask()
                                + (report.getObservations() ? OBSERVATIONS_SUFFIX : ""),
                            report)
                        == null) {
                  out.println(line(report));
                  out.flush();
                }
              });
    }
    return done;
  }

  /** One task's report in one line. */
  static String line(RuleRecount report) {
    boolean observations = report.getObservations();
    StringBuilder s =
        new StringBuilder("task ")
            .append(report.getTask())
            .append(observations ? ", observed tanker deliveries with an IMO number: " : ": ")
            .append(report.getEvents())
            .append(
                observations
                    ? (report.getEvents() == 1 ? " observation" : " observations")
                    : (report.getEvents() == 1 ? " event" : " events"))
            .append(" counted");
    if (report.getEvents() > 0) {
      s.append(
              String.format(
                  Locale.ROOT,
                  ", %,.0f %s",
                  report.getAmount(),
                  Optional.ofNullable(report.getUnit()).orElse("")))
          .append(" in ")
          .append(String.join(", ", report.getLedgers()));
    }
    if (report.getObservationsLeft() > 0) {
      s.append("; ")
          .append(report.getObservationsLeft())
          .append(
              observations
                  ? " observations left uncounted (what their scope is cannot be read back)"
                  : " observed tanker deliveries with an IMO number left uncounted");
    }
    return s.toString();
  }

  private void summarize(
      Map<String, RuleRecount> done,
      int tasks,
      RuleRecount request,
      Topics topics,
      PrintWriter out) {
    long events = done.values().stream().mapToLong(RuleRecount::getEvents).sum();
    long observations =
        done.values().stream()
            .filter(RuleRecount::getObservations)
            .mapToLong(RuleRecount::getEvents)
            .sum();
    double amount = done.values().stream().mapToDouble(RuleRecount::getAmount).sum();
    long left = done.values().stream().mapToLong(RuleRecount::getObservationsLeft).sum();
    // a task is done when both its reports are in
    long tasksDone =
        done.values().stream()
            .filter(r -> !r.getObservations())
            .filter(r -> done.containsKey(r.getTask() + OBSERVATIONS_SUFFIX))
            .count();
    String unit =
        done.values().stream()
            .map(RuleRecount::getUnit)
            .filter(u -> u != null)
            .findFirst()
            .orElse("");
    out.printf(
        Locale.ROOT,
        "%s: %d event%s counted against %s (%,.0f %s) by %d of %d task(s)%s%s%n",
        request.getRequestId(),
        events,
        events == 1 ? "" : "s",
        request.getRuleId(),
        amount,
        unit,
        tasksDone,
        tasks,
        observations == 0
            ? ""
            : ", "
                + observations
                + " of them observed tanker deliveries with an IMO number (on their vessel's"
                + " task)",
        left == 0 ? "" : "; " + left + " observations left uncounted");
    if (tasksDone < tasks) {
      out.printf(
          "%d task(s) did not report both within %d s: each carries the request out at its next"
              + " send once it runs and holds the rule live (its reports go to %s, its log says"
              + " 'recount %s')%n",
          tasks - tasksDone, waitSeconds, topics.ruleRecounts(), request.getRequestId());
    }
  }

  /** An instant, or a date meaning its start in UTC. */
  static Instant parseSince(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notInstant) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        throw new SettingsException(
            "--since",
            "--since "
                + text
                + ": not a time (2024-04-01T00:00:00Z) or a date (2024-04-01); nothing requested");
      }
    }
  }

  /** How many tasks read events: the most partitions of an event topic. */
  private static int eventTasks(Map<String, Object> clientProps, Topics topics) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    int most = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      for (String topic : topics.eventTopics()) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        most = Math.max(most, partitions == null ? 0 : partitions.size());
      }
    } catch (KafkaException e) {
      throw new UnavailableException("cannot read the event topics: " + e.getMessage(), e);
    }
    if (most == 0) {
      throw new UnavailableException(
          "no event topics on the cluster; run 'transfer-monitor topics create' first");
    }
    return most;
  }

  private static void write(Map<String, Object> clientProps, String topic, RuleRecount request) {
    try {
      ReferenceWrites.write(
          clientProps, topic, Map.of(request.getRequestId(), request), "recount request");
    } catch (IllegalStateException | KafkaException e) {
      Throwable reason =
          e instanceof IllegalStateException && e.getCause() != null ? e.getCause() : e;
      throw new UnavailableException(
          "cannot write the request to " + topic + ": " + reason.getMessage(), e);
    }
  }
}
