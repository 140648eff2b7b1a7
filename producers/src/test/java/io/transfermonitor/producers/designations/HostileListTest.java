package io.transfermonitor.producers.designations;

import static io.transfermonitor.producers.designations.UnListReaderTest.entity;
import static io.transfermonitor.producers.designations.UnListReaderTest.list;
import static io.transfermonitor.producers.designations.UnListReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import io.transfermonitor.model.Designation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that try to make the parser read, fetch or expand what they should not. */
class HostileListTest {

  @TempDir Path dir;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = "FETCHED-SECRET".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void shouldRefuseADoctypeWithExternalEntitiesWithoutReadingThem() throws IOException {
    // given
    Path secret = Files.writeString(dir.resolve("secret.txt"), "LOCAL-SECRET");
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/entity";
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE CONSOLIDATED_LIST SYSTEM \""
            + url
            + "/dtd\" [\n"
            + "  <!ENTITY file SYSTEM \""
            + secret.toUri()
            + "\">\n"
            + "  <!ENTITY remote SYSTEM \""
            + url
            + "\">\n"
            + "]>\n"
            + withoutDeclaration(list(entity("KPe.900", "&file;&remote;", "2020-01-01")));

    // then
    assertThatThrownBy(() -> read(xml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ListFormatException.class)
        .hasMessageStartingWith("test.xml: a DOCTYPE (ending at line 5) is refused")
        .hasMessageNotContaining("SECRET");
    assertThat(requests).hasValue(0);
  }

  @Test
  void shouldRefuseABillionLaughsFileAtOnce() {
    // given: ten levels of ten references each, a billion 'lol's if expanded
    StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">\n");
    for (int level = 1; level <= 9; level++) {
      dtd.append("<!ENTITY lol").append(level).append(" \"");
      dtd.append(("&lol" + (level - 1) + ";").repeat(10)).append("\">\n");
    }
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
            + dtd
            + "]>\n<CONSOLIDATED_LIST>&lol9;</CONSOLIDATED_LIST>\n";

    // then
    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () ->
            assertThatThrownBy(() -> read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("test.xml: a DOCTYPE (ending at line 13) is refused"));
  }

  @Test
  void shouldLoadEveryRecordOfAUtf8FileHoldingLatin1BytesAndSayWhere() throws IOException {
    // given: "Bogotá" and "Sète" written in Latin-1 in a file that declares UTF-8
    String xml =
        list(
            entity("KPe.900", "BANCO DE BOGOTA", "2020-01-01"),
            entity("KPe.901", "BANCO DE BOGOTÁ", "2020-01-01"),
            entity("KPe.902", "SÈTE SHIPPING", "2020-01-01"));

    int offset = xml.indexOf('Á');
    int column = offset - xml.lastIndexOf('\n', offset);

    // when
    ListContents read = read(xml.getBytes(StandardCharsets.ISO_8859_1));

    // then
    assertThat(read.designations())
        .extracting(Designation::getName)
        .containsExactly("BANCO DE BOGOTA", "BANCO DE BOGOTÁ", "SÈTE SHIPPING");
    assertThat(read.problems()).isEmpty();
    assertThat(read.warnings())
        .containsExactly(
            "test.xml: declares UTF-8, but byte 0xC1 at line 3, column "
                + column
                + " (offset "
                + offset
                + ") is not UTF-8; 2 such bytes were read as Windows-1252 (0xC1 as 'Á'); every"
                + " record was read");
  }

  private static String withoutDeclaration(String xml) {
    return xml.substring(xml.indexOf("?>") + 2);
  }

  @Test
  void shouldLoadTheWholeSampleListWithOneWindows1252ByteInIt() throws IOException {
    // given: the list's right single quotation marks (U+2019) of one record as Windows-1252 0x92
    byte[] utf8;
    try (InputStream in = SampleList.open()) {
      utf8 = in.readAllBytes();
    }
    String text = new String(utf8, StandardCharsets.UTF_8);
    int at = text.indexOf("DPRK’s primary foreign exchange bank");
    ByteArrayOutputStream mixed = new ByteArrayOutputStream();
    byte[] before = text.substring(0, at + 4).getBytes(StandardCharsets.UTF_8);
    mixed.write(before);
    mixed.write(0x92);
    mixed.write(text.substring(at + 5).getBytes(StandardCharsets.UTF_8));

    // when
    ListContents read = read(mixed.toByteArray());

    // then
    assertThat(read.designations()).hasSize(1018);
    assertThat(UnListReaderTest.designation("KPe.047").getComments())
        .isEqualTo(
            read.designations().stream()
                .filter(d -> d.getDesignationId().equals("KPe.047"))
                .findFirst()
                .orElseThrow()
                .getComments());
    assertThat(read.warnings())
        .singleElement()
        .asString()
        .contains("byte 0x92 at line ", "(offset " + before.length + ")", "0x92 as '’'");
  }
}
