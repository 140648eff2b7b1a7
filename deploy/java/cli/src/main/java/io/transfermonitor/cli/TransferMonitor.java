package io.transfermonitor.cli;

import io.transfermonitor.cli.kafka.KafkaVersion;
import io.transfermonitor.cli.kafka.UnavailableException;
import io.transfermonitor.cli.settings.Redaction;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsException;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.embedded.PortUnavailableException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code transfer-monitor} command. Subcommands are listed in {@code subcommands} below; add a
 * class there to add one. The benchmark ({@code bench}) is not among them: it ships in a jar of its
 * own, which the launcher runs for {@code ./transfer-monitor bench}. Exit codes: 0 ok, 1 failed, 2
 * bad usage or bad setting, 3 a port or service is unavailable, 4 Kafka or the registry refused the
 * credentials or the access. What it prints of a failure is one line, with every secret hidden.
 */
@Command(
    name = "transfer-monitor",
    mixinStandardHelpOptions = true,
    versionProvider = TransferMonitor.Version.class,
    description =
        "Monitors shipments and transfers against sanctions rules, on Apache Kafka.%n"
            + "Settings: --config FILE, KAFKA_* (client properties), TM_* (application).",
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      StackCommand.class,
      TopicsCommand.class,
      AclsCommand.class,
      AlertsCommand.class,
      CasesCommand.class,
      RulesCommand.class,
      DesignationsCommand.class,
      VesselsCommand.class,
      ChplCommand.class,
      MakersCommand.class,
      ScreenCommand.class,
      IngestCommand.class,
      AisCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Also:",
      "  bench   Measures the monitor against an exactly-once baseline (events/s,",
      "            latency, heap, state). A jar of its own, run by the launcher:",
      "            ./transfer-monitor bench --help; see docs/performance.md."
    })
public class TransferMonitor implements Runnable {

  public static final int EXIT_FAILED = ExitCode.FAILED;
  public static final int EXIT_BAD_SETTING = ExitCode.BAD_SETTING;
  public static final int EXIT_UNAVAILABLE = ExitCode.UNAVAILABLE;
  public static final int EXIT_REFUSED = ExitCode.REFUSED;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // UTF-8 whatever the locale: the tables print →, × and ≈, which a C or POSIX locale's
    // ASCII would turn into '?'; logback's encoder is set to UTF-8 too (logback.xml)
    PrintStream out = utf8(FileDescriptor.out);
    PrintStream err = utf8(FileDescriptor.err);
    System.setOut(out);
    System.setErr(err);
    CommandLine cli = commandLine();
    cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    System.exit(cli.execute(args));
  }

  private static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(
        new BufferedOutputStream(new FileOutputStream(fd), 8192), true, StandardCharsets.UTF_8);
  }

  /** The command line with transfer-monitor's error handling, for main and for tests. */
  public static CommandLine commandLine() {
    return commandLine(new TransferMonitor());
  }

  /**
   * The command line of {@code command} (a picocli command object, such as the benchmark's) with
   * transfer-monitor's error handling and exit codes.
   */
  public static CommandLine commandLine(Object command) {
    CommandLine cli = new CommandLine(command);
    cli.setExecutionExceptionHandler(TransferMonitor::handle);
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    PrintWriter err = cli.getErr();
    String command = cli.getCommandSpec().qualifiedName();
    Optional<Settings> settings = settingsOf(cli);
    Redaction redaction = settings.map(Settings::redaction).orElse(Redaction.none());
    LoggerFactory.getLogger(TransferMonitor.class)
        .debug("{} failed: {}", command, redaction.apply(chain(e)));
    Optional<String> refusal = Refusal.describe(e, settings);
    if (refusal.isPresent()) {
      err.println(command + ": " + redaction.apply(refusal.get()));
      return EXIT_REFUSED;
    }
    if (e instanceof SettingsException) {
      err.println(command + ": " + redaction.apply(e.getMessage()));
      return EXIT_BAD_SETTING;
    }
    if (e instanceof PortUnavailableException || e instanceof UnavailableException) {
      err.println(command + ": " + redaction.apply(e.getMessage()) + plaintextHint(e, settings));
      return EXIT_UNAVAILABLE;
    }
    err.println(command + ": " + redaction.apply(oneLine(e)));
    return EXIT_FAILED;
  }

  /**
   * A secured broker drops a plaintext client without a word, which the client sees as a timeout:
   * say so when no security protocol is configured.
   */
  private static String plaintextHint(Throwable e, Optional<Settings> settings) {
    boolean plaintext =
        settings.map(s -> !s.kafka().containsKey("security.protocol")).orElse(false);
    for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
      if (plaintext && t instanceof TimeoutException) {
        return "; no kafka.security.protocol is set: if the cluster is secured, configure it"
            + " (e.g. --config with the settings file of your user)";
      }
    }
    return "";
  }

  /** The settings the failed command had parsed, if it had. */
  private static Optional<Settings> settingsOf(CommandLine cli) {
    return cli.getCommandSpec().mixins().values().stream()
        .map(CommandLine.Model.CommandSpec::userObject)
        .filter(SettingsOptions.class::isInstance)
        .map(SettingsOptions.class::cast)
        .findFirst()
        .flatMap(SettingsOptions::parsed);
  }

  private static String chain(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      text.append(" <- ").append(c);
    }
    return text.toString();
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return message.replaceAll("\\s*\\R\\s*", " ");
  }

  /** Version from the jar manifest. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = TransferMonitor.class.getPackage().getImplementationVersion();
      return new String[] {
        "transfer-monitor " + (version != null ? version : "(development build)"),
        "Kafka " + KafkaVersion.clients() + ", Java " + System.getProperty("java.version")
      };
    }
  }
}
