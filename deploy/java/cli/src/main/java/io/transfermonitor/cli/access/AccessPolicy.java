package io.transfermonitor.cli.access;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.schemas.Topics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Least privilege for the three roles, as Kafka ACLs, from the topic names of {@link Topics} and
 * the monitor's application id:
 *
 * <ul>
 *   <li>producer: writes the event topics ({@code tm.events.<kind>}, and {@code tm.events.rejected}
 *       for the records {@code ingest} could not map) and the AIS positions and voyage data,
 *       nothing else;
 *   <li>monitor: reads the events, the AIS positions and voyage data, the reference topics (the
 *       vessel register too) and the case actions it applies; writes alerts, notifications, cases,
 *       aggregates, rejected records, the AIS findings and the tanker deliveries and vessel
 *       activities its AIS stage makes of them, and reads back the alerts (its dashboard's alerts
 *       store) and the outputs its dashboard watches for live updates (cap usage, alerts); owns its
 *       internal topics, its consumer group and its transactional ids (everything named {@code
 *       <application.id>-});
 *   <li>ops (and dashboards): reads alerts, cases, notifications, aggregates and AIS findings,
 *       writes case actions; reads without a consumer group, as {@code transfer-monitor alerts}
 *       does.
 * </ul>
 *
 * <p>Topics are granted by their literal names, so a role gains nothing from a topic added later
 * under the same prefix. Read implies describe, write implies describe (Kafka's rule), so neither
 * is granted on its own.
 */
public final class AccessPolicy {

  private AccessPolicy() {}

  /** Every role's own user: {@code producer}, {@code monitor}, {@code ops}. */
  public static Map<Role, String> defaultUsers() {
    Map<Role, String> users = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      users.put(role, role.id());
    }
    return users;
  }

  /** The grants of every role, producer first, in a stable order. */
  public static List<Grant> grants(Topics topics, String applicationId, Map<Role, String> users) {
    List<Grant> grants = new ArrayList<>();
    Role producer = Role.PRODUCER;
    for (String topic : topics.eventTopics()) {
      grants.add(topic(producer, users, topic, AclOperation.WRITE));
    }
    grants.add(topic(producer, users, topics.aisPositions(), AclOperation.WRITE));
    grants.add(topic(producer, users, topics.aisVoyages(), AclOperation.WRITE));
    grants.add(topic(producer, users, topics.rejected(), AclOperation.WRITE));

    Role monitor = Role.MONITOR;
    for (String topic : topics.eventTopics()) {
      grants.add(topic(monitor, users, topic, AclOperation.READ));
    }
    grants.add(topic(monitor, users, topics.rules(), AclOperation.READ));
    grants.add(topic(monitor, users, topics.designations(), AclOperation.READ));
    grants.add(topic(monitor, users, topics.aisPositions(), AclOperation.READ));
    grants.add(topic(monitor, users, topics.aisVoyages(), AclOperation.READ));
    grants.add(topic(monitor, users, topics.vessels(), AclOperation.READ));
    grants.add(topic(monitor, users, topics.chpl(), AclOperation.READ));
    grants.add(topic(monitor, users, topics.makers(), AclOperation.READ));
    grants.add(topic(monitor, users, topics.caseActions(), AclOperation.READ));
    // rules recount: the requests read, each task's report written
    grants.add(topic(monitor, users, topics.ruleRecounts(), AclOperation.READ));
    grants.add(topic(monitor, users, topics.ruleRecounts(), AclOperation.WRITE));
    for (String topic : monitorOutputs(topics)) {
      grants.add(topic(monitor, users, topic, AclOperation.WRITE));
    }
    for (String topic : monitorReadsBack(topics)) {
      grants.add(topic(monitor, users, topic, AclOperation.READ));
    }
    // repartition and changelog topics are named <application.id>-<store or node>-...
    String own = applicationId + "-";
    grants.add(
        grant(monitor, users, ResourceType.TOPIC, own, PatternType.PREFIXED, AclOperation.ALL));
    grants.add(
        grant(
            monitor,
            users,
            ResourceType.GROUP,
            applicationId,
            PatternType.LITERAL,
            AclOperation.READ));
    // exactly-once: each stream thread's producer is <application.id>-<process id>-<thread>
    grants.add(
        grant(
            monitor,
            users,
            ResourceType.TRANSACTIONAL_ID,
            own,
            PatternType.PREFIXED,
            AclOperation.WRITE));

    Role ops = Role.OPS;
    for (String topic : opsReads(topics)) {
      grants.add(topic(ops, users, topic, AclOperation.READ));
    }
    grants.add(topic(ops, users, topics.caseActions(), AclOperation.WRITE));
    return grants;
  }

  private static List<String> monitorOutputs(Topics topics) {
    List<String> outputs = new ArrayList<>();
    outputs.add(topics.alerts());
    outputs.add(topics.notifications());
    outputs.add(topics.cases());
    outputs.add(topics.casesAudit());
    outputs.addAll(topics.aggregateTopics());
    outputs.add(topics.rejected());
    // what the AIS stage finds, and the events it makes of it: read back like any other event
    outputs.add(topics.aisFindings());
    outputs.add(topics.eventTopic(EventKind.TANKER_DELIVERY));
    outputs.add(topics.eventTopic(EventKind.VESSEL_ACTIVITY));
    return outputs;
  }

  /** Outputs the monitor reads back: alerts into its store, and what its dashboard watches. */
  private static List<String> monitorReadsBack(Topics topics) {
    return List.of(topics.alerts(), topics.capUsage(), topics.cases(), topics.aisFindings());
  }

  private static List<String> opsReads(Topics topics) {
    List<String> reads = new ArrayList<>();
    reads.add(topics.alerts());
    reads.add(topics.cases());
    reads.add(topics.casesAudit());
    reads.add(topics.notifications());
    reads.addAll(topics.aggregateTopics());
    reads.add(topics.aisFindings());
    return reads;
  }

  private static Grant topic(Role role, Map<Role, String> users, String name, AclOperation op) {
    return grant(role, users, ResourceType.TOPIC, name, PatternType.LITERAL, op);
  }

  private static Grant grant(
      Role role,
      Map<Role, String> users,
      ResourceType type,
      String name,
      PatternType pattern,
      AclOperation op) {
    return new Grant(role, users.getOrDefault(role, role.id()), type, name, pattern, op);
  }
}
