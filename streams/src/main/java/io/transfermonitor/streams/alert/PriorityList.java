package io.transfermonitor.streams.alert;

import io.transfermonitor.schemas.validation.HsCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The HS codes of the Common High Priority List with their tiers, from the committed copy {@code
 * components/common-high-priority-list.csv} (its source and date are in the file's header). A
 * component found in a weapon whose HS code is listed is marked with its tier.
 */
public final class PriorityList {

  private static final String RESOURCE = "/components/common-high-priority-list.csv";
  private static final PriorityList BUNDLED = load();

  private final Map<String, String> tiers;

  PriorityList(Map<String, String> tiers) {
    this.tiers = Map.copyOf(tiers);
  }

  /** The committed copy. */
  public static PriorityList bundled() {
    return BUNDLED;
  }

  /** The tier of {@code hsCode} ("1", "2", ...), or null when not listed or not an HS code. */
  public String tierOf(String hsCode) {
    String subheading = HsCode.subheading(hsCode);
    return subheading == null ? null : tiers.get(subheading);
  }

  /** How many HS codes the copy lists. */
  public int size() {
    return tiers.size();
  }

  private static PriorityList load() {
    Map<String, String> tiers = new HashMap<>();
    try (InputStream in = PriorityList.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      boolean header = true;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] cells = line.split(",", 3);
        String subheading = HsCode.subheading(cells[0].trim());
        if (subheading == null || cells.length < 2) {
          throw new IllegalStateException(RESOURCE + ": not an HS code and tier: " + line);
        }
        tiers.put(subheading, cells[1].trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new PriorityList(tiers);
  }
}
