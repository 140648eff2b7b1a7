package io.transfermonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.transfermonitor.model.Designation;
import io.transfermonitor.model.DesignationType;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.model.Party;
import io.transfermonitor.model.PartyRole;
import io.transfermonitor.producers.designations.SampleList;
import io.transfermonitor.streams.screen.DesignationMatch;
import io.transfermonitor.streams.screen.ScreeningList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticDesignationsTest {

  private static final int PARTIES = 5_000;
  private static final int VESSELS = 500;

  @Test
  void shouldGenerateTheSameDesignationsForTheSameSeedAndOthersForAnother() {
    List<Designation> first = SyntheticDesignations.of(2_000, PARTIES, VESSELS, 7);
    List<Designation> again = SyntheticDesignations.of(2_000, PARTIES, VESSELS, 7);
    List<Designation> other = SyntheticDesignations.of(2_000, PARTIES, VESSELS, 8);

    assertThat(first).hasSize(2_000).isEqualTo(again).isNotEqualTo(other);
    assertThat(first.stream().map(Designation::getDesignationId).distinct()).hasSize(2_000);
    assertThat(first.get(0).getDesignationId()).matches("SYN[iev]\\.000001");
    assertThat(first).allMatch(d -> d.getSource().equals(SyntheticDesignations.SOURCE));
  }

  @Test
  void shouldMixPersonsEntitiesAndVesselsUnderSeveralRegimes() {
    List<Designation> all = SyntheticDesignations.of(10_000, PARTIES, VESSELS, 1);

    Map<DesignationType, Long> byType = new EnumMap<>(DesignationType.class);
    all.forEach(d -> byType.merge(d.getType(), 1L, Long::sum));
    assertThat(byType.get(DesignationType.INDIVIDUAL) / 10_000.0).isCloseTo(0.50, within(0.02));
    assertThat(byType.get(DesignationType.ENTITY) / 10_000.0).isCloseTo(0.40, within(0.02));
    assertThat(byType.get(DesignationType.VESSEL) / 10_000.0).isCloseTo(0.10, within(0.02));
    assertThat(all.stream().map(Designation::getRegime).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("DPRK", "Russia", "Iran", "Syria", "Belarus", "Al-Qaida");
    // persons have their name parts, vessels an IMO number with a valid check digit
    assertThat(all)
        .filteredOn(d -> d.getType() == DesignationType.INDIVIDUAL)
        .allMatch(d -> String.join(" ", d.getNameParts()).equals(d.getName()));
    assertThat(all)
        .filteredOn(
            d -> d.getType() == DesignationType.VESSEL && !SyntheticDesignations.isExactHit(d))
        .allMatch(d -> validImo(identifier(d, IdentifierScheme.IMO)));
  }

  @Test
  void shouldNameAWorkloadPartyOrVesselExactlyInOneDesignationOfAThousand() {
    // given
    List<Designation> all = SyntheticDesignations.of(10_000, PARTIES, VESSELS, 3);

    // when
    List<Designation> hits = all.stream().filter(SyntheticDesignations::isExactHit).toList();

    // then ten, the 1,000th, 2,000th, ...: parties and vessels in turn, under the 1718 regime
    assertThat(hits).hasSize(10);
    assertThat(hits.get(0).getDesignationId()).isEqualTo("SYNe.001000");
    assertThat(hits.get(1).getDesignationId()).isEqualTo("SYNv.002000");
    assertThat(hits).allMatch(d -> d.getRegime().equals("DPRK"));
    assertThat(hits)
        .filteredOn(d -> d.getType() == DesignationType.ENTITY)
        .hasSize(5)
        .allMatch(d -> d.getName().matches("Bench Trading Party \\d+"))
        .allMatch(
            d ->
                identifier(d, IdentifierScheme.REGISTRATION)
                    .equals("REG-" + d.getName().substring("Bench Trading Party ".length())));
    assertThat(hits)
        .filteredOn(d -> d.getType() == DesignationType.VESSEL)
        .hasSize(5)
        .allMatch(d -> d.getName().matches("BENCH TANKER \\d+"))
        .allMatch(
            d ->
                Integer.parseInt(identifier(d, IdentifierScheme.IMO))
                    == 9_000_000 + Integer.parseInt(d.getName().substring(13)));
    assertThat(new SyntheticDesignations(999, PARTIES, VESSELS, 3, 1_000).all())
        .noneMatch(SyntheticDesignations::isExactHit);
  }

  @Test
  void shouldAlertOnTheWorkloadsPartiesOnlyThroughTheExactHits() {
    // given the UN list and 10,000 synthetic designations for a workload of 1,000 parties and 200
    // vessels, screened as the monitor screens
    List<Designation> synthetic = SyntheticDesignations.of(10_000, 1_000, 200, 20240529);
    List<Designation> list = new ArrayList<>(SampleList.read().designations());
    list.addAll(synthetic);
    ScreeningList screening = ScreeningList.of(list);
    Set<String> exactHits =
        synthetic.stream()
            .filter(SyntheticDesignations::isExactHit)
            .map(Designation::getDesignationId)
            .collect(Collectors.toSet());

    // when every party and vessel of the workload is screened (threshold and near miss: defaults)
    Set<String> alerted = new HashSet<>();
    Set<String> nearMisses = new HashSet<>();
    for (Party party : workloadParties(1_000, 200)) {
      for (DesignationMatch match : screening.screen(party)) {
        String id = match.designationId();
        if (match.score() >= 0.9) {
          alerted.add(id);
        } else if (match.score() >= 0.6 && id.startsWith("SYN") && !exactHits.contains(id)) {
          nearMisses.add(id);
        }
      }
    }

    // then the synthetic designations that alert are the exact hits, and every one of them does;
    // a handful of the others share enough words with a workload name to come near
    assertThat(exactHits).hasSize(10);
    assertThat(alerted.stream().filter(id -> id.startsWith("SYN")))
        .containsExactlyInAnyOrderElementsOf(exactHits);
    assertThat(nearMisses).hasSizeLessThan(10);
    assertThat(synthetic)
        .filteredOn(d -> !exactHits.contains(d.getDesignationId()))
        .filteredOn(d -> d.getName().matches(".*\\b(BENCH|PARTY|TANKER)\\b.*"))
        .hasSizeBetween(1, 100);
  }

  private static List<Party> workloadParties(int count, int vessels) {
    List<Party> parties = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      parties.add(
          new Party(
              PartyRole.SHIPPER,
              Workload.partyName(p),
              List.of(new Identifier(IdentifierScheme.REGISTRATION, Workload.partyRegistration(p))),
              Workload.partyCountry(p)));
    }
    for (int v = 0; v < vessels; v++) {
      parties.add(
          new Party(
              PartyRole.VESSEL,
              Workload.vesselName(v),
              List.of(new Identifier(IdentifierScheme.IMO, Workload.imo(v))),
              Workload.vesselFlag(v)));
    }
    return parties;
  }

  private static String identifier(Designation d, IdentifierScheme scheme) {
    return d.getIdentifiers().stream()
        .filter(id -> id.getScheme() == scheme)
        .map(Identifier::getValue)
        .findFirst()
        .orElse("");
  }

  private static boolean validImo(String imo) {
    if (!imo.matches("\\d{7}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 6; i++) {
      sum += (imo.charAt(i) - '0') * (7 - i);
    }
    return sum % 10 == imo.charAt(6) - '0';
  }
}
