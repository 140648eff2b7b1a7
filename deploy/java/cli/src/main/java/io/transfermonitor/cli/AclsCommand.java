package io.transfermonitor.cli;

import io.transfermonitor.cli.access.AccessPolicy;
import io.transfermonitor.cli.access.Grant;
import io.transfermonitor.cli.access.Role;
import io.transfermonitor.cli.kafka.UnavailableException;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsException;
import io.transfermonitor.cli.settings.SettingsOptions;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SecurityDisabledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code transfer-monitor acls}: the access each role has to the monitor's topics. */
@Command(
    name = "acls",
    mixinStandardHelpOptions = true,
    description = "Manages the Kafka ACLs of the producer, monitor and ops roles.",
    subcommands = {AclsCommand.Apply.class, CommandLine.HelpCommand.class})
public class AclsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code acls apply}: creates the ACLs of {@link AccessPolicy} that the cluster lacks, as a user
   * allowed to alter ACLs (a super user), and prints every one of them as a table. Idempotent: ACLs
   * already there are listed as such; ACLs outside the policy are left alone.
   */
  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description = {
        "Creates least-privilege ACLs for the producer, monitor and ops users, as a table.",
        "Idempotent: ACLs already there are listed and left as they are. Needs a user allowed to"
            + " alter ACLs (e.g. the secure stack's admin settings)."
      })
  public static class Apply implements Callable<Integer> {

    @Mixin SettingsOptions options;

    @Option(
        names = "--user",
        paramLabel = "ROLE=USER",
        description =
            "The Kafka user of a role (producer, monitor, ops); default: the role's name.")
    Map<String, String> users = new LinkedHashMap<>();

    @Option(names = "--dry-run", description = "Print the ACLs; change nothing.")
    boolean dryRun;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Settings settings = options.settings();
      List<Grant> grants =
          AccessPolicy.grants(settings.topics(), settings.applicationId(), roleUsers());
      PrintWriter out = spec.commandLine().getOut();
      if (dryRun) {
        AclTable.print(out, grants, g -> "planned");
        out.printf("%d ACLs planned, nothing changed (--dry-run)%n", grants.size());
        return 0;
      }
      Map<String, Object> props = settings.kafkaClientProperties(LocalDefaults.BOOTSTRAP);
      props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
      Set<AclBinding> existing;
      try (Admin admin = Admin.create(props)) {
        existing = new HashSet<>(await(admin.describeAcls(AclBindingFilter.ANY).values()));
        List<AclBinding> missing =
            grants.stream().map(Grant::binding).filter(b -> !existing.contains(b)).toList();
        await(admin.createAcls(missing).all());
      }
      AclTable.print(out, grants, g -> existing.contains(g.binding()) ? "exists" : "created");
      long there = grants.stream().filter(g -> existing.contains(g.binding())).count();
      out.printf(
          "%d ACLs: %d created, %d already there, on %s%n",
          grants.size(), grants.size() - there, there, props.get("bootstrap.servers"));
      return 0;
    }

    private Map<Role, String> roleUsers() {
      Map<Role, String> byRole = AccessPolicy.defaultUsers();
      users.forEach(
          (role, user) ->
              byRole.put(
                  Role.byId(role)
                      .orElseThrow(
                          () ->
                              new SettingsException(
                                  "--user",
                                  "bad setting --user "
                                      + role
                                      + "="
                                      + user
                                      + ": no such role; the roles are producer, monitor, ops")),
                  user.strip()));
      return byRole;
    }

    private static <T> T await(KafkaFuture<T> future) {
      try {
        return future.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof SecurityDisabledException) {
          throw new UnavailableException(
              "the cluster has no authorizer (authorizer.class.name), so it keeps no ACLs",
              e.getCause());
        }
        throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaException("interrupted while applying ACLs", e);
      }
    }
  }

  /** The grants as a table, one line each, with what happened to them. */
  static final class AclTable {
    private static final String ROW = "%-9s %-10s %-10s %-17s %-9s %-38s %s%n";

    private AclTable() {}

    static void print(PrintWriter out, List<Grant> grants, Function<Grant, String> status) {
      out.printf(ROW, "ROLE", "USER", "OPERATION", "RESOURCE", "PATTERN", "NAME", "STATUS");
      for (Grant g : grants) {
        out.printf(
            Locale.ROOT,
            ROW,
            g.role().id(),
            g.user(),
            g.operation(),
            g.resourceType(),
            g.patternType(),
            g.resourceName(),
            status.apply(g));
      }
    }
  }
}
