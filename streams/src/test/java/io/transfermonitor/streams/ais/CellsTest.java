package io.transfermonitor.streams.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CellsTest {

  private final Cells cells = new Cells(0.1);

  @Test
  void shouldSendAPingNearAnEdgeToTheNeighbourAcrossItOnlyWhenWithinTheMargin() {
    // given a column border in the middle of a row (38.4 to 38.5°N)
    double edge = eastEdge(38.45, 124.0);
    double[] near = Geo.offset(38.45, edge, 270, 400);
    double[] far = Geo.offset(38.45, edge, 270, 600);
    String east = cells.home(38.45, edge + 0.001);

    // when / then: 400 m from it reaches the cell beyond, 600 m does not
    assertThat(cells.cellsFor(Ping.at("1", 0, near[0], near[1]), 500))
        .containsExactly(cells.home(near[0], near[1]), east);
    assertThat(cells.cellsFor(Ping.at("1", 0, far[0], far[1]), 500))
        .containsExactly(cells.home(far[0], far[1]));
    assertThat(cells.cellsFor(Ping.at("1", 0, far[0], far[1]), 700)).contains(east);
  }

  @Test
  void shouldSendAPingNearARowBorderToTheRowBeyond() {
    // given a ping 300 m south of the border at 38.5°N
    double[] p = Geo.offset(38.5, 124.05, 180, 300);

    // when
    var reached = cells.cellsFor(Ping.at("1", 0, p[0], p[1]), 500);

    // then
    assertThat(reached)
        .contains(cells.home(p[0], p[1]), cells.home(38.501, p[1]))
        .hasSizeLessThan(4);
  }

  @Test
  void shouldKeepAPingInTheMiddleOfACellToItsHomeCell() {
    Ping ping = Ping.at("1", 0, 38.55, 124.05);

    assertThat(cells.cellsFor(ping, 500)).containsExactly(cells.home(38.55, 124.05));
  }

  @Test
  void shouldMakeNeighboursOfCellsAcrossTheAntimeridian() {
    // given two vessels 300 m apart on either side of 180°
    Ping east = Ping.at("1", 0, 10.0, 179.9990);
    Ping west = Ping.at("2", 0, 10.0, -179.9985);

    // then each reaches the other's home cell, and those are different cells
    assertThat(cells.home(east.lat(), east.lon())).isNotEqualTo(cells.home(west.lat(), west.lon()));
    assertThat(cells.cellsFor(east, 500)).contains(cells.home(west.lat(), west.lon()));
    assertThat(cells.cellsFor(west, 500)).contains(cells.home(east.lat(), east.lon()));
    assertThat(cells.home(10.0, 180.0)).isEqualTo(cells.home(10.0, -180.0));
  }

  @Test
  void shouldKeepCellsAtLeastAsWideAsTallNearThePoles() {
    // given a ping at 89.97°N: the cap of 500 m around it holds the pole
    Ping nearPole = Ping.at("1", 0, 89.97, 30);

    // when
    var reached = cells.cellsFor(nearPole, 500);

    // then a handful of cells, not thousands of slivers
    assertThat(reached).hasSizeLessThan(10).contains(cells.home(89.99, -150));
    // and at 80°N a 500 m margin still touches no more than a 3 by 3 block
    assertThat(cells.cellsFor(Ping.at("1", 0, 80.0004, 20.0004), 500)).hasSizeLessThanOrEqualTo(9);
  }

  @Test
  void shouldBringAnyTwoVesselsWithin500MetresTogetherInEachOnesHomeCell() {
    // given random pairs all over the globe, poles and antimeridian included
    Random random = new Random(23);
    for (int i = 0; i < 20_000; i++) {
      double lat = -90 + 180 * random.nextDouble();
      double lon = -180 + 360 * random.nextDouble();
      double[] b = Geo.offset(lat, lon, 360 * random.nextDouble(), 499 * random.nextDouble());
      Ping pa = Ping.at("a", 0, lat, lon);
      Ping pb = Ping.at("b", 0, b[0], b[1]);

      // then
      assertThat(cells.cellsFor(pb, 500)).contains(cells.home(lat, lon));
      assertThat(cells.cellsFor(pa, 500)).contains(cells.home(b[0], b[1]));
    }
  }

  /** The longitude where the cell of ({@code lat}, {@code lon}) ends to the east, to 1e-9°. */
  private double eastEdge(double lat, double lon) {
    String home = cells.home(lat, lon);
    double inside = lon;
    double outside = lon + 1;
    while (outside - inside > 1e-9) {
      double mid = (inside + outside) / 2;
      if (cells.home(lat, mid).equals(home)) {
        inside = mid;
      } else {
        outside = mid;
      }
    }
    return outside;
  }
}
