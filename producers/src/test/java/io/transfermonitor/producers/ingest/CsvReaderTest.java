package io.transfermonitor.producers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private record Row(long line, List<String> fields, String raw) {}

  private static List<Row> read(String text, char delimiter) {
    CsvReader csv = new CsvReader(new StringReader(text), delimiter);
    List<Row> rows = new ArrayList<>();
    while (csv.next()) {
      rows.add(new Row(csv.line(), List.copyOf(csv.fields()), csv.raw()));
    }
    return rows;
  }

  @Test
  void shouldSplitPlainFields() {
    assertThat(read("a,b,c\n1,2,3\n", ','))
        .extracting(Row::fields)
        .containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
  }

  @Test
  void shouldKeepDelimitersAndDoubledQuotesInsideQuotedFields() {
    List<Row> rows = read("\"27,500\",\"say \"\"hi\"\"\",x\n", ',');
    assertThat(rows.get(0).fields()).containsExactly("27,500", "say \"hi\"", "x");
    assertThat(rows.get(0).raw()).isEqualTo("\"27,500\",\"say \"\"hi\"\"\",x");
  }

  @Test
  void shouldKeepLineBreaksInsideQuotesAndCountLinesForTheNextRecord() {
    List<Row> rows = read("h1,h2\n\"two\nlines\",b\nc,d\n", ',');
    assertThat(rows).extracting(Row::line).containsExactly(1L, 2L, 4L);
    assertThat(rows.get(1).fields()).containsExactly("two\nlines", "b");
  }

  @Test
  void shouldAcceptCrlfAndCrAndSkipBlankLinesKeepingTheirNumbers() {
    List<Row> rows = read("a,b\r\n\r\n1,2\r3,4", ',');
    assertThat(rows).extracting(Row::line).containsExactly(1L, 3L, 4L);
    assertThat(rows)
        .extracting(Row::fields)
        .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
  }

  @Test
  void shouldKeepEmptyFieldsAndDropAByteOrderMark() {
    List<Row> rows = read("\uFEFFa,,c,\n", ',');
    assertThat(rows.get(0).fields()).containsExactly("a", "", "c", "");
  }

  @Test
  void shouldUseTheGivenDelimiter() {
    assertThat(read("a;b,c;d\n", ';').get(0).fields()).containsExactly("a", "b,c", "d");
  }

  @Test
  void shouldNameTheLineOfAQuoteLeftOpen() {
    CsvReader csv = new CsvReader(new StringReader("a,b\n1,\"open\n2,3\n"), ',');
    assertThat(csv.next()).isTrue();
    assertThatThrownBy(csv::next)
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("line 2: quoted field not closed before end of input");
  }

  @Test
  void shouldReadAcrossBufferBoundaries() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append(i).append(",\"v,").append(i).append("\"\n");
    }
    List<Row> rows = read(text.toString(), ',');
    assertThat(rows).hasSize(20_000);
    assertThat(rows.get(19_999).fields()).containsExactly("19999", "v,19999");
    assertThat(rows.get(19_999).line()).isEqualTo(20_000);
  }

  @Test
  void shouldGoOnAtTheLineAfterAQuoteLeftOpenSoNoRowIsSwallowed() {
    // given: a quote opened on line 2 and never closed
    CsvReader csv = new CsvReader(new StringReader("a,b\n1,\"open\n2,3\r\n4,5\n"), ',');
    assertThat(csv.next()).isTrue();

    // when, then: line 2 is refused alone, lines 3 and 4 are rows again
    assertThatThrownBy(csv::next)
        .isInstanceOfSatisfying(
            CsvFormatException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.raw()).isEqualTo("1,\"open");
            });
    assertThat(csv.next()).isTrue();
    assertThat(csv.line()).isEqualTo(3);
    assertThat(csv.fields()).containsExactly("2", "3");
    assertThat(csv.next()).isTrue();
    assertThat(csv.line()).isEqualTo(4);
    assertThat(csv.fields()).containsExactly("4", "5");
    assertThat(csv.next()).isFalse();
  }

  @Test
  void shouldRefuseTextAfterAClosingQuoteAndReadTheNextRow() {
    // given
    CsvReader csv = new CsvReader(new StringReader("\"ok\" trailing,x\nnext,row\n"), ',');

    // when, then
    assertThatThrownBy(csv::next)
        .isInstanceOfSatisfying(
            CsvFormatException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("text after the closing quote of field 1");
              assertThat(e.raw()).isEqualTo("\"ok\" trailing,x");
            });
    assertThat(csv.next()).isTrue();
    assertThat(csv.line()).isEqualTo(2);
    assertThat(csv.fields()).containsExactly("next", "row");
  }

  @Test
  void shouldRefuseAQuoteThatClosesOnALaterRow() {
    // given: the quote opened on line 1 closes inside line 2, followed by text
    CsvReader csv = new CsvReader(new StringReader("1,\"Alpha,10\n2,\"Beta\",20\n"), ',');

    // when, then: line 1 refused, line 2 read as itself
    assertThatThrownBy(csv::next).isInstanceOf(CsvFormatException.class);
    assertThat(csv.next()).isTrue();
    assertThat(csv.fields()).containsExactly("2", "Beta", "20");
  }

  @Test
  void shouldRefuseAQuoteInsideAnUnquotedFieldAndReadTheNextRow() {
    // given: RFC 4180 allows a quote only in a field quoted whole
    CsvReader csv = new CsvReader(new StringReader("name,n\nQuote\"inside,1\nnext,2\n"), ',');
    assertThat(csv.next()).isTrue();

    // when, then
    assertThatThrownBy(csv::next)
        .isInstanceOfSatisfying(
            CsvFormatException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.reason()).startsWith("quote inside unquoted field 1");
              assertThat(e.raw()).isEqualTo("Quote\"inside,1");
            });
    assertThat(csv.next()).isTrue();
    assertThat(csv.line()).isEqualTo(3);
    assertThat(csv.fields()).containsExactly("next", "2");
  }

  @Test
  void shouldRefuseRowsJoinedByAQuoteThatABareQuoteClosesOnALaterRow() {
    // given: line 2 opens a quote in field 2, line 3 closes it with a bare quote in field 2
    CsvReader csv =
        new CsvReader(new StringReader("n,name,qty\n1,\"Alpha,10\n2,Beta\",20\n3,Gamma,30\n"), ',');
    assertThat(csv.next()).isTrue();

    // when, then: both lines refused, each with its own number, and line 4 read as a row
    assertThatThrownBy(csv::next)
        .isInstanceOfSatisfying(
            CsvFormatException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.reason())
                  .startsWith("the quote opened in field 2 closes only on line 3")
                  .contains("joining lines 2-3 into one row");
              assertThat(e.raw()).isEqualTo("1,\"Alpha,10");
            });
    assertThatThrownBy(csv::next)
        .isInstanceOfSatisfying(
            CsvFormatException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.reason()).startsWith("quote inside unquoted field 2");
              assertThat(e.raw()).isEqualTo("2,Beta\",20");
            });
    assertThat(csv.next()).isTrue();
    assertThat(csv.line()).isEqualTo(4);
    assertThat(csv.fields()).containsExactly("3", "Gamma", "30");
    assertThat(csv.next()).isFalse();
  }

  @Test
  void shouldRefuseAQuoteClosedOnALaterRowThatChangesTheNumberOfFields() {
    // given: the quote opened in field 2 closes in field 2 of the next line, one column late
    CsvReader csv = new CsvReader(new StringReader("a,b,c\n1,\"x\n2,y\",5,6\n7,8,9\n"), ',');
    assertThat(csv.next()).isTrue();

    // when, then
    assertThatThrownBy(csv::next)
        .isInstanceOfSatisfying(
            CsvFormatException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.reason()).contains("of 4 fields where the file has 3");
            });
    assertThatThrownBy(csv::next)
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(3));
    assertThat(csv.next()).isTrue();
    assertThat(csv.fields()).containsExactly("7", "8", "9");
  }

  @Test
  void shouldKeepAFieldThatSpansLinesAndHoldsDelimiters() {
    // given: a note over two lines, with a comma, in a row of the file's width
    List<Row> rows = read("id,note,qty\n1,\"Seen at Nampo,\nleft at night\",5\n2,x,6\n", ',');

    // then
    assertThat(rows).extracting(Row::line).containsExactly(1L, 2L, 4L);
    assertThat(rows.get(1).fields()).containsExactly("1", "Seen at Nampo,\nleft at night", "5");
  }

  @Test
  void shouldMarkBytesThatAreNotUtf8() {
    // given: "Caf\u00e9" written in Latin-1
    byte[] latin1 = {'C', 'a', 'f', (byte) 0xE9, ',', '1', '\n'};
    CsvReader csv = new CsvReader(CsvReader.utf8(new ByteArrayInputStream(latin1)), ',');

    // when, then
    assertThat(csv.next()).isTrue();
    assertThat(csv.get(0)).isEqualTo("Caf" + CsvReader.NOT_UTF8);
  }
}
