package io.transfermonitor.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Writes a large tanker-sightings CSV in the shape of {@code
 * producers/examples/osint-tanker-sightings/sightings.csv}, for the ingest pass of the benchmark.
 * Every row is a distinct delivery (its own IMO-date-port key), so every row gets its own event id.
 * Deterministic. With {@code badEvery > 0}, every n-th row carries a negative quantity.
 */
public final class SyntheticCsv {

  private static final String[] VESSELS = {
    "Kumsu 1", "Unha 5", "Chilbo 2", "Mirae 9", "Haebit 3", "Sindo 4", "Ryusong 6", "Tanbi 8"
  };
  private static final String[] PORTS = {"Nampo", "Chongjin", "Rajin"};
  private static final String[] THREE_DIGITS = new String[1000];

  static {
    for (int i = 0; i < THREE_DIGITS.length; i++) {
      THREE_DIGITS[i] = String.format("%03d", i);
    }
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private SyntheticCsv() {}

  /** Writes {@code rows} data rows (plus the header row) to {@code file}. */
  public static void write(Path file, long rows, long badEvery) throws IOException {
    String[] days = new String[366];
    for (int d = 0; d < days.length; d++) {
      days[d] = LocalDate.of(2024, 1, 1).plusDays(d).format(DAY);
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "date,vessel,imo,flag,port,est_barrels,ship_to_ship,counterpart,counterpart_flag\n");
      StringBuilder row = new StringBuilder(96);
      for (long i = 0; i < rows; i++) {
        boolean shipToShip = i % 50 == 7;
        long barrels = 20_000 + (i * 7919) % 10_001;
        if (badEvery > 0 && i % badEvery == badEvery - 1) {
          barrels = -barrels;
        }
        row.setLength(0);
        row.append(days[(int) (i % days.length)])
            .append(',')
            .append(VESSELS[(int) (i % VESSELS.length)])
            .append(',')
            .append(9_000_000 + i % 1_000_000)
            .append(",KP,")
            .append(PORTS[(int) ((i / 1_000_000) % PORTS.length)])
            .append(",\"")
            .append(barrels / 1000)
            .append(',')
            .append(THREE_DIGITS[(int) Math.abs(barrels % 1000)])
            .append("\",")
            .append(shipToShip ? "yes,Sever 12,RU" : "no,,")
            .append('\n');
        out.append(row);
      }
    }
  }
}
