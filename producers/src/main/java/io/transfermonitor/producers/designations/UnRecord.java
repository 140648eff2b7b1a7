package io.transfermonitor.producers.designations;

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
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code INDIVIDUAL} or {@code ENTITY} element of the UN consolidated list, collected element
 * by element as the parser streams it, then turned into a {@link Designation}. Repeated groups
 * (aliases, addresses, documents) are kept apart; a {@code VALUE} counts for the element around it
 * ({@code NATIONALITY/VALUE} is a nationality).
 */
final class UnRecord implements XmlListReader.Record {

  /** The UN list's name for itself, the {@code source} of every designation loaded from it. */
  static final String SOURCE = "UN Security Council Consolidated List";

  /**
   * "IMO Number: 1234567", "Company Number IMO 5434358", "(IMO) Number: 1790183", "IMO 9173729".
   */
  private static final Pattern IMO =
      Pattern.compile("\\bIMO\\)?(?:\\s+(?:Number|No\\.?))?\\s*:?\\s*(\\d{7})\\b");

  private static final Set<String> GROUPS =
      Set.of(
          "INDIVIDUAL_ALIAS",
          "ENTITY_ALIAS",
          "INDIVIDUAL_ADDRESS",
          "ENTITY_ADDRESS",
          "INDIVIDUAL_DOCUMENT");

  private final DesignationType type;
  private final long line;
  private final RecordFields fields = new RecordFields();
  private final List<String> notes = new ArrayList<>();
  private String groupTag;

  UnRecord(DesignationType type, long line) {
    this.type = type;
    this.line = line;
  }

  @Override
  public long line() {
    return line;
  }

  /** What a problem report calls this record: its element and reference number (or data id). */
  @Override
  public String label() {
    String ref = first("REFERENCE_NUMBER");
    if (ref != null) {
      return type + " " + ref;
    }
    String dataId = first("DATAID");
    return type + (dataId != null ? " DATAID " + dataId : "");
  }

  /** Values that could not be read, though the record was. */
  @Override
  public List<String> notes() {
    return notes;
  }

  @Override
  public void opened(String tag, int depth) {
    start(tag);
  }

  @Override
  public void closed(String tag, Deque<String> enclosing, CharSequence text) {
    end(tag, enclosing.isEmpty() ? "" : enclosing.peek(), text);
  }

  void start(String tag) {
    if (GROUPS.contains(tag)) {
      fields.openGroup();
      groupTag = tag;
    }
  }

  /** The end of element {@code tag} (inside {@code parent}) whose own text is {@code text}. */
  void end(String tag, String parent, CharSequence text) {
    if (tag.equals(groupTag)) {
      fields.closeGroup(tag.substring(tag.indexOf('_') + 1));
      groupTag = null;
      return;
    }
    fields.add(tag.equals("VALUE") ? parent : tag, text);
  }

  /**
   * The designation this record describes.
   *
   * @throws IllegalArgumentException saying why the record cannot be a designation
   */
  @Override
  public Designation toDesignation() {
    String ref = first("REFERENCE_NUMBER");
    if (ref == null) {
      throw new IllegalArgumentException("no REFERENCE_NUMBER: a designation needs its reference");
    }
    List<String> parts = new ArrayList<>();
    for (String part : List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) {
      String value = first(part);
      if (value != null) {
        parts.add(value);
      }
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("no name: FIRST_NAME is empty");
    }
    String regime = first("UN_LIST_TYPE");
    if (regime == null) {
      throw new IllegalArgumentException("no UN_LIST_TYPE: the list (regime) is unknown");
    }
    List<Alias> aliases = aliases();
    List<String> nationalities = fields.all("NATIONALITY");
    List<Address> addresses = addresses();
    return Designation.newBuilder()
        .setDesignationId(ref)
        .setType(type)
        .setName(String.join(" ", parts))
        .setNameParts(type == DesignationType.INDIVIDUAL ? parts : List.of())
        .setAliases(aliases.stream().map(Alias::getName).toList())
        .setQualifiedAliases(aliases)
        .setIdentifiers(identifiers())
        .setRegime(regime)
        .setListedOn(listedOn())
        .setCountry(country(nationalities, addresses))
        .setComments(first("COMMENTS1"))
        .setSource(SOURCE)
        .setNationalities(nationalities)
        .setAddresses(addresses)
        .build();
  }

