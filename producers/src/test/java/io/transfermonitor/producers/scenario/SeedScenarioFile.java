package io.transfermonitor.producers.scenario;

import io.transfermonitor.producers.jsonl.EventJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** The committed seed scenario, the one source of its events: every line of the JSONL, in order. */
public final class SeedScenarioFile {

  private SeedScenarioFile() {}

  /** Every event of the bundled file; throws, naming the line, on any line that does not parse. */
  public static List<SpecificRecord> events() {
    List<SpecificRecord> events = new ArrayList<>();
    try (InputStream in = ScenarioReplayer.seed();
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      long number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        events.add(EventJson.read(line, number));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return events;
  }
}
