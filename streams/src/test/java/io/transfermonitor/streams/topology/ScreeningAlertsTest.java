package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.Events.defaultRules;
import static io.transfermonitor.streams.Events.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.model.MatchMethod;
import io.transfermonitor.model.Party;
import io.transfermonitor.model.PartyRole;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.Severity;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.producers.designations.SampleList;
import io.transfermonitor.producers.ingest.CsvReader;
import io.transfermonitor.producers.ingest.Mapping;
import io.transfermonitor.producers.ingest.RowMapper;
import io.transfermonitor.streams.Designations;
import io.transfermonitor.streams.Events;
import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScreeningAlertsTest {

  private static final List<Designation> UN_LIST = SampleList.read().designations();
  private static final String RULE = "unscr-1718-designated-parties";

  private final MonitorDriver monitor = new MonitorDriver();

  @BeforeEach
  void loadRulesAndTheUnList() {
    monitor.rules(defaultRules());
    monitor.designate(UN_LIST);
  }

  @AfterEach
  void close() {
    monitor.close();
  }

  @Test
  void shouldAlertOnPaymentsThroughTheForeignTradeBankHoweverItIsWritten() {
    // when
    monitor.send(payment("p1", "2024-02-14T00:00:00Z", "FOREIGN TRADE BANK", null));
    monitor.send(payment("p2", "2024-04-14T00:00:00Z", "Foreign Trade Bank (FTB)", null));
    monitor.send(payment("p3", "2024-06-14T00:00:00Z", "FTB", null));
    monitor.send(payment("p4", "2024-08-14T00:00:00Z", "Foriegn Trade Bank", null));

    // then
    assertThat(monitor.alerts())
        .extracting(
            Alert::getAlertId,
            a -> a.getScreening().getPartyName(),
            a -> a.getScreening().getMethod())
        .containsExactly(
            tuple(RULE + "/KPe.047/p1", "FOREIGN TRADE BANK", MatchMethod.NAME),
            tuple(RULE + "/KPe.047/p2", "Foreign Trade Bank (FTB)", MatchMethod.NAME),
            tuple(RULE + "/KPe.047/p3", "FTB", MatchMethod.NAME),
            tuple(RULE + "/KPe.047/p4", "Foriegn Trade Bank", MatchMethod.FUZZY));
  }

  @Test
  void shouldSayWhichNamePartsMatchedHowInTheAlertOnACloseSpelling() {
    // when
    monitor.send(payment("p1", "2024-02-14T00:00:00Z", "Foriegn Trade Bank", null));

    // then
    assertThat(monitor.alerts())
        .singleElement()
        .satisfies(
            alert ->
                assertThat(alert.getMessage())
                    .contains(
                        "by a close spelling of 'FOREIGN TRADE BANK (FTB)' [trade, bank,"
                            + " foriegn~foreign (close spelling)] (score 0.99)"));
  }

  @Test
  void shouldSayWhichDesignationWhoAndHowInTheAlert() {
    // when
    monitor.send(payment("p1", "2024-02-14T00:00:00Z", "Foreign Trade Bank", null));

    // then
    assertThat(monitor.alerts())
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.getRuleKind()).isEqualTo(RuleKind.SCREEN);
              assertThat(alert.getSeverity()).isEqualTo(Severity.HIGH);
              assertThat(alert.getEventKind()).isEqualTo(EventKind.FINANCIAL_TRANSFER);
              assertThat(alert.getMatchedDesignations()).containsExactly("KPe.047");
              assertThat(alert.getTriggeringEventIds()).containsExactly("p1");
              assertThat(alert.getScreening().getListedName())
                  .isEqualTo("FOREIGN TRADE BANK (FTB)");
              assertThat(alert.getScreening().getListType()).isEqualTo("DPRK");
              assertThat(alert.getScreening().getListSource())
                  .isEqualTo("UN Security Council Consolidated List");
              assertThat(alert.getScreening().getScore()).isEqualTo(1.0);
              assertThat(alert.getScreening().getRetroactive()).isFalse();
              assertThat(alert.getScreening().getListedOn()).isEqualTo(LocalDate.of(2017, 8, 5));
              assertThat(alert.getMessage())
                  .isEqualTo(
                      "Payment p1 of 2024-02-14 names 'Foreign Trade Bank' (BANK), which matches"
                          + " KPe.047 'FOREIGN TRADE BANK (FTB)' of the DPRK list (UN Security"
                          + " Council Consolidated List), designated on 2017-08-05, by its listed"
                          + " name (score 1.00): dealings with a"
                          + " designated party under UNSCR 1718 (2006) OP8(d)(e): freeze, report"
                          + " and escalate to the sanctions desk.");
            });
  }

  @Test
  void shouldAlertOnTheKwangsonBankByNameWithoutItsLegalFormAndByItsAlias() {
    // when
    monitor.send(payment("p1", "2024-04-14T00:00:00Z", "Korea Kwangson Banking Corp.", null));
    monitor.send(payment("p2", "2024-08-14T00:00:00Z", "KKBC", null));
    monitor.send(payment("p3", "2024-10-14T00:00:00Z", "Taedong Credit Bank", null));

    // then
    assertThat(monitor.alerts())
        .extracting(Alert::getAlertId, a -> a.getScreening().getMethod())
        .containsExactly(
            tuple(RULE + "/KPe.025/p1", MatchMethod.NAME),
            tuple(RULE + "/KPe.025/p2", MatchMethod.NAME),
            tuple(RULE + "/KPe.023/p3", MatchMethod.ALIAS));
  }

  @Test
  void shouldNotAlertOnTheTradeBankOfIraqButCountItAsANearMiss() {
    // when
    monitor.send(payment("p1", "2024-02-14T00:00:00Z", "Trade Bank of Iraq", null));

    // then
    assertThat(monitor.alerts()).isEmpty();
    assertThat(monitor.count("tm.screening.near.misses")).isEqualTo(1.0);
  }

  @Test
  void shouldNotRaiseThe1718RuleForADesignationOfAnotherList() {
    // when: Al-Akhtar Trust International is on the Al-Qaida list (QDe.121)
    monitor.send(payment("p1", "2024-02-14T00:00:00Z", "Al-Akhtar Trust International", null));

    // then
    assertThat(monitor.alerts()).isEmpty();
    assertThat(monitor.count("tm.screening.matches")).isEqualTo(1.0);
  }

  @Test
  void shouldAlertOnATankerDeliveryNamingAVesselOrItsOwnerByAnImoNumberOfADesignation() {
    // given: KPe.066 lists company number IMO 5434358
    TankerDelivery byVessel =
        TankerDelivery.newBuilder(Events.refined("t1", "2024-03-02T00:00:00Z", 25_000))
            .setVesselName("Unnamed tanker")
            .setVesselImo("5434358")
            .build();
    TankerDelivery byOwner = Events.refined("t2", "2024-03-08T00:00:00Z", 25_000);
    byOwner
        .getHeader()
        .setParties(
            List.of(
                new Party(
                    PartyRole.VESSEL_OWNER,
                    "Ocean Star Shipping",
                    List.of(new Identifier(IdentifierScheme.IMO, "5434358")),
                    "PRK")));

    // when
    monitor.send(byVessel);
    monitor.send(byOwner);

    // then
    assertThat(monitor.alerts())
        .filteredOn(a -> a.getRuleKind() == RuleKind.SCREEN)
        .extracting(
            Alert::getAlertId,
            a -> a.getScreening().getMethod(),
            a -> a.getScreening().getMatchedOn(),
            a -> a.getScreening().getPartyRole())
        .containsExactly(
            tuple(RULE + "/KPe.066/t1", MatchMethod.IDENTIFIER, "IMO 5434358", PartyRole.VESSEL),
            tuple(
                RULE + "/KPe.066/t2",
                MatchMethod.IDENTIFIER,
                "IMO 5434358",
                PartyRole.VESSEL_OWNER));
  }

  @Test
  void shouldRaiseOneRetroactiveAlertWhenADesignationArrivesAfterThePaymentAndNoneOnReplay() {
    // given: a payment to a bank not on the list yet
    monitor.send(payment("p1", "2024-11-02T00:00:00Z", "Ryugyong Commercial Bank", null));
    assertThat(monitor.alerts()).isEmpty();

    // when: it is designated; the rescreen runs, twice; the payment is sent again
    monitor.designate(
        Designations.entity("KPe.099", "RYUGYONG COMMERCIAL BANK", LocalDate.of(2025, 3, 1))
            .build());
    monitor.advanceClock(Duration.ofSeconds(1));
    monitor.advanceClock(Duration.ofSeconds(1));
    monitor.send(payment("p1", "2024-11-02T00:00:00Z", "Ryugyong Commercial Bank", null));

    // then
    assertThat(monitor.alerts())
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.getAlertId()).isEqualTo(RULE + "/KPe.099/p1");
              assertThat(alert.getScreening().getRetroactive()).isTrue();
              assertThat(alert.getMessage())
                  .startsWith(
                      "Retroactive: 'Ryugyong Commercial Bank' (BANK), named in the payment p1 of"
                          + " 2024-11-02, matches KPe.099 'RYUGYONG COMMERCIAL BANK' of the DPRK"
                          + " list (UN Security Council Consolidated List), designated on"
                          + " 2025-03-01, by its listed name (score 1.00);"
                          + " found by rescreening past events");
            });
  }

  @Test
  void shouldApplyANewDesignationToTheNextEventAndStopMatchingOnceDelisted() {
    // when
    monitor.designate(
        Designations.entity("KPe.099", "RYUGYONG COMMERCIAL BANK", LocalDate.of(2025, 3, 1))
            .build());
    monitor.send(payment("p1", "2025-03-02T00:00:00Z", "Ryugyong Commercial Bank", null));
    monitor.delist("KPe.099");
    monitor.send(payment("p2", "2025-03-03T00:00:00Z", "Ryugyong Commercial Bank", null));

    // then
    assertThat(monitor.alerts())
        .extracting(Alert::getAlertId, a -> a.getScreening().getRetroactive())
        .containsExactly(tuple(RULE + "/KPe.099/p1", false));
  }

  @Test
  void shouldScreenTheBanksAndPartiesOfTheBankTransferExampleOfTheDocs() throws IOException {
    // given: docs/adding-a-source.md's bank-transfer export, mapped as ingest maps it
    Path dir = ProjectFiles.of("producers", "examples", "bank-transfers");
    Mapping mapping = Mapping.load(dir.resolve("mapping.yaml"));
    try (CsvReader csv =
        new CsvReader(
            Files.newBufferedReader(dir.resolve("transfers.csv"), StandardCharsets.UTF_8), ',')) {
      csv.next();
      RowMapper rows = mapping.bind(List.copyOf(csv.fields()));

      // when
      while (csv.next()) {
        monitor.send(rows.map(csv.fields()));
      }
    }

    // then
    assertThat(monitor.alerts())
        .extracting(Alert::getAlertId, a -> a.getScreening().getPartyName())
        .containsExactlyInAnyOrder(
            tuple(RULE + "/KPe.047/bank-transfers/EX-0001", "FOREIGN TRADE BANK (FTB)"),
            tuple(RULE + "/KPe.025/bank-transfers/EX-0001", "Korea Kwangson Banking Corp."),
            tuple(RULE + "/KPe.023/bank-transfers/EX-0003", "Daedong Credit Bank"));
    // Trade Bank of Iraq among them; others are the next-best designations of the alerted names
    assertThat(monitor.count("tm.screening.near.misses")).isPositive();
  }

  @Test
  void shouldSkipAnUndecodableDesignationAndGoOnScreening() {
    // when
    monitor.designateRaw("KPe.098", "not a designation".getBytes(StandardCharsets.UTF_8));
    monitor.designate(
        Designations.entity("KPe.099", "RYUGYONG COMMERCIAL BANK", LocalDate.of(2025, 3, 1))
            .build());
    monitor.send(payment("p1", "2025-03-02T00:00:00Z", "Ryugyong Commercial Bank", null));

    // then
    assertThat(monitor.alerts())
        .extracting(Alert::getAlertId)
        .containsExactly(RULE + "/KPe.099/p1");
    assertThat(monitor.rejected.readValuesToList()).isEmpty();
  }

  @Test
  void shouldRaiseOneAlertPerDesignationWhenSeveralPartiesOfAPaymentNameIt() {
    // given: the bank named in the header with its UN reference, and as the receiving bank
    var paid = payment("p1", "2024-02-14T00:00:00Z", "Foreign Trade Bank", null);
    paid.getHeader()
        .setParties(
            List.of(
                new Party(
                    PartyRole.BANK,
                    "Foreign Trade Bank",
                    List.of(new Identifier(IdentifierScheme.UN_REFERENCE, "KPe.047")),
                    "PRK")));

    // when
    monitor.send(paid);

    // then
    assertThat(monitor.alerts())
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.getScreening().getMethod()).isEqualTo(MatchMethod.IDENTIFIER);
              assertThat(alert.getScreening().getMatchedOn()).isEqualTo("UN_REFERENCE KPe.047");
            });
  }

  @Test
  void shouldScreenReportedAndObservedEventsAlike() {
    // when
    var observed = payment("p1", "2024-02-14T00:00:00Z", "Koryo Bank", null);
    observed.getHeader().setSourceKind(SourceKind.OBSERVED);
    monitor.send(observed);

    // then
    assertThat(monitor.alerts())
        .extracting(Alert::getAlertId)
        .containsExactly(RULE + "/KPe.045/p1");
  }
}
