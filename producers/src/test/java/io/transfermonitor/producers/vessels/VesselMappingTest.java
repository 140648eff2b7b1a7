package io.transfermonitor.producers.vessels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.transfermonitor.producers.ingest.MappingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VesselMappingTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'fields: { imo: IMO, callSign: CS }' | unknown field 'callSign', expected one of [imo,"
            + " mmsi, name, flag, shipType, deadweightTonnes, owner, manager]",
        "'fields: { name: Name }'              | fields: map imo or mmsi (or both): a vessel is"
            + " keyed by one of them",
        "'fields: { imo: { column: IMO } }'    | fields.imo: give the column's header as text",
        "'csv: { delimiter: \";;\" }\nfields: { imo: IMO }' | csv.delimiter must be one character",
        "'source: x\nfield: { imo: IMO }'      | unknown key 'field', expected one of",
      })
  void shouldRefuseABrokenMappingNamingWhatIsWrong(String yaml, String message) throws Exception {
    assertThatThrownBy(() -> VesselMapping.parse("m.yaml", YAML.readTree(yaml)))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("vessel mapping m.yaml: ")
        .hasMessageContaining(message);
  }

  @Test
  void shouldNameAMappedColumnTheFileDoesNotHave() throws Exception {
    // given a mapping whose owner column the file lacks
    VesselMapping mapping =
        VesselMapping.parse("m.yaml", YAML.readTree("fields: { imo: IMO, owner: Owner }"));

    // when it is bound, then the column is named
    assertThatThrownBy(
            () ->
                VesselRegisterCsv.read(
                    "f.csv", new StringReader("IMO,Name\n9074729,X\n"), mapping, "f"))
        .isInstanceOf(MappingException.class)
        .hasMessage("vessel mapping m.yaml: owner: no column 'Owner' in the header [IMO, Name]");
  }

  @Test
  void shouldMatchHeadersWhateverTheirCase() throws Exception {
    // given the plain header in capitals, without the optional columns
    List<String> warnings = new ArrayList<>();

    // when
    var columns = VesselMapping.plain().bind(List.of("IMO", "MMSI", " Flag "), warnings);

    // then
    assertThat(columns).containsEntry("imo", 0).containsEntry("mmsi", 1).containsEntry("flag", 2);
    assertThat(warnings).isEmpty();
  }
}
