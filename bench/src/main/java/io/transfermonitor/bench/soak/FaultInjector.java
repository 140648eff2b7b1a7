package io.transfermonitor.bench.soak;

import io.transfermonitor.embedded.ClusterProcesses;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.GroupState;

/**
 * Injects one {@link Fault} while a chunk of input is sent, and measures how long the system takes
 * to be whole again: for a monitor kill, until the restarted instance runs and the group is stable
 * with every instance in it; for a broker stop, until the node is back and no partition lacks a
 * replica; for a registry outage, until the registry answers again.
 */
final class FaultInjector {

  private static final Duration BROKER_DOWN = Duration.ofSeconds(8);
  private static final Duration REGISTRY_DOWN = Duration.ofSeconds(10);
  private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(5);

  private final ClusterProcesses cluster;
  private final SoakRegistry registry;
  private final MonitorInstances monitors;
  private final Admin admin;
  private final String group;
  private final PrintStream out;

  FaultInjector(
      ClusterProcesses cluster,
      SoakRegistry registry,
      MonitorInstances monitors,
      Admin admin,
      String group,
      PrintStream out) {
    this.cluster = cluster;
    this.registry = registry;
    this.monitors = monitors;
    this.admin = admin;
    this.group = group;
    this.out = out;
  }

  /** Sends with {@code send} while {@code fault} is in force; returns the recovery time in ms. */
  long inject(Fault fault, Runnable send) throws InterruptedException {
    return switch (fault.kind()) {
      case MONITOR_KILL -> killMonitor(fault.target(), fault.emptyState(), send);
      case BROKER_SIGTERM, BROKER_SIGKILL ->
          bounceBroker(fault.target(), fault.kind() == Fault.Kind.BROKER_SIGKILL, send);
      case REGISTRY_OUTAGE -> registryOutage(send);
    };
  }

  private long killMonitor(int instance, boolean emptyState, Runnable send)
      throws InterruptedException {
    send.run(); // the chunk first, so the instance dies with work in hand
    long start = System.nanoTime();
    monitors.kill(instance);
    monitors.start(instance, emptyState);
    if (!monitors.awaitRunning(instance, RECOVERY_LIMIT)) {
      out.println("  monitor " + instance + " did not come back; see " + monitors.log(instance));
    }
    await(() -> groupStable(monitors.count()), "the group to be stable");
    return elapsed(start);
  }

  private long bounceBroker(int node, boolean kill, Runnable send) throws InterruptedException {
    long start = System.nanoTime();
    if (kill) {
      cluster.kill(node);
    } else {
      cluster.terminate(node);
    }
    send.run(); // written to the two nodes left
    Thread.sleep(BROKER_DOWN.toMillis());
    cluster.restart(node);
    await(this::fullyReplicated, "every partition to have all its replicas in sync");
    return elapsed(start);
  }

  private long registryOutage(Runnable send) throws InterruptedException {
    long start = System.nanoTime();
    registry.stop();
    send.run(); // producers and monitors work from the schema ids they hold
    Thread.sleep(REGISTRY_DOWN.toMillis());
    registry.start();
    return elapsed(start);
  }

  private boolean groupStable(int members) {
    try {
      ConsumerGroupDescription d =
          admin
              .describeConsumerGroups(List.of(group))
              .describedGroups()
              .get(group)
              .get(10, TimeUnit.SECONDS);
      return d.groupState() == GroupState.STABLE && d.members().size() == members;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean fullyReplicated() {
    try {
      Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
      for (TopicDescription d :
          admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
        if (d.partitions().stream().anyMatch(p -> p.isr().size() < p.replicas().size())) {
          return false;
        }
      }
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        out.println("  gave up waiting for " + what + " after " + RECOVERY_LIMIT);
        return;
      }
      Thread.sleep(200);
    }
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
