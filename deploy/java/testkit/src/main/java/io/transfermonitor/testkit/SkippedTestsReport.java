package io.transfermonitor.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes down which test classes did not run, and why, so the build can say so at its end: a
 * browser test whose {@code @BeforeAll} assumption failed (no chromium) otherwise shows only as
 * "Tests run: 0" in the middle of Maven's output. Registered for every test run of a module that
 * has the test kit (META-INF/services); writes to the file the system property {@code
 * tm.skipped.tests.file} names (the root pom sets one per module and plugin), one line per class
 * ({@code DashboardIT: 6 tests not run: no Debian chromium ...}), and deletes it when nothing was
 * skipped. The root pom's {@code skipped-tests} step prints the files at {@code verify}.
 */
public class SkippedTestsReport implements TestExecutionListener {

  static final String FILE_PROPERTY = "tm.skipped.tests.file";

  private final Map<String, String> skipped = new TreeMap<>();
  private TestPlan plan;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    note(test, "disabled: " + reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      note(
          test,
          "assumption not met: "
              + result.getThrowable().map(Throwable::getMessage).orElse("(no reason given)"));
    }
  }

  private void note(TestIdentifier test, String why) {
    Optional<String> className = className(test);
    if (className.isEmpty()) {
      return;
    }
    String simple = className.get().substring(className.get().lastIndexOf('.') + 1);
    long tests =
        plan == null
            ? 0
            : plan.getDescendants(test).stream().filter(TestIdentifier::isTest).count();
    String what =
        test.isContainer()
            ? "the whole class" + (tests > 0 ? " (" + tests + " tests)" : "")
            : test.getDisplayName();
    String oneLine = why.replaceAll("\\s*\\R\\s*", " ");
    skipped.merge(simple, what + " not run, " + oneLine, (a, b) -> a + "; " + b);
  }

  private static Optional<String> className(TestIdentifier test) {
    return test.getSource()
        .flatMap(
            source ->
                source instanceof ClassSource c
                    ? Optional.of(c.getClassName())
                    : source instanceof MethodSource m
                        ? Optional.of(m.getClassName())
                        : Optional.empty());
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    String file = System.getProperty(FILE_PROPERTY);
    if (file == null || file.isBlank()) {
      return;
    }
    Path path = Path.of(file);
    try {
      if (skipped.isEmpty()) {
        Files.deleteIfExists(path);
        return;
      }
      Files.createDirectories(path.toAbsolutePath().getParent());
      StringBuilder text = new StringBuilder();
      String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
      skipped.forEach(
          (cls, why) ->
              text.append(cls).append(": ").append(why).append(" (").append(at).append(")\n"));
      Files.writeString(
          path,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
