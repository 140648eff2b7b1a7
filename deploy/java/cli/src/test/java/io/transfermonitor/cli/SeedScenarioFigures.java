package io.transfermonitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transfermonitor.producers.scenario.ScenarioReplayer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Figures counted straight from the seed scenario file, line by line, for the tests to hold the
 * dashboard against: container shipments per ISO week (UTC), troops and workers per year.
 */
final class SeedScenarioFigures {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<JsonNode> events;

  private SeedScenarioFigures(List<JsonNode> events) {
    this.events = events;
  }

  static SeedScenarioFigures read() throws IOException {
    List<JsonNode> events = new ArrayList<>();
    try (InputStream seed = ScenarioReplayer.seed();
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(seed, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          events.add(JSON.readTree(line));
        }
      }
    }
    return new SeedScenarioFigures(events);
  }

  /** Container shipments in all. */
  long containerShipments() {
    return of("container-shipment").size();
  }

  /** The ISO week with the most container shipments (the earliest of equals), e.g. 2024-W10. */
  String busiestContainerWeek() {
    Map<String, Long> perWeek =
        of("container-shipment").stream()
            .collect(Collectors.groupingBy(this::isoWeek, TreeMap::new, Collectors.counting()));
    return perWeek.entrySet().stream()
        .max(
            Comparator.comparing(Map.Entry<String, Long>::getValue)
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .orElseThrow()
        .getKey();
  }

  /** Container shipments whose event time falls in {@code week}. */
  long containerShipments(String week) {
    return of("container-shipment").stream().filter(e -> isoWeek(e).equals(week)).count();
  }

  /** Containers they carried. */
  double containers(String week) {
    return of("container-shipment").stream()
        .filter(e -> isoWeek(e).equals(week))
        .mapToDouble(e -> e.get("containers").asDouble())
        .sum();
  }

  /** Troops deployed in the calendar year {@code year} (UTC). */
  double personnel(int year) {
    return sum("troop-deployment", "personnel", year);
  }

  /** Workers dispatched in the calendar year {@code year} (UTC). */
  double workers(int year) {
    return sum("worker-dispatch", "workers", year);
  }

  private double sum(String type, String field, int year) {
    return of(type).stream()
        .filter(e -> time(e).getYear() == year)
        .mapToDouble(e -> e.get(field).asDouble())
        .sum();
  }

  private List<JsonNode> of(String type) {
    return events.stream().filter(e -> e.get("type").asText().equals(type)).toList();
  }

  private String isoWeek(JsonNode event) {
    return isoWeek(time(event).toInstant());
  }

  /** The ISO week of {@code time} in UTC, as the dashboard writes it: {@code 2024-W47}. */
  static String isoWeek(Instant time) {
    ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
    return String.format(
        Locale.ROOT,
        "%d-W%02d",
        utc.get(IsoFields.WEEK_BASED_YEAR),
        utc.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static ZonedDateTime time(JsonNode event) {
    return Instant.parse(event.get("header").get("eventTime").asText()).atZone(ZoneOffset.UTC);
  }
}
