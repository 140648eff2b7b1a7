package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.Events.REFINED_CAP;
import static io.transfermonitor.streams.Events.defaultRule;
import static io.transfermonitor.streams.Events.defaultRules;
import static io.transfermonitor.streams.Events.refined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.streams.match.RuleStoreUpdater;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A rule switched off on the rules topic (a tombstone, or a rename applied with {@code --prune}) on
 * the production topology: the removal is logged and counted, the rule's ledger and case stay
 * readable as they were, and nothing counts twice.
 */
class RuleRemovalTest {

  private static final String RENAMED = "unscr-2397-refined-petroleum";

  private final MonitorDriver monitor = new MonitorDriver();
  private final Logger updaterLog = (Logger) LoggerFactory.getLogger(RuleStoreUpdater.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    logged.start();
    updaterLog.addAppender(logged);
  }

  @AfterEach
  void close() {
    updaterLog.detachAppender(logged);
    monitor.close();
  }

  @Test
  void shouldLogAndCountATombstonedCapAndFreezeItsLedgerAndCase() {
    // given: the petroleum cap at 75 % with its case open
    monitor.rules(defaultRules());
    monitor.send(refined("d1", "2024-03-01T00:00:00Z", 375_000));
    assertThat(monitor.alerts(RuleKind.CAP)).extracting(Alert::getLevel).contains("NOTICE_75");
    Map<String, Case> casesBefore = capCases();
    assertThat(casesBefore).hasSize(1);
    monitor.capUsage.readValuesToList();

    // when: a tombstone on the rules topic, then a delivery that would cross 90 %
    monitor.removeRule(REFINED_CAP);
    monitor.send(refined("d2", "2024-04-01T00:00:00Z", 100_000));

    // then: the removal is said, naming the rule, and counted
    assertThat(logged.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .extracting(ILoggingEvent::getFormattedMessage)
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("rule " + REFINED_CAP + " removed")
                    .contains("not counted"));
    assertThat(monitor.count("tm.rules.switched.off", "rule", REFINED_CAP)).isEqualTo(1.0);
    // and the ledger and case are frozen: no alert, no usage, no case change
    assertThat(monitor.alerts(RuleKind.CAP)).isEmpty();
    assertThat(monitor.capUsage.readValuesToList()).isEmpty();
    assertThat(capCases()).isEqualTo(casesBefore);
  }

  @Test
  void shouldCountNewEventsOnceAgainWhenATombstonedCapIsRestored() {
    // given: the cap removed and published again
    monitor.rules(defaultRules());
    monitor.send(refined("d1", "2024-03-01T00:00:00Z", 375_000));
    monitor.removeRule(REFINED_CAP);
    monitor.rule(defaultRule(REFINED_CAP));
    monitor.capUsage.readValuesToList();

    // when
    monitor.send(refined("d3", "2024-05-01T00:00:00Z", 25_000));

    // then: the ledger goes on from where it stood, the new delivery counted once
    assertThat(monitor.capUsage.readValuesToList())
        .extracting(CapUsage::getRuleId, CapUsage::getTotal)
        .containsExactly(tuple(REFINED_CAP, 400_000.0));
    assertThat(monitor.count("tm.rules.switched.off", "rule", REFINED_CAP)).isEqualTo(1.0);
  }

  @Test
  void shouldCountARenamedCapOnlyUnderItsNewIdOnceTheOldOneIsPruned() {
    // given: 375,000 bbl counted under the old id
    monitor.rules(defaultRules());
    monitor.send(refined("d1", "2024-03-01T00:00:00Z", 375_000));
    monitor.alerts(RuleKind.CAP);
    monitor.capUsage.readValuesToList();

    // when: the rename applied with --prune (the new rule, a tombstone for the old), a delivery
    Rule renamed = Rule.newBuilder(defaultRule(REFINED_CAP)).setRuleId(RENAMED).build();
    monitor.rule(renamed);
    monitor.removeRule(REFINED_CAP);
    monitor.send(refined("d2", "2024-04-01T00:00:00Z", 50_000));

    // then: counted once, under the new id only; the old ledger stands as it was
    List<CapUsage> usage = monitor.capUsage.readValuesToList();
    assertThat(usage)
        .extracting(CapUsage::getRuleId, CapUsage::getTotal)
        .containsExactly(tuple(RENAMED, 50_000.0));
    assertThat(monitor.alerts(RuleKind.CAP)).isEmpty();
    assertThat(monitor.count("tm.rules.switched.off", "rule", REFINED_CAP)).isEqualTo(1.0);
    assertThat(logged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(line -> assertThat(line).contains("rule " + REFINED_CAP + " removed"));
  }

  @Test
  void shouldSaySoWhenACapIsDisabled() {
    // given
    monitor.rules(defaultRules());

    // when
    monitor.rule(Rule.newBuilder(defaultRule(REFINED_CAP)).setEnabled(false).build());

    // then
    assertThat(monitor.count("tm.rules.switched.off", "rule", REFINED_CAP)).isEqualTo(1.0);
    assertThat(logged.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .extracting(ILoggingEvent::getFormattedMessage)
        .singleElement()
        .satisfies(line -> assertThat(line).contains("rule " + REFINED_CAP + " disabled"));
  }

  private Map<String, Case> capCases() {
    Map<String, Case> capCases = new TreeMap<>();
    monitor
        .cases()
        .forEach(
            (id, c) -> {
              if (id.startsWith(REFINED_CAP + "/")) {
                capCases.put(id, c);
              }
            });
    return capCases;
  }
}
