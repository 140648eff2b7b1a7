package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tests find the project's files through {@link ProjectFiles}, from the root the build names, not
 * by a path relative to the module they happen to run in ({@code Path.of("..", "..", "docs")}),
 * which breaks when a module moves.
 */
class ProjectFilesUseTest {

  /**
   * A path that climbs out of the module: a literal {@code "../x"}, or {@code ".."} made a path.
   */
  private static final Pattern CLIMBS =
      Pattern.compile("\"\\.\\./|(Path\\.of|Paths\\.get|resolve)\\(\\s*\"\\.\\.\"");

  @Test
  void noTestReachesAnotherModuleByARelativePath() throws IOException {
    List<String> found = new ArrayList<>();
    for (String module : List.of("schemas", "producers", "streams", "bench", "deploy")) {
      try (Stream<Path> files = Files.walk(ProjectFiles.of(module))) {
        for (Path file : files.filter(ProjectFilesUseTest::isTestSource).toList()) {
          List<String> lines = Files.readAllLines(file);
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // a compose file's volume, quoted as the manifest test expects it, is not a path here
            boolean comment = line.trim().startsWith("*") || line.trim().startsWith("//");
            if (CLIMBS.matcher(line).find() && !line.contains(":/") && !comment) {
              found.add(ProjectFiles.root().relativize(file) + ":" + (i + 1) + ": " + line.trim());
            }
          }
        }
      }
    }
    assertThat(found).as("use ProjectFiles.of(...) instead").isEmpty();
  }

  private static boolean isTestSource(Path file) {
    String path = file.toString().replace('\\', '/');
    return path.endsWith(".java") && path.contains("/src/test/") && !path.contains("/target/");
  }
}
