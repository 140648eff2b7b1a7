package io.transfermonitor.producers.designations;

import com.fasterxml.jackson.databind.JsonNode;
import io.transfermonitor.model.Address;
import io.transfermonitor.model.Alias;
import io.transfermonitor.model.AliasQuality;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.DesignationType;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One target entity of a FollowTheMoney file and the entities about it (its {@code Sanction}s,
 * {@code Identification}s, {@code Passport}s), turned into a {@link Designation}: the entity id as
 * designation id; {@code name} (the {@code caption} first), {@code alias} and the other names as
 * good aliases, {@code previousName} as former, {@code weakAlias} as low-quality ones; {@code
 * imoNumber}, {@code mmsi}, {@code swiftBic}, {@code registrationNumber}, {@code innCode}, {@code
 * passportNumber}, {@code idNumber} as identifiers; the sanctions' programs as the regime, or else
 * the datasets; the earliest listing or start date; the source {@link FtmSource}.
 */
final class FtmEntity {

  private static final Map<String, DesignationType> PARTIES =
      Map.of(
          "Person", DesignationType.INDIVIDUAL,
          "Organization", DesignationType.ENTITY,
          "Company", DesignationType.ENTITY,
          "LegalEntity", DesignationType.ENTITY,
          "PublicBody", DesignationType.ENTITY,
          "Vessel", DesignationType.VESSEL,
          "Airplane", DesignationType.ENTITY);

  /** Identifier properties and their schemes, in the order they are listed. */
  private static final List<Map.Entry<String, IdentifierScheme>> IDENTIFIERS =
      List.of(
          Map.entry("imoNumber", IdentifierScheme.IMO),
          Map.entry("mmsi", IdentifierScheme.MMSI),
          Map.entry("swiftBic", IdentifierScheme.BIC),
          Map.entry("registrationNumber", IdentifierScheme.REGISTRATION),
          Map.entry("innCode", IdentifierScheme.REGISTRATION),
          Map.entry("ogrnCode", IdentifierScheme.REGISTRATION),
          Map.entry("taxNumber", IdentifierScheme.OTHER),
          Map.entry("passportNumber", IdentifierScheme.PASSPORT),
          Map.entry("idNumber", IdentifierScheme.NATIONAL_ID));

  private static final Pattern IMO = Pattern.compile("(\\d{7})");

  private final long line;
  private final String id;
  private final JsonNode entity;
  private final JsonNode properties;
  private final List<String> notes = new ArrayList<>();

  FtmEntity(long line, String id, JsonNode entity) {
    this.line = line;
    this.id = id;
    this.entity = entity;
    this.properties = entity.path("properties");
  }

  /** True for the schemas a designation can be: persons, organizations, vessels. */
  static boolean isParty(String schema) {
    return PARTIES.containsKey(schema);
  }

  /** The entity a Sanction, Identification or Passport is about; null for any other. */
  static String subject(JsonNode entity) {
    String property =
        switch (entity.path("schema").asText()) {
          case "Sanction" -> "entity";
          case "Identification", "Passport" -> "holder";
          default -> null;
        };
    if (property == null) {
      return null;
    }
    JsonNode subject = entity.path("properties").path(property).path(0);
    return subject.isTextual() ? subject.asText() : subject.path("id").asText(null);
  }

  long line() {
    return line;
  }

  String id() {
    return id;
  }

  /** What a problem report calls it: {@code Company NK-abc}. */
  String label() {
    return entity.path("schema").asText() + " " + id;
  }

  List<String> notes() {
    return notes;
  }

  /**
   * The designation, with what {@code adjacent} (its sanctions and identity documents) adds.
   *
   * @throws IllegalArgumentException saying why the entity cannot be a designation
   */
  Designation toDesignation(List<JsonNode> adjacent) {
    String schema = entity.path("schema").asText();
    DesignationType type = PARTIES.get(schema);
    List<String> names = values(properties, "name");
    String caption = entity.path("caption").asText("").strip();
    String name = !names.isEmpty() ? names.get(0) : caption;
    if (names.contains(caption)) {
      name = caption;
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("no name: \"properties\".\"name\" is empty");
    }
    List<JsonNode> sanctions =
        adjacent.stream().filter(a -> a.path("schema").asText().equals("Sanction")).toList();
    List<String> datasets = new ArrayList<>();
    entity.path("datasets").forEach(d -> datasets.add(d.asText()));
    List<Alias> aliases = aliases(name, names);
    List<String> nationalities = values(properties, "nationality");
    return Designation.newBuilder()
        .setDesignationId(id)
        .setType(type)
        .setName(name)
        .setNameParts(type == DesignationType.INDIVIDUAL ? nameParts() : List.of())
        .setAliases(aliases.stream().map(Alias::getName).toList())
        .setQualifiedAliases(aliases)
        .setIdentifiers(identifiers(adjacent))
        .setRegime(regime(sanctions, datasets))
        .setListedOn(listedOn(sanctions))
        .setCountry(country(type, nationalities))
        .setComments(first(properties, "notes"))
        .setSource(FtmSource.of(datasets))
        .setNationalities(nationalities)
        .setAddresses(
            values(properties, "address").stream()
                .map(a -> new Address(a, null, null, null, null, null))
                .toList())
        .build();
  }

