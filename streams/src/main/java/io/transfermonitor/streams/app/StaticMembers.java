package io.transfermonitor.streams.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an instance's static members ({@code tm.instance.id}) to its live stream threads.
 *
 * <p>Under static membership each stream thread joins the group as {@code INSTANCE-N}, N its index,
 * and a static member does not leave the group when its thread ends: the group keeps it until its
 * session times out (45 s). Kafka Streams gives the thread that replaces a failed one the next free
 * index, so after a failure the group holds a member no thread will take back: the group's next
 * rebalance waits for it, its tasks stand still, and a restart of the instance (whose threads are
 * numbered from 1 again) waits for it too. The soak saw restarts of 50 to 85 s after a registry
 * outage had made every stream thread fail once (docs/reliability.md). So the monitor removes the
 * member of a failed thread once the thread has ended, and, as it starts, the members of its
 * instance id that its threads will not take back.
 */
final class StaticMembers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StaticMembers.class);
  private static final long TIMEOUT_SECONDS = 10;

  private final Map<String, Object> adminProps;
  private final String group;
  private final String instanceId;
  private final ExecutorService removals =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tm-static-members");
            t.setDaemon(true);
            return t;
          });

  StaticMembers(Properties kafkaProps, String group, String instanceId) {
    this.adminProps = PartitionCounts.adminProperties(kafkaProps);
    this.group = group;
    this.instanceId = instanceId;
  }

  /** The static member id of stream thread {@code index}, as Kafka Streams makes it. */
  String memberOf(int index) {
    return instanceId + "-" + index;
  }

  /**
   * Removes the group's members of this instance other than those of threads 1 to {@code threads}
   * (the threads about to start take those back at once); says what it removed.
   */
  List<String> removeStale(int threads) {
    List<String> stale = new ArrayList<>();
    try (Admin admin = Admin.create(adminProps)) {
      ConsumerGroupDescription description =
          admin
              .describeConsumerGroups(List.of(group))
              .describedGroups()
              .get(group)
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Set<String> live = new HashSet<>();
      for (int i = 1; i <= threads; i++) {
        live.add(memberOf(i));
      }
      for (MemberDescription member : description.members()) {
        member
            .groupInstanceId()
            .filter(id -> id.startsWith(instanceId + "-") && !live.contains(id))
            .ifPresent(stale::add);
      }
      if (!stale.isEmpty()) {
        remove(admin, stale);
        LOG.info(
            "removed {} static member(s) of an earlier run from group {}, threads replaced after a"
                + " failure that the group would have waited a session timeout for: {}",
            stale.size(),
            group,
            stale);
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof GroupIdNotFoundException)) {
        LOG.warn(
            "cannot look up the static members of group {}: {}", group, e.getCause().toString());
      }
    } catch (TimeoutException e) {
      LOG.warn("no answer about the members of group {} within {} s", group, TIMEOUT_SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return stale;
  }

  /**
   * Removes the static member of {@code dying}, a stream thread being replaced, once it has ended
   * (in the background: the caller is that thread).
   */
  void removeWhenEnded(Thread dying) {
    int index = threadIndex(dying.getName());
    if (index < 0) {
      return;
    }
    String member = memberOf(index);
    removals.execute(
        () -> {
          try {
            dying.join(TimeUnit.SECONDS.toMillis(60));
            try (Admin admin = Admin.create(adminProps)) {
              remove(admin, List.of(member));
              LOG.info(
                  "removed the static member {} of the failed stream thread {} from group {}",
                  member,
                  dying.getName(),
                  group);
            }
          } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownMemberIdException)
                && !(e.getCause() instanceof GroupIdNotFoundException)) {
              LOG.warn(
                  "cannot remove the static member {} from group {}: {} (the group drops it when"
                      + " its session times out)",
                  member,
                  group,
                  e.getCause().toString());
            }
          } catch (TimeoutException e) {
            LOG.warn("no answer removing the static member {} from group {}", member, group);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  /** The index a stream thread's name ends with ({@code ...-StreamThread-2}), or -1. */
  static int threadIndex(String threadName) {
    int dash = threadName.lastIndexOf('-');
    try {
      return dash < 0 ? -1 : Integer.parseInt(threadName.substring(dash + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void remove(Admin admin, List<String> members)
      throws ExecutionException, InterruptedException, TimeoutException {
    admin
        .removeMembersFromConsumerGroup(
            group,
            new RemoveMembersFromConsumerGroupOptions(
                members.stream().map(MemberToRemove::new).toList()))
        .all()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    removals.shutdownNow();
  }
}
