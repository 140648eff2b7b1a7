package io.transfermonitor.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The layering of the whole project, checked on its compiled main classes: no package cycles, core
 * modules free of deployment code, and the CLI's commands over its helpers with no two classes
 * calling each other (the monitor's stages in data-path order: the streams module's
 * StageOrderTest). Each rule says why it holds; a failure names the offending class and dependency.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.transfermonitor");

  @Test
  void shouldHaveNoPackageCycles() {
    slices()
        .matching("io.transfermonitor.(**)")
        .should()
        .beFreeOfCycles()
        .because("a package that depends on itself through others can only be read all at once")
        .check(CLASSES);
  }

  @Test
  void shouldKeepCoreModulesFreeOfDeploymentCode() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.transfermonitor.model..",
            "io.transfermonitor.schemas..",
            "io.transfermonitor.producers..",
            "io.transfermonitor.streams..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.transfermonitor.cli..",
            "io.transfermonitor.embedded..",
            "io.transfermonitor.testkit..",
            "io.transfermonitor.bench..")
        .because(
            "schemas, producers and the monitor run in every deployment (a real cluster, Kubernetes,"
                + " a user's own program); the CLI, the embedded stack, the test kit and the"
                + " benchmark are ways to run them and depend on them, not the other way round")
        .check(CLASSES);
  }

  @Test
  void shouldKeepProducersAndTheMonitorApart() {
    noClasses()
        .that()
        .resideInAPackage("io.transfermonitor.streams..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.transfermonitor.producers..")
        .because("the monitor reads what any producer writes; it must not need ours")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAnyPackage("io.transfermonitor.producers..", "io.transfermonitor.schemas..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.transfermonitor.streams..")
        .because("producers and the schemas come before the monitor and must work without it")
        .check(CLASSES);
  }

  private static final String CLI = "io.transfermonitor.cli";

  @Test
  void shouldLayerTheCliCommandsOverTheirHelpers() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("commands")
        .definedBy(CLI)
        .layer("kafka")
        .definedBy(CLI + ".kafka..")
        .layer("settings")
        .definedBy(CLI + ".settings..")
        .layer("format")
        .definedBy(CLI + ".format..")
        .whereLayer("commands")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("kafka")
        .mayOnlyBeAccessedByLayers("commands")
        .whereLayer("settings")
        .mayOnlyBeAccessedByLayers("commands", "kafka")
        .whereLayer("format")
        .mayOnlyBeAccessedByLayers("commands")
        .because(
            "the commands are made of the helpers (reading topics, settings, formats); a helper"
                + " that reached back into a command could only be understood with every command")
        .check(CLASSES);
  }

  @Test
  void shouldHaveNoTwoCliClassesUsingEachOther() {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (JavaClass type : CLASSES) {
      if (!type.getPackageName().startsWith(CLI)) {
        continue;
      }
      for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
        String from = topLevel(type);
        String to = topLevel(dependency.getTargetClass());
        if (dependency.getTargetClass().getPackageName().startsWith(CLI) && !from.equals(to)) {
          uses.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
        }
      }
    }
    Set<String> pairs = new TreeSet<>();
    uses.forEach(
        (from, targets) ->
            targets.stream()
                .filter(to -> uses.getOrDefault(to, Set.of()).contains(from))
                .filter(to -> from.compareTo(to) < 0)
                .forEach(to -> pairs.add(from + " <-> " + to)));

    assertThat(pairs)
        .as(
            "CLI classes that use each other (one of them should give the other what it needs, or"
                + " both take it from a third)")
        .isEmpty();
  }

  private static String topLevel(JavaClass type) {
    return type.getName().split("\\$")[0];
  }
}
