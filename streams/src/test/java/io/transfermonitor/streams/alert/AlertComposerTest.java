package io.transfermonitor.streams.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.MatchMethod;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.ScreeningMatch;
import io.transfermonitor.streams.Designations;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.fact.Detail;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.match.BanMatch;
import io.transfermonitor.streams.match.ScreenMatch;
import io.transfermonitor.streams.screen.DesignationMatch;
import io.transfermonitor.streams.screen.ScreeningHit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.avro.AvroMissingFieldException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * The alerts about one event are made without Avro's builder; these tests hold them to what the
 * builder made, field by field and byte by byte, for each kind (ban, component finding, screen).
 */
class AlertComposerTest {

  private static final long NOW = 1_700_000_000_000L;

  @Test
  void aBlankAlertHoldsTheSchemaDefaultOfEveryField() {
    Alert blank = AlertComposer.blank();
    for (Schema.Field field : Alert.getClassSchema().getFields()) {
      Object expected = field.hasDefaultValue() ? SpecificData.get().getDefaultValue(field) : null;
      assertThat(blank.get(field.pos())).as(field.name()).isEqualTo(expected);
    }
  }

  @Test
  void aBanAlertIsTheOneTheBuilderMade() {
    Rule rule = Events.defaultRule("unscr-1718-arms-embargo");
    Fact fact =
        Fact.of(Events.containers("c-1", "2024-03-01T00:00:00Z", CargoCategory.MUNITIONS, 3));
    Alert alert = AlertComposer.banned(new BanMatch(rule, fact, NOW));

    Alert expected =
        builderMade(rule, fact)
            .setAlertId(rule.getRuleId() + "/" + fact.eventId())
            .setMessage(alert.getMessage())
            .build();
    assertSame(alert, expected);
  }

  @Test
  void aComponentAlertIsTheOneTheBuilderMade() {
    Rule rule = Events.defaultRule("dprk-weapon-components");
    Fact fact =
        Fact.of(
            Events.component(
                "f-1", "2024-03-01T00:00:00Z", "Texas Instruments", "USA", "2021-05-01", "854231"));
    Alert alert = AlertComposer.banned(new BanMatch(rule, fact, NOW));

    assertThat(fact.detail()).isInstanceOf(Detail.Component.class);
    Alert expected =
        builderMade(rule, fact)
            .setAlertId(rule.getRuleId() + "/" + fact.eventId())
            .setMaker(alert.getMaker())
            .setMakerCountry(alert.getMakerCountry())
            .setMakerAsReported(alert.getMakerAsReported())
            .setMakerResolvedBy(alert.getMakerResolvedBy())
            .setMadeAfterInForce(alert.getMadeAfterInForce())
            .setPriorityTier(alert.getPriorityTier())
            .setPriorityList(alert.getPriorityList())
            .setMessage(alert.getMessage())
            .build();
    assertSame(alert, expected);
  }

  @Test
  void aScreenAlertIsTheOneTheBuilderMade() {
    Rule rule = Events.defaultRule("unscr-1718-designated-parties");
    Fact fact = Fact.of(Events.payment("p-1", "2024-02-14T00:00:00Z", "Some Bank", null));
    var designation = Designations.foreignTradeBank();
    ScreeningHit hit =
        new ScreeningHit(
            fact,
            fact.parties().get(1),
            new DesignationMatch(designation, MatchMethod.NAME, 1.0, designation.getName()),
            false,
            NOW);
    Alert alert = AlertComposer.screened(new ScreenMatch(rule, hit));

    Alert expected =
        builderMade(rule, fact)
            .setAlertId(
                rule.getRuleId() + "/" + designation.getDesignationId() + "/" + fact.eventId())
            .setMatchedDesignations(List.of(designation.getDesignationId()))
            .setMessage(alert.getMessage())
            .setScreening(ScreeningMatch.newBuilder(alert.getScreening()).build())
            .build();
    assertSame(alert, expected);
  }

  @Test
  void anAlertWithoutARequiredFieldIsRefusedAsTheBuilderRefusedIt() {
    Alert alert = AlertComposer.blank();
    alert.setAlertId("r/e");

    assertThatThrownBy(() -> AlertComposer.complete(alert))
        .isInstanceOf(AvroMissingFieldException.class)
        .hasMessageContaining("ruleId");
  }

  /** What {@code AlertComposer.aboutEvent} set with {@code Alert.newBuilder()} before. */
  private static Alert.Builder builderMade(Rule rule, Fact fact) {
    return Alert.newBuilder()
        .setRuleId(rule.getRuleId())
        .setLegalBasis(rule.getLegalBasis())
        .setRuleKind(rule.getKind())
        .setSeverity(rule.getSeverity())
        .setTotal(fact.amount())
        .setUnit(fact.amountUnit())
        .setEventKind(fact.kind())
        .setTriggeringEventIds(List.of(fact.eventId()))
        .setEventTime(Instant.ofEpochMilli(fact.eventTime()))
        .setProcessedAt(Instant.ofEpochMilli(NOW))
        .setReferences(fact.references())
        .setSources(fact.sourceName() == null ? List.of() : List.of(fact.sourceName()))
        .setOrigin(fact.origin())
        .setDestination(fact.destination())
        .setVessel(fact.detail() instanceof Detail.Vessel v ? v.key() : null);
  }

  private static void assertSame(Alert alert, Alert expected) {
    for (Schema.Field field : Alert.getClassSchema().getFields()) {
      assertThat(alert.get(field.pos())).as(field.name()).isEqualTo(expected.get(field.pos()));
    }
    assertThat(alert).isEqualTo(expected);
    assertThat(bytes(alert)).isEqualTo(bytes(expected));
  }

  private static byte[] bytes(Alert alert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new SpecificDatumWriter<>(Alert.class).write(alert, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }
}
