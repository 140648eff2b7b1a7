package io.transfermonitor.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the project that tests read (the shipped rules, the README, the docs, the examples),
 * found from the project's root as the build names it ({@value #ROOT_PROPERTY}, set by the root pom
 * for Surefire and Failsafe), not from the directory a module's tests happen to run in. Run from an
 * IDE without the property, the root is the nearest directory up from the working one that holds
 * the Maven wrapper's {@code .mvn}.
 */
public final class ProjectFiles {

  /** The system property that names the project's root directory. */
  public static final String ROOT_PROPERTY = "tm.project.root";

  private ProjectFiles() {}

  /** The project's root directory. */
  public static Path root() {
    String named = System.getProperty(ROOT_PROPERTY);
    if (named != null && !named.isBlank()) {
      return Path.of(named).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(".mvn")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot tell the project's root: set -D"
            + ROOT_PROPERTY
            + "=<the directory of the root pom.xml>, as the build does");
  }

  /** {@code first/more...} under the project's root, e.g. {@code of("deploy", "config")}. */
  public static Path of(String first, String... more) {
    return root().resolve(Path.of(first, more));
  }
}
