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
import io.transfermonitor.model.MakerRecord;
import io.transfermonitor.model.PriorityListEntry;
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
    monitor.priorityListBundled();

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
        .contains(
            "HS 8532.24 is on the Common High Priority List (US BIS, EU, UK, Japan) of 2024-02-23,"
                + " tier 2");
    assertThat(alerts.get(1).getPriorityList())
        .isEqualTo("Common High Priority List (US BIS, EU, UK, Japan) of 2024-02-23");
    assertThat(alerts.get(2).getMessage())
        .contains("; HS 8536.41 [")
        .doesNotContain("High Priority");
    assertThat(monitor.caseOf(RULE + "/DEU/Example Maker DE-A").getAlertCount()).isEqualTo(3);
  }

  @Test
  void shouldAddUpTheFindingsPerMakerCountryYearMadeAndWeaponTypeEachOnce() {
    monitor.rules(defaultRules());
    monitor.priorityListBundled();

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

  private static PriorityListEntry listed(String hsCode, String tier, String date) {
    return new PriorityListEntry(
        hsCode, tier, null, "Common High Priority List (test)", date, "chpl-test.csv");
  }

  @Test
  void shouldMarkTheNextFindingWithATierLoadedAfterTheMonitorStarted() {
    monitor.rules(defaultRules());
    // a finding read before the list is loaded: nothing to mark it with
    monitor.send(finding("before", "Example Maker US-A", "USA").setHsCode("8542.31").build());

    // when the list is loaded while the monitor runs
    monitor.priorityList(listed("8542.31", "2", "2024-02-23"));
    monitor.send(finding("after", "Example Maker US-A", "USA").setHsCode("854231").build());
    // and a newer version moves the code to tier 1
    monitor.priorityList(listed("8542.31", "1", "2025-01-01"));
    monitor.send(finding("moved", "Example Maker US-A", "USA").setHsCode("8542.31.00").build());

    // then each finding carries the tier in force when it was read; earlier alerts stay as filed
    List<Alert> alerts = monitor.alerts();
    assertThat(alerts)
        .extracting(Alert::getAlertId, Alert::getPriorityTier, Alert::getPriorityList)
        .containsExactly(
            tuple(RULE + "/before", null, null),
            tuple(RULE + "/after", "2", "Common High Priority List (test) of 2024-02-23"),
            tuple(RULE + "/moved", "1", "Common High Priority List (test) of 2025-01-01"));
    assertThat(alerts.get(0).getMessage()).doesNotContain("Priority List");
    assertThat(alerts.get(2).getMessage())
        .contains("HS 8542.31.00 is on the Common High Priority List (test) of 2025-01-01, tier 1");
    // and the totals count the two marked ones on the list
    Map<String, ComponentTotal> rows = monitor.components.readKeyValuesToMap();
    assertThat(rows.get("COUNTRY/USA").getFindings()).isEqualTo(3);
    assertThat(rows.get("COUNTRY/USA").getPriorityListed()).isEqualTo(2);
  }

  @Test
  void shouldFileTwoAliasesOfAMakerInOneCaseUnderTheTablesMakerAndCountry() {
    monitor.rules(defaultRules());
    monitor.maker(
        new MakerRecord(
            "Example Maker US-A",
            "USA",
            List.of("EXAMPLE MAKER US-A INC.", "Example Maker US-A Incorporated"),
            "test makers"));

    // two findings writing the maker two other ways, one with no country, one with another
    monitor.send(finding("inc", "Example Maker US-A, Inc.", null).setPartNumber("P-1").build());
    monitor.send(
        finding("incorporated", "example maker us-a incorporated", "GBR")
            .setPartNumber("P-2")
            .build());
    // and a maker the table does not know: its own words stand
    monitor.send(finding("other", "Example Maker KR-A", "KOR").setPartNumber("P-3").build());

    List<Alert> alerts = monitor.alerts();
    assertThat(alerts)
        .extracting(
            Alert::getAlertId,
            Alert::getCaseId,
            Alert::getMaker,
            Alert::getMakerCountry,
            Alert::getMakerAsReported,
            Alert::getMakerResolvedBy)
        .containsExactly(
            tuple(
                RULE + "/inc",
                US_A,
                "Example Maker US-A",
                "USA",
                "Example Maker US-A, Inc.",
                "makers table test makers"),
            tuple(
                RULE + "/incorporated",
                US_A,
                "Example Maker US-A",
                "USA",
                "example maker us-a incorporated",
                "makers table test makers"),
            tuple(
                RULE + "/other",
                RULE + "/KOR/Example Maker KR-A",
                "Example Maker KR-A",
                "KOR",
                null,
                "finding"));
    Case usA = monitor.caseOf(US_A);
    assertThat(usA.getAlertCount()).isEqualTo(2);
    assertThat(usA.getHistory())
        .extracting(CaseHistoryEntry::getStep, CaseHistoryEntry::getNote)
        .containsExactly(
            tuple(
                CaseStep.OPENED,
                "HIGH; maker and country from the makers table test makers (marked 'Example Maker"
                    + " US-A, Inc.')"));
    assertThat(monitor.caseOf(RULE + "/KOR/Example Maker KR-A").getHistory().get(0).getNote())
        .isEqualTo("HIGH; maker and country from the finding");
    assertThat(alerts.get(1).getMessage())
        .startsWith(
            "Component of Example Maker US-A (USA, by the makers table test makers; marked"
                + " 'example maker us-a incorporated'; the finding said GBR), part P-2");
    assertThat(alerts.get(2).getMessage()).startsWith("Component of Example Maker KR-A (KOR), ");
    // the totals count the maker once, under its canonical name and the table's country
    Map<String, ComponentTotal> rows = monitor.components.readKeyValuesToMap();
    assertThat(rows.get("MAKER/Example Maker US-A").getFindings()).isEqualTo(2);
    assertThat(rows.get("COUNTRY/USA").getMakers()).containsExactly("Example Maker US-A");
    assertThat(rows).doesNotContainKeys("COUNTRY/GBR", "COUNTRY/-");
    assertThat(rows.keySet().stream().filter(k -> k.startsWith("MAKER/")))
        .containsExactlyInAnyOrder("MAKER/Example Maker US-A", "MAKER/Example Maker KR-A");
  }
}
