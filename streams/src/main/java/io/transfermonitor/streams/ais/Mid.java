package io.transfermonitor.streams.ais;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The country of an MMSI's Maritime Identification Digits (ITU): 445 is the DPRK, 273 Russia, 412
 * to 414 China. The table is the resource {@code ais/mid.csv}, with its source. Besides a ship's
 * {@code MIDxxxxxx}, the MID is found where ITU-R M.585 puts it in other stations' MMSIs: {@code
 * 0MID} (group), {@code 00MID} (coast station), {@code 111MID} (SAR aircraft), {@code 8MID}
 * (handheld), {@code 98MID} (craft with a parent ship) and {@code 99MID} (aid to navigation).
 */
public final class Mid {

  /** The MID table, a classpath resource. */
  public static final String RESOURCE = "ais/mid.csv";

  private static final Map<String, String> COUNTRIES = table();

  private Mid() {}

  /**
   * ISO alpha-3 of the MMSI's MID; empty when the MMSI is no 9 digits or its MID is unallocated.
   */
  public static Optional<String> country(String mmsi) {
    return mid(mmsi).map(COUNTRIES::get);
  }

  /**
   * Whether the MMSI's MID and a register's flag name different countries: a DPRK vessel sending a
   * Mongolian MMSI, or a ship reflagged without a new MMSI. False when either is unknown.
   */
  public static boolean disagrees(String mmsi, String registerFlag) {
    return registerFlag != null
        && !registerFlag.isBlank()
        && country(mmsi).filter(c -> !c.equals(registerFlag.strip())).isPresent();
  }

  static Optional<String> mid(String mmsi) {
    if (mmsi == null || !mmsi.matches("[0-9]{9}")) {
      return Optional.empty();
    }
    String mid;
    if (mmsi.startsWith("111")) {
      mid = mmsi.substring(3, 6);
    } else if (mmsi.startsWith("00") || mmsi.startsWith("98") || mmsi.startsWith("99")) {
      mid = mmsi.substring(2, 5);
    } else if (mmsi.startsWith("0") || mmsi.startsWith("8")) {
      mid = mmsi.substring(1, 4);
    } else {
      mid = mmsi.substring(0, 3);
    }
    return Optional.of(mid).filter(COUNTRIES::containsKey);
  }

  private static Map<String, String> table() {
    InputStream in = Mid.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("missing resource " + RESOURCE);
    }
    Map<String, String> table = new HashMap<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("mid,")) {
          continue;
        }
        String[] f = line.split(",");
        table.put(f[0].strip(), f[1].strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return Map.copyOf(table);
  }
}
