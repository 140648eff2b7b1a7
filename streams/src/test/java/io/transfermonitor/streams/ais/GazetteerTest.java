package io.transfermonitor.streams.ais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.streams.ais.Gazetteer.Area;
import io.transfermonitor.streams.ais.Gazetteer.Port;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerTest {

  /** Rough boxes {south, north, west, east}: the coast each country's shipped ports are on. */
  private static final Map<String, double[]> BOXES =
      Map.of(
          "PRK", new double[] {37.6, 43.1, 124.2, 130.7},
          "RUS", new double[] {42.3, 43.4, 130.6, 133.2},
          "CHN", new double[] {18.0, 41.0, 108.0, 124.0});

  private static final Gazetteer SHIPPED = Gazetteer.shipped();

  @TempDir Path dir;

  @Test
  void shouldShipTheBriefsPortsEachInsideItsCountrysBoxWithASource() {
    // given the shipped gazetteer
    // then the ports the reports name are there, each on its country's coast and with a source
    assertThat(SHIPPED.ports())
        .extracting(Port::name)
        .contains(
            "Rajin",
            "Chongjin",
            "Hungnam",
            "Wonsan",
            "Nampho",
            "Songrim",
            "Haeju",
            "Dunai",
            "Vostochny",
            "Nakhodka",
            "Vladivostok",
            "Slavyanka",
            "Posyet",
            "Longkou",
            "Dalian");
    for (Port port : SHIPPED.ports()) {
      double[] box = BOXES.get(port.country());
      assertThat(box).as(port.name() + " has a known country").isNotNull();
      assertThat(port.lat()).as(port.name() + " latitude").isBetween(box[0], box[1]);
      assertThat(port.lon()).as(port.name() + " longitude").isBetween(box[2], box[3]);
      assertThat(port.source()).as(port.name() + " source").isNotBlank();
    }
  }

  @Test
  void shouldPutNamphosOffingInAnAreaOfInterestAndDalianInNone() {
    // given the offing of Nampho, 20 km west of the port in the Taedong estuary, and Dalian
    Port nampho = port("Nampho");
    double[] offing = Geo.offset(nampho.lat(), nampho.lon(), 250, 20_000);
    Port dalian = port("Dalian");
    // then the first is in the DPRK's west coast waters and the West Korea Bay, Dalian in none
    assertThat(SHIPPED.areasAt(offing[0], offing[1]))
        .extracting(Area::name)
        .containsExactlyInAnyOrder("DPRK west coast waters", "West Korea Bay");
    assertThat(SHIPPED.areasAt(dalian.lat(), dalian.lon())).isEmpty();
    // and every DPRK port lies in an area, no Russian or Chinese one does
    for (Port port : SHIPPED.ports()) {
      assertThat(SHIPPED.areasAt(port.lat(), port.lon()).isEmpty())
          .as(port.name())
          .isEqualTo(!port.country().equals("PRK"));
    }
  }

  @Test
  void shouldFindThePortACrewsDestinationNames() {
    // when crews type a destination as they do, then the port is found, or none
    assertThat(SHIPPED.portNamed("NAMPO")).map(Port::name).contains("Nampho");
    assertThat(SHIPPED.portNamed(" nampho, dprk ")).map(Port::name).contains("Nampho");
    assertThat(SHIPPED.portNamed("BUSAN")).isEmpty();
  }

  @Test
  void shouldAddTheUsersOwnPortsAndAreas() throws IOException {
    // given a user's file of ports and one of areas
    Path ports =
        write("mine.csv", GazetteerFiles.PORTS_HEADER, "Yantai,CHN,37.55,121.40,3000,my chart");
    Path areas =
        write(
            "mine.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"name\":\"Box\",\"source\":\"mine\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[121,37],[122,37],[122,38],[121,38],[121,37]]]}}]}");
    // when loaded with the shipped ones
    Gazetteer gazetteer = Gazetteer.load(ports, areas);
    // then both are there besides the shipped places
    assertThat(gazetteer.portAt(37.55, 121.41)).map(Port::name).contains("Yantai");
    assertThat(gazetteer.areasAt(37.5, 121.5)).extracting(Area::name).containsExactly("Box");
    assertThat(gazetteer.ports()).hasSize(SHIPPED.ports().size() + 1);
  }

  @Test
  void shouldRejectABadPortRowNamingTheFileTheLineAndWhatIsWrong() throws IOException {
    // given port files with a latitude out of range, a country that is no code, no source
    Path lat = write("lat.csv", "# mine", GazetteerFiles.PORTS_HEADER, "Far,PRK,95.0,125,3000,x");
    Path country = write("country.csv", GazetteerFiles.PORTS_HEADER, "Far,Korea,39,125,3000,x");
    Path source = write("source.csv", GazetteerFiles.PORTS_HEADER, "Far,PRK,39,125,3000,");
    Path header = write("header.csv", "port,lat,lon", "Far,39,125");
    // then each is refused with file, line and reason
    assertThatThrownBy(() -> Gazetteer.load(lat))
        .hasMessage(lat + ":3: lat 95.0 is outside -90.0 to 90.0");
    assertThatThrownBy(() -> Gazetteer.load(country))
        .hasMessage(country + ":2: country 'Korea' is not an ISO alpha-3 code");
    assertThatThrownBy(() -> Gazetteer.load(source))
        .hasMessageStartingWith(source + ":2: source is empty");
    assertThatThrownBy(() -> Gazetteer.load(header))
        .hasMessageStartingWith(header + ":1: expected the header");
  }

  @Test
  void shouldRejectAnAreaWithoutSourceOrPolygon() throws IOException {
    // given an area without a source and one that is a point
    Path noSource =
        write(
            "a.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"name\":\"Box\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[121,37],[122,37],[122,38],[121,37]]]}}]}");
    Path point =
        write(
            "b.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"name\":\"Spot\",\"source\":\"s\"},\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[121,37]}}]}");
    // then each is refused naming the file and the feature
    assertThatThrownBy(() -> Gazetteer.load(noSource))
        .hasMessage(noSource + ": feature 1 (Box): property source is missing");
    assertThatThrownBy(() -> Gazetteer.load(point))
        .hasMessage(point + ": feature 1 (Spot): geometry is not a Polygon");
  }

  @Test
  void shouldNameTheCountryOfTheDprksAreasAndReadAUsersOwnOrRefuseABadOne() throws IOException {
    // given the shipped areas, a user's area of China's waters and one with a country misspelt
    Path chinese =
        write(
            "cn.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"name\":\"Box\",\"source\":\"mine\",\"country\":\"CHN\"},\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[121,37],[122,37],[122,38],[121,37]]]}}]}");
    Path misspelt =
        write(
            "bad.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"name\":\"Box\",\"source\":\"mine\",\"country\":\"China\"},\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[121,37],[122,37],[122,38],[121,37]]]}}]}");

    // then the DPRK's waters are the DPRK's, the user's area China's, open sea no one's
    Port nampho = port("Nampho");
    double[] offing = Geo.offset(nampho.lat(), nampho.lon(), 250, 20_000);
    assertThat(SHIPPED.countryAt(offing[0], offing[1])).isEqualTo("PRK");
    assertThat(SHIPPED.areas()).extracting(Area::country).containsOnly("PRK");
    assertThat(Gazetteer.load(chinese).countryAt(37.2, 121.7)).isEqualTo("CHN");
    assertThat(SHIPPED.countryAt(36.0, 123.0)).isNull();
    // and the misspelt one is refused naming the file, the feature and the reason
    assertThatThrownBy(() -> Gazetteer.load(misspelt))
        .hasMessage(
            misspelt
                + ": feature 1 (Box): property country China is no ISO 3166-1 alpha-3 code"
                + " (e.g. PRK)");
  }

  private static Port port(String name) {
    return SHIPPED.ports().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), java.util.List.of(lines));
  }
}
