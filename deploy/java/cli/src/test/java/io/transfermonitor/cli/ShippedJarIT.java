package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar users run ({@code target/transfer-monitor.jar}, built in {@code package}, before this
 * test runs) holds what they run and nothing of the benchmark, which ships in a jar of its own.
 */
class ShippedJarIT {

  private static final Path JAR = Path.of("target", "transfer-monitor.jar");
  private static final Path BENCH_SOURCES = ProjectFiles.of("bench", "src", "main", "java");

  private static List<String> entries;

  @BeforeAll
  static void readJar() throws IOException {
    assertThat(JAR).as("run after package").isRegularFile();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      entries = jar.stream().map(JarEntry::getName).toList();
    }
  }

  @Test
  void shouldRunTheTransferMonitorCommand() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(TransferMonitor.class.getName());
    }
    assertThat(entries).contains("io/transfermonitor/cli/TransferMonitor.class");
  }

  @Test
  void shouldHoldNoClassOfTheBenchmark() throws IOException {
    Set<String> benchClasses = benchClassNames();
    assertThat(benchClasses).as("classes of the bench module").contains("BenchCommand");

    assertThat(entries)
        .noneMatch(e -> e.startsWith("io/transfermonitor/bench/"))
        .noneMatch(e -> e.startsWith("io/transfermonitor/cli/bench/"))
        .filteredOn(e -> e.startsWith("io/transfermonitor/") && e.endsWith(".class"))
        .noneMatch(e -> benchClasses.contains(simpleName(e)));
  }

  /** Simple names of the top-level classes in the bench module's sources. */
  private static Set<String> benchClassNames() throws IOException {
    try (Stream<Path> files = Files.walk(BENCH_SOURCES)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".java"))
          .map(name -> name.substring(0, name.length() - ".java".length()))
          .collect(Collectors.toSet());
    }
  }

  /** {@code a/b/Outer$Inner.class} to {@code Outer}. */
  private static String simpleName(String entry) {
    String file = entry.substring(entry.lastIndexOf('/') + 1, entry.length() - ".class".length());
    int nested = file.indexOf('$');
    return nested < 0 ? file : file.substring(0, nested);
  }
}