  private List<Alias> aliases(String name, List<String> names) {
    Set<Alias> aliases = new LinkedHashSet<>();
    Stream.concat(names.stream(), values(properties, "alias").stream())
        .filter(n -> !n.equals(name))
        .forEach(n -> aliases.add(new Alias(n, AliasQuality.GOOD)));
    values(properties, "previousName").forEach(n -> aliases.add(new Alias(n, AliasQuality.FORMER)));
    values(properties, "weakAlias").forEach(n -> aliases.add(new Alias(n, AliasQuality.LOW)));
    return List.copyOf(aliases);
  }

  private List<String> nameParts() {
    return Stream.of("firstName", "secondName", "middleName", "fatherName", "lastName")
        .map(p -> first(properties, p))
        .filter(p -> p != null)
        .toList();
  }

  private List<Identifier> identifiers(List<JsonNode> adjacent) {
    Set<Identifier> ids = new LinkedHashSet<>();
    for (Map.Entry<String, IdentifierScheme> property : IDENTIFIERS) {
      for (String value : values(properties, property.getKey())) {
        identifier(property.getValue(), value, property.getKey()).ifPresent(ids::add);
      }
    }
    for (JsonNode document : adjacent) {
      String schema = document.path("schema").asText();
      if (schema.equals("Passport") || schema.equals("Identification")) {
        String type = first(document.path("properties"), "type");
        boolean passport =
            schema.equals("Passport")
                || (type != null && type.toLowerCase(Locale.ROOT).contains("passport"));
        IdentifierScheme scheme =
            passport ? IdentifierScheme.PASSPORT : IdentifierScheme.NATIONAL_ID;
        values(document.path("properties"), "number")
            .forEach(n -> identifier(scheme, n, schema + " number").ifPresent(ids::add));
      }
    }
    return List.copyOf(ids);
  }

  private Optional<Identifier> identifier(IdentifierScheme scheme, String value, String property) {
    if (scheme != IdentifierScheme.IMO) {
      return Optional.of(new Identifier(scheme, value));
    }
    Matcher imo = IMO.matcher(value);
    if (imo.find()) {
      return Optional.of(new Identifier(IdentifierScheme.IMO, imo.group(1)));
    }
    notes.add(property + " '" + value + "' holds no 7-digit IMO number");
    return Optional.empty();
  }

  /** The programs of its sanctions ({@code programId}, else {@code program}), else its own. */
  private String regime(List<JsonNode> sanctions, List<String> datasets) {
    Set<String> programs = new LinkedHashSet<>();
    for (JsonNode sanction : sanctions) {
      List<String> ids = values(sanction.path("properties"), "programId");
      programs.addAll(ids.isEmpty() ? values(sanction.path("properties"), "program") : ids);
    }
    if (programs.isEmpty()) {
      List<String> own = values(properties, "programId");
      programs.addAll(own.isEmpty() ? values(properties, "program") : own);
    }
    if (programs.isEmpty()) {
      programs.addAll(datasets);
    }
    if (programs.isEmpty()) {
      throw new IllegalArgumentException(
          "no program: neither a Sanction, \"program\" nor \"datasets\" names its list");
    }
    return String.join("; ", programs);
  }

  private LocalDate listedOn(List<JsonNode> sanctions) {
    LocalDate earliest = null;
    for (JsonNode sanction : sanctions) {
      for (String property : List.of("listingDate", "startDate")) {
        for (String value : values(sanction.path("properties"), property)) {
          LocalDate date = date(value, property);
          if (date != null && (earliest == null || date.isBefore(earliest))) {
            earliest = date;
          }
        }
      }
    }
    return earliest;
  }

  private LocalDate date(String value, String property) {
    if (value.length() < 10) {
      return null; // a year or a month only: no day to list it on
    }
    try {
      return LocalDate.parse(value.substring(0, 10));
    } catch (DateTimeParseException e) {
      notes.add("Sanction " + property + " '" + value + "' is not a date (yyyy-MM-dd)");
      return null;
    }
  }

  private String country(DesignationType type, List<String> nationalities) {
    List<String> candidates =
        switch (type) {
          case INDIVIDUAL ->
              concat(
                  nationalities, values(properties, "citizenship"), values(properties, "country"));
          case VESSEL ->
              concat(values(properties, "flag"), values(properties, "country"), List.of());
          case ENTITY ->
              concat(
                  values(properties, "jurisdiction"),
                  values(properties, "country"),
                  values(properties, "mainCountry"));
        };
    return candidates.stream()
        .map(FtmEntity::alpha3)
        .filter(c -> c != null)
        .findFirst()
        .orElse(null);
  }

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    return Stream.of(a, b, c).flatMap(List::stream).toList();
  }

  /** FtM writes countries as ISO alpha-2 codes in lower case ({@code kp}); the monitor alpha-3. */
  private static String alpha3(String code) {
    if (code.length() != 2) {
      return CountryCodes.of(code);
    }
    try {
      String alpha3 = new Locale("", code.toUpperCase(Locale.ROOT)).getISO3Country();
      return alpha3.isEmpty() ? null : alpha3;
    } catch (MissingResourceException e) {
      return null;
    }
  }

  private static String first(JsonNode properties, String property) {
    List<String> values = values(properties, property);
    return values.isEmpty() ? null : values.get(0);
  }

  /** The string values of a property, trimmed, each run of white space one space. */
  private static List<String> values(JsonNode properties, String property) {
    List<String> values = new ArrayList<>();
    JsonNode node = properties.path(property);
    Iterable<JsonNode> items = node.isArray() ? node : List.of(node);
    for (JsonNode value : items) {
      if (value.isTextual()) {
        String text = value.asText().strip().replaceAll("\\s+", " ");
        if (!text.isEmpty() && !values.contains(text)) {
          values.add(text);
        }
      }
    }
    return values;
  }
}
