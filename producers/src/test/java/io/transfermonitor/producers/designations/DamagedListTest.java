package io.transfermonitor.producers.designations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.model.Designation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Real copies of the lists as desks receive them: the committed UN sample damaged the way such
 * copies are, with control characters in names and a stray {@code &}. Every readable record loads,
 * each damaged spot is listed with its line and column, and nothing is lost silently.
 */
class DamagedListTest {

  private static final String FTB = "<FIRST_NAME>FOREIGN TRADE BANK (FTB)</FIRST_NAME>";
  private static final String KKBC =
      "<FIRST_NAME>KOREA KWANGSON BANKING CORPORATION (KKBC)</FIRST_NAME>";

  @Test
  void shouldLoadEveryRecordOfTheSampleWithControlCharactersAndAStrayAmpersandListingEachSpot()
      throws IOException {
    // given: a bell inside the Foreign Trade Bank's name, a vertical tab between two words of the
    // Kwangson bank's, and a bare '&' in the Kwangson bank's
    String xml = sample();
    String damaged =
        xml.replace(FTB, "<FIRST_NAME>FOREIGN TRADE\u0007 BANK (FTB)</FIRST_NAME>")
            .replace(
                KKBC, "<FIRST_NAME>KOREA KWANGSON\u000BBANKING & CORPORATION (KKBC)</FIRST_NAME>");
    Spot bell = Spot.of(damaged, "\u0007");
    Spot tab = Spot.of(damaged, "\u000B");
    Spot ampersand = Spot.of(damaged, "& CORPORATION");

    // when
    ListContents read = read(damaged);

    // then: the whole list, the names as they should read, and the three spots
    assertThat(read.designations()).hasSize(1018);
    assertThat(read.skipped()).isZero();
    assertThat(name(read, "KPe.047")).isEqualTo("FOREIGN TRADE BANK (FTB)");
    assertThat(name(read, "KPe.025")).isEqualTo("KOREA KWANGSON BANKING & CORPORATION (KKBC)");
    assertThat(read.repairs())
        .containsExactly(
            new Repair(bell.line, bell.column, "control character U+0007 removed"),
            new Repair(tab.line, tab.column, "control character U+000B replaced by a space"),
            new Repair(ampersand.line, ampersand.column, "stray '&' read as the character '&'"));
    assertThat(read.damage())
        .contains("un.xml:" + bell.line + ":" + bell.column + ": control character U+0007 removed");
  }

  @Test
  void shouldReadAnUndeclaredEntityAsTextAndDropAReferenceToAForbiddenCharacter()
      throws IOException {
    // given
    String damaged =
        sample()
            .replace(FTB, "<FIRST_NAME>FOREIGN&nbsp;TRADE BANK&#1; (FTB)</FIRST_NAME>")
            .replace(
                KKBC,
                "<FIRST_NAME>KOREA KWANGSON BANKING CORPORATION &#x28;KKBC&#41;</FIRST_NAME>");

    // when
    ListContents read = read(damaged);

    // then: well-formed references stay as they are; the two bad ones are listed
    assertThat(read.designations()).hasSize(1018);
    assertThat(name(read, "KPe.047")).isEqualTo("FOREIGN&nbsp;TRADE BANK (FTB)");
    assertThat(name(read, "KPe.025")).isEqualTo("KOREA KWANGSON BANKING CORPORATION (KKBC)");
    assertThat(read.repairs())
        .extracting(Repair::what)
        .containsExactly(
            "reference &nbsp; to an undeclared entity read as the text '&nbsp;'",
            "character reference &#1; to a character XML forbids (control character U+0001)"
                + " removed");
  }

  @Test
  void shouldLeaveAnAmpersandInACdataSectionOrACommentAsItIs() throws IOException {
    // given
    String xml =
        sample()
            .replace(
                FTB,
                "<!-- R&D --><FIRST_NAME><![CDATA[FOREIGN TRADE BANK & CO (FTB)]]></FIRST_NAME>")
            .replace(KKBC, "<FIRST_NAME>KOREA KWANGSON & BANKING CORPORATION (KKBC)</FIRST_NAME>");

    // when
    ListContents read = read(xml);

    // then: the one stray '&' is the one outside both
    assertThat(name(read, "KPe.047")).isEqualTo("FOREIGN TRADE BANK & CO (FTB)");
    assertThat(name(read, "KPe.025")).isEqualTo("KOREA KWANGSON & BANKING CORPORATION (KKBC)");
    assertThat(read.repairs())
        .extracting(Repair::what)
        .containsExactly("stray '&' read as the character '&'");
  }

  @Test
  void shouldLeaveAnUndamagedListAsItIsWithNothingMended() {
    // when
    ListContents read = SampleList.read();

    // then
    assertThat(read.repairs()).isEmpty();
    assertThat(read.damage()).isEmpty();
  }

  @Test
  void shouldStillRefuseWhatCannotBeMendedNamingTheSpotsMendedBeforeIt() throws IOException {
    // given: a control character, then a record cut off in the middle
    String damaged =
        sample().replace(FTB, "<FIRST_NAME>FOREIGN TRADE\u0007 BANK (FTB)</FIRST_NAME>");
    String cut = damaged.substring(0, damaged.indexOf(KKBC) + 30);

    // then
    assertThatThrownBy(() -> read(cut))
        .isInstanceOf(ListFormatException.class)
        .hasMessageStartingWith("un.xml: not well-formed XML: ")
        .hasMessageContaining("mended before it:")
        .hasMessageContaining("control character U+0007 removed");
  }

  @Test
  void shouldMendAnSdnListTheSameWay() throws IOException {
    // given: the SDN sample with a form feed in a name
    String xml = SdnListReaderTest.sample();
    String damaged =
        xml.replaceFirst("EXEMPLAR FOREIGN SETTLEMENT", "EXEMPLAR\fFOREIGN SETTLEMENT");
    Spot feed = Spot.of(damaged, "\f");

    // when
    ListContents read =
        SdnListReader.read(
            new ByteArrayInputStream(damaged.getBytes(StandardCharsets.UTF_8)), "sdn.xml");

    // then
    assertThat(read.designations()).hasSize(5);
    assertThat(read.designations().get(0).getName()).isEqualTo("EXEMPLAR FOREIGN SETTLEMENT BANK");
    assertThat(read.repairs())
        .containsExactly(
            new Repair(feed.line, feed.column, "control character U+000C replaced by a space"));
  }

  static String sample() throws IOException {
    try (InputStream in = SampleList.open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ListContents read(String xml) throws IOException {
    return UnListReader.read(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "un.xml");
  }

  private static String name(ListContents read, String reference) {
    return read.designations().stream()
        .filter(d -> d.getDesignationId().equals(reference))
        .map(Designation::getName)
        .findFirst()
        .orElseThrow();
  }

  /**
   * Where {@code text} first occurs in {@code file}: 1-based line and column, as an editor says.
   */
  private record Spot(long line, long column) {
    static Spot of(String file, String text) {
      int at = file.indexOf(text);
      long line = file.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
      int lineStart = file.lastIndexOf('\n', at) + 1;
      return new Spot(line, at - lineStart + 1);
    }
  }
}
