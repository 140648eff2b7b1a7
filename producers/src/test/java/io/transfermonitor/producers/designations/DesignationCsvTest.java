package io.transfermonitor.producers.designations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Designation;
import io.transfermonitor.model.DesignationType;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.producers.ingest.Mapping;
import io.transfermonitor.producers.ingest.MappingException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The national list example of docs/adding-a-source.md, read through its mapping. */
class DesignationCsvTest {

  private static final Path DIR = Path.of("examples", "national-designations");

  @Test
  void shouldReadVesselsByImoNumberAndBanksByBic() throws IOException {
    // when
    ListContents read = read();

    // then
    assertThat(read.designations())
        .extracting(Designation::getDesignationId, Designation::getType, Designation::getName)
        .containsExactly(
            tuple("NL-V-001", DesignationType.VESSEL, "EXAMPLE STAR"),
            tuple("NL-V-002", DesignationType.VESSEL, "EXAMPLE PIONEER"),
            tuple("NL-B-001", DesignationType.ENTITY, "EXAMPLE CREDIT BANK"));
    Designation star = read.designations().get(0);
    assertThat(star.getIdentifiers())
        .containsExactly(new Identifier(IdentifierScheme.IMO, "9900007"));
    assertThat(star.getAliases()).containsExactly("Example Star 2", "Star of the East");
    assertThat(star.getRegime()).isEqualTo("NATIONAL-EXAMPLE");
    assertThat(star.getSource())
        .isEqualTo("National list of designated vessels and banks (example)");
    assertThat(star.getListedOn()).isEqualTo(LocalDate.of(2025, 1, 15));
    assertThat(read.designations().get(2).getIdentifiers())
        .containsExactly(new Identifier(IdentifierScheme.BIC, "EXCBKPPY"));
  }

  @Test
  void shouldListARowThatCannotBeADesignationWithItsLineAndWhy() throws IOException {
    // then
    assertThat(read().problems())
        .extracting(RecordProblem::line, RecordProblem::skipped, RecordProblem::reason)
        .containsExactly(tuple(5L, true, "field 'name': missing required field"));
  }

  @Test
  void shouldRefuseAnEventMapping() {
    // then
    assertThatThrownBy(
            () ->
                DesignationCsv.read(
                    DIR.resolve("designations.csv"),
                    Mapping.load(Path.of("examples", "bank-transfers", "mapping.yaml"))))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("reads events (FINANCIAL_TRANSFER), not designations");
  }

  private static ListContents read() throws IOException {
    return DesignationCsv.read(
        DIR.resolve("designations.csv"), Mapping.load(DIR.resolve("mapping.yaml")));
  }
}
