package io.transfermonitor.producers.designations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.model.Designation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each list file read by the reader of what it holds, whatever its name; a wrong one refused. */
class ListFormatTest {

  @TempDir Path dir;

  @Test
  void shouldTellEachSampleByItsContentWhateverItsName() throws IOException {
    // given: the three samples under names that say nothing
    Path un = dir.resolve("list-a.gz");
    try (InputStream in = SampleList.open();
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(un))) {
      in.transferTo(out);
    }
    Path sdn = Files.copy(SdnListReaderTest.SAMPLE, dir.resolve("list-b"));
    Path ftm = Files.copy(FtmListReaderTest.SAMPLE, dir.resolve("list-c.txt"));

    // then
    assertThat(ListFormat.read(un, null).designations()).hasSize(1018);
    assertThat(ListFormat.read(sdn, null).designations())
        .extracting(Designation::getSource)
        .containsOnly("OFAC SDN List")
        .hasSize(5);
    assertThat(ListFormat.read(ftm, null).designations())
        .extracting(Designation::getDesignationId)
        .containsExactly("tm-sample-co-1", "tm-sample-vessel-1", "tm-sample-person-1");
    assertThat(ListFormat.read(ftm, ListFormat.FTM).designations()).hasSize(3);
  }

  @Test
  void shouldRefuseAFormatAskedForThatTheFileIsNot() {
    // then
    assertThatThrownBy(() -> ListFormat.read(SdnListReaderTest.SAMPLE, ListFormat.UN))
        .isInstanceOf(ListFormatException.class)
        .hasMessage(
            SdnListReaderTest.SAMPLE
                + ": --format un is the UN Security Council Consolidated List (XML,"
                + " <CONSOLIDATED_LIST>), but the file is OFAC's SDN list (XML, <sdnList>)");
    assertThatThrownBy(() -> ListFormat.ofOption("eu"))
        .hasMessage("--format eu: not a list format; give un, sdn or ftm");
  }

  @Test
  void shouldRefuseAFileOfNoKnownFormatSayingHowItStarts() throws IOException {
    // given
    Path html = Files.writeString(dir.resolve("list.xml"), "<html><body>Not found</body></html>");

    // then
    assertThatThrownBy(() -> ListFormat.read(html, null))
        .isInstanceOf(ListFormatException.class)
        .hasMessageStartingWith(
            html + ": not a list format this command reads; it starts with '<html><body>Not");
  }

  @Test
  void shouldDelistOnlyTheDatasetsAnOpenSanctionsLoadCovers() {
    // given: a load of the EU and UK example datasets
    ListScope scope =
        FtmSource.scope(
            Set.of("example_eu_list", "example_uk_list"),
            List.of("OpenSanctions: example_eu_list"));

    // then
    assertThat(scope.covers("OpenSanctions: example_eu_list")).isTrue();
    assertThat(scope.covers("OpenSanctions: example_eu_list, example_uk_list")).isTrue();
    assertThat(scope.covers("OpenSanctions: example_eu_list, us_ofac_sdn")).isFalse();
    assertThat(scope.covers("OFAC SDN List")).isFalse();
    assertThat(scope.covers("UN Security Council Consolidated List")).isFalse();
  }
}