  private List<Alias> aliases() {
    Set<Alias> aliases = new LinkedHashSet<>();
    for (Map<String, String> alias : fields.groups("ALIAS")) {
      String name = alias.get("ALIAS_NAME");
      if (name != null) {
        aliases.add(new Alias(unquote(name), quality(alias.get("QUALITY"))));
      }
    }
    for (String original : fields.all("NAME_ORIGINAL_SCRIPT")) {
      aliases.add(new Alias(original, AliasQuality.GOOD));
    }
    return List.copyOf(aliases);
  }

  private static AliasQuality quality(String listed) {
    if (listed == null) {
      return AliasQuality.GOOD;
    }
    return switch (listed.toLowerCase(Locale.ROOT)) {
      case "low" -> AliasQuality.LOW;
      case "f.k.a.", "fka" -> AliasQuality.FORMER;
      default -> AliasQuality.GOOD;
    };
  }

  private List<Identifier> identifiers() {
    Set<Identifier> ids = new LinkedHashSet<>();
    for (Map<String, String> document : fields.groups("DOCUMENT")) {
      String number = document.get("NUMBER");
      if (number != null) {
        ids.add(new Identifier(scheme(document.get("TYPE_OF_DOCUMENT")), number));
      }
    }
    String comments = first("COMMENTS1");
    if (comments != null) {
      Matcher imo = IMO.matcher(comments);
      while (imo.find()) {
        ids.add(new Identifier(IdentifierScheme.IMO, imo.group(1)));
      }
    }
    return List.copyOf(ids);
  }

  private static IdentifierScheme scheme(String documentType) {
    String type = documentType == null ? "" : documentType.toLowerCase(Locale.ROOT);
    if (type.contains("passport") || type.contains("passeport") || type.contains("pasaporte")) {
      return IdentifierScheme.PASSPORT;
    }
    if (type.contains("national") || type.contains("identity")) {
      return IdentifierScheme.NATIONAL_ID;
    }
    return IdentifierScheme.OTHER;
  }

  private List<Address> addresses() {
    List<Address> addresses = new ArrayList<>();
    for (Map<String, String> address : fields.groups("ADDRESS")) {
      if (address.isEmpty()) {
        continue;
      }
      addresses.add(
          new Address(
              address.get("STREET"),
              address.get("CITY"),
              address.get("STATE_PROVINCE"),
              address.get("ZIP_CODE"),
              address.get("COUNTRY"),
              address.get("NOTE")));
    }
    return addresses;
  }

  private LocalDate listedOn() {
    String listed = first("LISTED_ON");
    if (listed == null) {
      return null;
    }
    try {
      return LocalDate.parse(listed.length() > 10 ? listed.substring(0, 10) : listed);
    } catch (DateTimeParseException e) {
      notes.add("LISTED_ON '" + listed + "' is not a date (yyyy-MM-dd)");
      return null;
    }
  }

  private String country(List<String> nationalities, List<Address> addresses) {
    if (type == DesignationType.INDIVIDUAL) {
      return nationalities.isEmpty() ? null : CountryCodes.of(nationalities.get(0));
    }
    return addresses.stream()
        .map(a -> CountryCodes.of(a.getCountry()))
        .filter(code -> code != null)
        .findFirst()
        .orElse(null);
  }

  private String first(String field) {
    return fields.first(field);
  }

  /** The list quotes a few aliases: {@code "KOMID"} is the alias KOMID. */
  private static String unquote(String name) {
    if (name.length() > 2 && name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1).strip();
    }
    return name;
  }
}
