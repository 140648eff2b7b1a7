package io.transfermonitor.streams;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The monitor's packages in data-path order, checked on its compiled main classes: a stage uses
 * only the stages before it, and every package has its place. The layering of the whole project (no
 * cycles, core modules free of deployment code) is the CLI module's ArchitectureTest, which sees
 * every module.
 */
class StageOrderTest {

  private static final String STREAMS = "io.transfermonitor.streams.";

  /**
   * The monitor's packages in data-path order: the fact model and metrics every stage uses, the
   * size budget and the handling of rejected records that stages meet when a record is too large,
   * the stages from reading to alerting, then the configuration, wiring and runtime that put them
   * together, then the reading of the monitor's state across instances and the dashboard that shows
   * it. A new stage gets its place here.
   */
  static final List<String> STREAMS_ORDER =
      List.of(
          "fact",
          "metrics",
          "errors",
          "reference",
          "validate",
          "dedupe",
          "normalize",
          "screen",
          "ais",
          "corroborate",
          "match",
          "ledger",
          "gap",
          "activity",
          "local",
          "alert",
          "components",
          "cases",
          "config",
          "topology",
          "app",
          "query",
          "dashboard");

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.transfermonitor.streams");

  @Test
  void shouldUseOnlyEarlierStagesFromEachStage() {
    for (int i = 0; i < STREAMS_ORDER.size(); i++) {
      for (int j = i + 1; j < STREAMS_ORDER.size(); j++) {
        String earlier = STREAMS_ORDER.get(i);
        String later = STREAMS_ORDER.get(j);
        noClasses()
            .that()
            .resideInAPackage(STREAMS + earlier + "..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(STREAMS + later + "..")
            .because(
                earlier
                    + " comes before "
                    + later
                    + " on the data path: a stage may use the stages before it, never the ones"
                    + " after, so a reader can follow the path in order")
            .check(CLASSES);
      }
    }
  }

  @Test
  void shouldGiveEveryMonitorPackageItsPlaceInTheOrder() {
    Set<String> packages =
        CLASSES.stream()
            .map(JavaClass::getPackageName)
            .filter(name -> name.startsWith(STREAMS))
            .map(name -> name.substring(STREAMS.length()).split("\\.")[0])
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(packages)
        .as("packages of the monitor; a new one needs its place in STREAMS_ORDER")
        .isSubsetOf(STREAMS_ORDER);
    assertThat(CLASSES.stream().map(JavaClass::getPackageName))
        .as("classes directly in io.transfermonitor.streams belong to a stage package")
        .doesNotContain("io.transfermonitor.streams");
  }
}
