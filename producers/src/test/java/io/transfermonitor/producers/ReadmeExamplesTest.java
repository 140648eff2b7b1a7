package io.transfermonitor.producers;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.producers.jsonl.EventJson;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.validation.EventValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The examples the README shows are real: they parse, validate and cover every kind. */
class ReadmeExamplesTest {

  @Test
  void shouldParseAndValidateTheReadmeExampleOfEveryKind() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("README.md"));
    List<SpecificRecord> events = new ArrayList<>();
    boolean inBlock = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        inBlock = line.equals("```jsonl");
      } else if (inBlock) {
        events.add(EventJson.read(line, i + 1));
      }
    }

    assertThat(events).extracting(EventTypes::kindOf).contains(EventKind.values());
    assertThat(events)
        .allSatisfy(
            e -> assertThat(new EventValidator().check(e, System.currentTimeMillis())).isEmpty());
  }
}
