package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.Events.defaultRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseNotification;
import io.transfermonitor.model.CaseStep;
import io.transfermonitor.model.ComponentFinding;
import io.transfermonitor.model.ComponentTotal;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.SourceKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Components found in weapons of DPRK origin, filed per maker, through the production topology. */
class ComponentFindingsTest {

  private static final String RULE = "dprk-weapon-components";
  private static final String US_A = RULE + "/USA/Example Maker US-A";

  private final MonitorDriver monitor = new MonitorDriver();

  @AfterEach
  void close() {
    monitor.close();
  }

  private static ComponentFinding.Builder finding(String id, String maker, String country) {
    return ComponentFinding.newBuilder()
        .setHeader(
            EventHeader.newBuilder()
                .setEventId(id)
                .setSourceName("Weapon debris examinations (test)")
                .setSourceKind(SourceKind.REPORTED)
                .setEventTime(Instant.parse("2024-01-02T00:00:00Z"))
                .setOrigin("PRK")
                .setDestination("UKR")
                .build())
        .setWeaponType("short-range ballistic missile")
        .setWeaponDesignation("KN-23")
        .setRecoveredAt("Kharkiv")
        .setRecoveredBy("Examiner")
        .setMaker(maker)
        .setMakerCountry(country);
  }

  private static Instant made(String day) {
    return Instant.parse(day + "T00:00:00Z");
  }

  @Test
  void shouldAddASecondFindingOfTheSamePartNumberToItsMakersCaseWithoutANewPage() {
    monitor.rules(defaultRules());

    monitor.send(
        finding("kh-1", "Example Maker US-A", "USA")
            .setPartNumber("EXA-MCU-100")
            .setDateCode("2022-03")
            .setManufactured(made("2022-03-01"))
            .setHsCode("8542.31")
            .build());
    monitor.send(
        finding("kh-2", "Example Maker US-A", "USA")
            .setPartNumber("EXA-MCU-100")
            .setDateCode("2022-05")
            .setManufactured(made("2022-05-01"))
            .setHsCode("8542.31")
            .build());
    monitor.send(finding("kh-3", "Example Maker DE-A", "DEU").setPartNumber("EXD-1").build());
    // the first finding sent again counts once
    monitor.send(
        finding("kh-1", "Example Maker US-A", "USA")
            .setPartNumber("EXA-MCU-100")
            .setDateCode("2022-03")
            .setManufactured(made("2022-03-01"))
            .setHsCode("8542.31")
            .build());

    List<Alert> alerts = monitor.alerts();
    assertThat(alerts)
        .extracting(Alert::getAlertId, Alert::getCaseId)
        .containsExactly(
            tuple(RULE + "/kh-1", US_A),
            tuple(RULE + "/kh-2", US_A),
            tuple(RULE + "/kh-3", RULE + "/DEU/Example Maker DE-A"));
    Case usA = monitor.caseOf(US_A);
    assertThat(usA.getAlertCount()).isEqualTo(2);
    assertThat(usA.getTitle())
        .isEqualTo(
            "Component of a state's maker found in a weapon of DPRK origin: USA, Example Maker"
                + " US-A");
    assertThat(usA.getHistory())
        .extracting(CaseHistoryEntry::getStep, CaseHistoryEntry::getAlertId)
        .containsExactly(tuple(CaseStep.OPENED, RULE + "/kh-1"));
    assertThat(monitor.notifications())
        .extracting(CaseNotification::getCaseId)
        .containsExactlyInAnyOrder(US_A, RULE + "/DEU/Example Maker DE-A");
    assertThat(alerts.get(1).getMessage())
        .startsWith(
            "Component of Example Maker US-A (USA), part EXA-MCU-100, found in a short-range"
                + " ballistic missile KN-23 of PRK origin recovered in Kharkiv, 2024-01-02,"
                + " examined by Examiner; date code 2022-05, made after 2017-12-22");
  }

  @Test
  void shouldNotMarkAPartWhoseDateCodeIsBeforeTheResolutionAsMadeAfterIt() {
    monitor.rules(defaultRules());

    monitor.send(
        finding("old", "Example Maker JP-A", "JPN")
            .setDateCode("2016-05")
            .setManufactured(made("2016-05-01"))
            .build());
    // a date code of December 2017 names a month that begins before the 22nd: not "after"
    monitor.send(
        finding("dec", "Example Maker JP-A", "JPN")
            .setDateCode("2017-12")
            .setManufactured(made("2017-12-01"))
            .build());
    monitor.send(
        finding("new", "Example Maker JP-A", "JPN")
            .setDateCode("2021-08")
            .setManufactured(made("2021-08-01"))
            .build());
    monitor.send(finding("none", "Example Maker JP-A", "JPN").build());

    List<Alert> alerts = monitor.alerts();
    assertThat(alerts)
        .extracting(Alert::getAlertId, Alert::getMadeAfterInForce)
        .containsExactly(
            tuple(RULE + "/old", false),
            tuple(RULE + "/dec", false),
            tuple(RULE + "/new", true),
            tuple(RULE + "/none", null));
    assertThat(alerts.get(0).getMessage())
        .contains("date code 2016-05, made before 2017-12-22 (UNSCR 2397 (2017) OP7");
    assertThat(alerts.get(3).getMessage())
        .contains("date code none legible")
        .doesNotContain("made before")
        .doesNotContain("made after");
    assertThat(monitor.caseOf(RULE + "/JPN/Example Maker JP-A").getAlertCount()).isEqualTo(4);
  }

