package io.transfermonitor.producers.designations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transfermonitor.model.Designation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads FollowTheMoney entities as OpenSanctions exports them ({@code entities.ftm.json}: one JSON
 * object a line, {@code id}, {@code schema}, {@code properties} of string arrays, {@code datasets},
 * {@code target}; or {@code targets.nested.json}, the same with adjacent entities nested in the
 * properties) into {@link Designation}s, one line in memory at a time. A designation is a target of
 * a party schema (Person, Organization, Company, LegalEntity, PublicBody, Vessel, Airplane); the
 * {@code Sanction} entities give its programs and listing date, {@code Identification} and {@code
 * Passport} entities more identifiers ({@link FtmEntity}). Related entities that are not targets
 * (owners, family) are not designations and are left out.
 *
 * <p>A line that is not a JSON object is listed and skipped; a control character written raw in a
 * line is removed and listed with line and column; a file whose first entity has no {@code schema}
 * is refused ({@link ListFormatException}).
 */
public final class FtmListReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FtmListReader() {}

  /** Reads {@code file}; a name ending in {@code .gz} is gunzipped first. */
  public static ListContents read(Path file) throws IOException {
    return ListInput.readFile(file, FtmListReader::read);
  }

  /** Reads the entities in {@code in}; {@code name} names the file in messages. */
  public static ListContents read(InputStream in, String name) throws IOException {
    ListInput input = ListInput.open(in, name);
    Load load = new Load(name);
    BufferedReader lines = new BufferedReader(input.reader());
    long number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (!line.isBlank()) {
        load.line(number, line);
      }
    }
    List<String> warnings = new ArrayList<>();
    input.encodingWarning().ifPresent(warnings::add);
    List<Designation> designations = load.designations();
    return new ListContents(
        name,
        designations,
        load.problems,
        warnings,
        load.repairs,
        FtmSource.scope(load.datasets, designations.stream().map(Designation::getSource).toList()));
  }

  /** One pass over the lines, then the parties put together with their sanctions. */
  private static final class Load {
    private final String name;
    private final List<RecordProblem> problems = new ArrayList<>();
    private final List<Repair> repairs = new ArrayList<>();
    private final Map<String, FtmEntity> parties = new LinkedHashMap<>();
    private final Map<String, List<JsonNode>> adjacent = new HashMap<>();
    private final Set<String> datasets = new LinkedHashSet<>();
    private boolean first = true;

    Load(String name) {
      this.name = name;
    }

    void line(long number, String raw) {
      String line = mended(number, raw);
      JsonNode entity;
      try {
        entity = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        entity = null;
        String why = e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ");
        refuseIfFirst(number, "is not JSON (" + why + ")");
        problems.add(
            new RecordProblem(
                name,
                number,
                "line " + number,
                "not a JSON object: " + why + " at column " + e.getLocation().getColumnNr(),
                true));
        return;
      }
      if (entity == null || !entity.isObject() || !entity.path("schema").isTextual()) {
        refuseIfFirst(number, "has no \"schema\"");
        problems.add(
            new RecordProblem(
                name,
                number,
                "line " + number,
                "not a FollowTheMoney entity: no \"schema\"",
                true));
        return;
      }
      first = false;
      entity.path("datasets").forEach(d -> datasets.add(d.asText()));
      take(number, entity, null);
    }

    /** A party, or an entity adjacent to {@code owner} (nested) or to the one it names. */
    private void take(long number, JsonNode entity, String owner) {
      String schema = entity.path("schema").asText();
      String id = entity.path("id").asText(null);
      if (FtmEntity.isParty(schema)) {
        if (owner != null) {
          return; // a party nested in another (an owner, a vessel's operator) is no target itself
        }
        if (id == null || id.isBlank()) {
          problems.add(
              new RecordProblem(name, number, schema, "no \"id\": a designation needs one", true));
          return;
        }
        if (entity.path("target").isBoolean() && !entity.path("target").asBoolean()) {
          return; // a related entity, not designated itself
        }
        FtmEntity earlier = parties.putIfAbsent(id, new FtmEntity(number, id, entity));
        if (earlier != null) {
          problems.add(
              new RecordProblem(
                  name,
                  number,
                  schema + " " + id,
                  "id already used by the entity at line " + earlier.line(),
                  true));
          return;
        }
        nested(number, entity, id);
        return;
      }
      String subject = owner != null ? owner : FtmEntity.subject(entity);
      if (subject != null) {
        adjacent.computeIfAbsent(subject, k -> new ArrayList<>()).add(entity);
      }
    }

    /** Adjacent entities nested in the properties, as {@code targets.nested.json} has them. */
    private void nested(long number, JsonNode entity, String id) {
      entity
          .path("properties")
          .forEach(
              values ->
                  values.forEach(
                      value -> {
                        if (value.isObject() && value.path("schema").isTextual()) {
                          take(number, value, id);
                        }
                      }));
    }

    List<Designation> designations() {
      List<Designation> designations = new ArrayList<>();
      for (FtmEntity party : parties.values()) {
        try {
          designations.add(party.toDesignation(adjacent.getOrDefault(party.id(), List.of())));
        } catch (IllegalArgumentException e) {
          problems.add(new RecordProblem(name, party.line(), party.label(), e.getMessage(), true));
          continue;
        }
        party
            .notes()
            .forEach(
                note ->
                    problems.add(
                        new RecordProblem(name, party.line(), party.label(), note, false)));
      }
      problems.sort(Comparator.comparingLong(RecordProblem::line));
      return designations;
    }

    private void refuseIfFirst(long number, String what) {
      if (first) {
        throw new ListFormatException(
            name
                + ": not FollowTheMoney entities: line "
                + number
                + ", the first, "
                + what
                + "; an OpenSanctions export (entities.ftm.json) has one entity a line, with"
                + " \"id\", \"schema\" and \"properties\"");
      }
    }

    /**
     * The line without the control characters JSON forbids written raw (a tab may be white space).
     */
    private String mended(long number, String line) {
      StringBuilder kept = null;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c >= 0x20 || c == '\t') {
          if (kept != null) {
            kept.append(c);
          }
          continue;
        }
        if (kept == null) {
          kept = new StringBuilder(line.substring(0, i));
        }
        String code = String.format(Locale.ROOT, "U+%04X", (int) c);
        repairs.add(new Repair(number, i + 1, "control character " + code + " removed"));
      }
      return kept == null ? line : kept.toString();
    }
  }
}