  @Test
  void shouldFileAFindingWithoutAnHsCodeAndMarkAListedOneWithItsTier() {
    monitor.rules(defaultRules());

    monitor.send(finding("no-hs", "Example Maker DE-A", "DEU").setPartNumber("EXD-PSU-7").build());
    monitor.send(
        finding("tier-2", "Example Maker DE-A", "DEU")
            .setPartNumber("EXD-CAP-1")
            .setHsCode("8532.24")
            .build());
    monitor.send(
        finding("unlisted", "Example Maker DE-A", "DEU")
            .setPartNumber("EXD-REL-2")
            .setHsCode("8536.41")
            .build());

    List<Alert> alerts = monitor.alerts();
    assertThat(alerts)
        .extracting(Alert::getAlertId, Alert::getPriorityTier, Alert::getMaker)
        .containsExactly(
            tuple(RULE + "/no-hs", null, "Example Maker DE-A"),
            tuple(RULE + "/tier-2", "2", "Example Maker DE-A"),
            tuple(RULE + "/unlisted", null, "Example Maker DE-A"));
    assertThat(alerts.get(0).getMessage()).doesNotContain("HS ");
    assertThat(alerts.get(1).getMessage())
        .contains("HS 8532.24 is on the Common High Priority List, tier 2");
    assertThat(alerts.get(2).getMessage())
        .contains("; HS 8536.41 [")
        .doesNotContain("High Priority");
    assertThat(monitor.caseOf(RULE + "/DEU/Example Maker DE-A").getAlertCount()).isEqualTo(3);
  }

  @Test
  void shouldAddUpTheFindingsPerMakerCountryYearMadeAndWeaponTypeEachOnce() {
    monitor.rules(defaultRules());

    monitor.send(
        finding("a1", "Example Maker US-A", "USA")
            .setManufactured(made("2022-03-01"))
            .setHsCode("8542.31")
            .build());
    monitor.send(
        finding("a2", "Example Maker US-A", "USA")
            .setManufactured(made("2023-02-01"))
            .setHsCode("8536.41")
            .build());
    monitor.send(finding("b1", "Example Maker US-B", "USA").build());
    monitor.send(
        finding("d1", "Example Maker DE/A", "DEU").setManufactured(made("2022-07-01")).build());
    // sent again: counted once
    monitor.send(
        finding("a1", "Example Maker US-A", "USA")
            .setManufactured(made("2022-03-01"))
            .setHsCode("8542.31")
            .build());

    Map<String, ComponentTotal> rows = monitor.components.readKeyValuesToMap();
    assertThat(rows)
        .containsOnlyKeys(
            "MAKER/Example Maker US-A",
            "MAKER/Example Maker US-B",
            "MAKER/Example Maker DE%2FA",
            "COUNTRY/USA",
            "COUNTRY/DEU",
            "YEAR_MADE/2022",
            "YEAR_MADE/2023",
            "YEAR_MADE/-",
            "WEAPON_TYPE/short-range ballistic missile");
    ComponentTotal usa = rows.get("COUNTRY/USA");
    assertThat(usa.getFindings()).isEqualTo(3);
    assertThat(usa.getPriorityListed()).isEqualTo(1);
    assertThat(usa.getMakers()).containsExactly("Example Maker US-A", "Example Maker US-B");
    assertThat(usa.getNewestManufactured()).isEqualTo(made("2023-02-01"));
    assertThat(rows.get("MAKER/Example Maker US-A").getFindings()).isEqualTo(2);
    assertThat(rows.get("MAKER/Example Maker DE%2FA").getValue()).isEqualTo("Example Maker DE/A");
    assertThat(rows.get("YEAR_MADE/2022").getFindings()).isEqualTo(2);
    assertThat(rows.get("YEAR_MADE/-").getNewestManufactured()).isNull();
    assertThat(rows.get("WEAPON_TYPE/short-range ballistic missile").getFindings()).isEqualTo(4);
  }

  @Test
  void shouldRaiseNothingForAComponentInAWeaponOfAnotherOrigin() {
    monitor.rules(defaultRules());

    ComponentFinding russian = finding("ru-1", "Example Maker US-A", "USA").build();
    russian.getHeader().setOrigin("RUS");
    monitor.send(russian);

    assertThat(monitor.alerts()).isEmpty();
  }
}
