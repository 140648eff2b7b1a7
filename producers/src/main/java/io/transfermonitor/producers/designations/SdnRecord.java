package io.transfermonitor.producers.designations;

import io.transfermonitor.model.Address;
import io.transfermonitor.model.Alias;
import io.transfermonitor.model.AliasQuality;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.DesignationType;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One {@code sdnEntry} of OFAC's SDN list, collected element by element as the parser streams it,
 * then turned into a {@link Designation}: id {@code SDN-<uid>}, the programs as the regime ({@code
 * DPRK3; NPWMD}), akas with their category and type as alias quality, the {@code idList} as
 * identifiers (an IMO number from "Vessel Registration Identification", a BIC from "SWIFT/BIC").
 */
final class SdnRecord implements XmlListReader.Record {

  /** The SDN list's name, the {@code source} of every designation loaded from it. */
  static final String SOURCE = "OFAC SDN List";

  /** The repeated groups of an entry: each becomes one map of its fields. */
  static final Set<String> GROUPS =
      Set.of(
          "aka",
          "id",
          "address",
          "nationality",
          "citizenship",
          "dateOfBirthItem",
          "placeOfBirthItem");

  private static final Pattern IMO = Pattern.compile("\\b(\\d{7})\\b");

  private final long line;
  private final RecordFields fields = new RecordFields();
  private final List<String> notes = new ArrayList<>();

  SdnRecord(long line) {
    this.line = line;
  }

  @Override
  public long line() {
    return line;
  }

  /** What a problem report calls this record: {@code sdnEntry uid 36}. */
  @Override
  public String label() {
    String uid = first("uid");
    return "sdnEntry" + (uid != null ? " uid " + uid : "");
  }

  @Override
  public List<String> notes() {
    return notes;
  }

  /** A group is an element of a list element: akaList/aka, idList/id, ... */
  @Override
  public void opened(String tag, int depth) {
    if (depth == 1 && GROUPS.contains(tag)) {
      startGroup();
    }
  }

  @Override
  public void closed(String tag, Deque<String> enclosing, CharSequence text) {
    if (enclosing.size() == 1 && GROUPS.contains(tag)) {
      endGroup(tag);
    } else {
      value(tag, text);
    }
  }

  /** A group element of the entry starts. */
  void startGroup() {
    fields.openGroup();
  }

  /** The group element {@code tag} ends. */
  void endGroup(String tag) {
    fields.closeGroup(tag);
  }

  /** A leaf element {@code tag} ends with {@code text}. */
  void value(String tag, CharSequence text) {
    fields.add(tag, text);
  }

  /**
   * The designation this entry describes.
   *
   * @throws IllegalArgumentException saying why the entry cannot be a designation
   */
  @Override
  public Designation toDesignation() {
    String uid = first("uid");
    if (uid == null) {
      throw new IllegalArgumentException("no uid: a designation needs its number");
    }
    DesignationType type = type(first("sdnType"));
    String name = name(first("firstName"), first("lastName"));
    if (name.isEmpty()) {
      throw new IllegalArgumentException("no name: lastName is empty");
    }
    List<String> programs = fields.all("program");
    if (programs.isEmpty()) {
      throw new IllegalArgumentException("no program: the regime is unknown");
    }
    List<Alias> aliases = aliases();
    List<String> nationalities =
        Stream.concat(countries("nationality"), countries("citizenship")).distinct().toList();
    List<Address> addresses = addresses();
    List<String> parts =
        Stream.of(first("firstName"), first("lastName")).filter(p -> p != null).toList();
    return Designation.newBuilder()
        .setDesignationId("SDN-" + uid)
        .setType(type)
        .setName(name)
        .setNameParts(type == DesignationType.INDIVIDUAL ? parts : List.of())
        .setAliases(aliases.stream().map(Alias::getName).toList())
        .setQualifiedAliases(aliases)
        .setIdentifiers(identifiers())
        .setRegime(String.join("; ", programs))
        .setListedOn(null)
        .setCountry(country(type, nationalities, addresses))
        .setComments(first("remarks"))
        .setSource(SOURCE)
        .setNationalities(nationalities)
        .setAddresses(addresses)
        .build();
  }

  private DesignationType type(String sdnType) {
    String listed = sdnType == null ? "" : sdnType.toLowerCase(Locale.ROOT);
    return switch (listed) {
      case "individual" -> DesignationType.INDIVIDUAL;
      case "entity" -> DesignationType.ENTITY;
      case "vessel" -> DesignationType.VESSEL;
      case "aircraft" -> {
        notes.add("sdnType Aircraft: loaded as an entity (the monitor has no aircraft type)");
        yield DesignationType.ENTITY;
      }
      default ->
          throw new IllegalArgumentException(
              "sdnType '" + sdnType + "' is none of Individual, Entity, Vessel, Aircraft");
    };
  }

  /** "Jong Un" and "KIM": "Jong Un KIM", the given names first as payments write them. */
  private static String name(String first, String last) {
    return Stream.of(first, last)
        .filter(p -> p != null && !p.isBlank())
        .collect(Collectors.joining(" "));
  }

  private List<Alias> aliases() {
    Set<Alias> aliases = new LinkedHashSet<>();
    for (Map<String, String> aka : fields.groups("aka")) {
      String name = name(aka.get("firstName"), aka.get("lastName"));
      if (!name.isEmpty()) {
        aliases.add(new Alias(name, quality(aka.get("type"), aka.get("category"))));
      }
    }
    return List.copyOf(aliases);
  }

  /** A weak aka is weak evidence only, whatever its type; an f.k.a. a former name. */
  private static AliasQuality quality(String type, String category) {
    if (category != null && category.equalsIgnoreCase("weak")) {
      return AliasQuality.LOW;
    }
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("f.k.a")) {
      return AliasQuality.FORMER;
    }
    return AliasQuality.GOOD;
  }

  private List<Identifier> identifiers() {
    Set<Identifier> ids = new LinkedHashSet<>();
    for (Map<String, String> id : fields.groups("id")) {
      String number = id.get("idNumber");
      String idType = id.getOrDefault("idType", "");
      if (number == null) {
        continue;
      }
      IdentifierScheme scheme = scheme(idType);
      if (scheme == IdentifierScheme.IMO) {
        Matcher imo = IMO.matcher(number);
        if (imo.find()) {
          ids.add(new Identifier(IdentifierScheme.IMO, imo.group(1)));
        } else {
          notes.add("idList: '" + idType + "' '" + number + "' holds no 7-digit IMO number");
        }
        continue;
      }
      ids.add(new Identifier(scheme, number));
    }
    return List.copyOf(ids);
  }

  private static IdentifierScheme scheme(String idType) {
    String type = idType.toLowerCase(Locale.ROOT);
    if (type.equals("vessel registration identification") || type.startsWith("imo")) {
      return IdentifierScheme.IMO;
    }
    if (type.contains("swift") || type.equals("bic")) {
      return IdentifierScheme.BIC;
    }
    if (type.contains("mmsi")) {
      return IdentifierScheme.MMSI;
    }
    if (type.contains("passport")) {
      return IdentifierScheme.PASSPORT;
    }
    if (type.contains("national id")
        || type.contains("cedula")
        || type.contains("identification number")) {
      return IdentifierScheme.NATIONAL_ID;
    }
    if (type.contains("registration") || type.contains("company number")) {
      return IdentifierScheme.REGISTRATION;
    }
    return IdentifierScheme.OTHER;
  }

  private Stream<String> countries(String group) {
    return fields.groups(group).stream().map(g -> g.get("country")).filter(c -> c != null);
  }

  private List<Address> addresses() {
    List<Address> addresses = new ArrayList<>();
    for (Map<String, String> address : fields.groups("address")) {
      String street =
          Stream.of(address.get("address1"), address.get("address2"), address.get("address3"))
              .filter(p -> p != null)
              .collect(Collectors.joining(", "));
      if (address.isEmpty() || (street.isEmpty() && address.size() == 1)) {
        continue;
      }
      addresses.add(
          new Address(
              street.isEmpty() ? null : street,
              address.get("city"),
              address.get("stateOrProvince"),
              address.get("postalCode"),
              address.get("country"),
              null));
    }
    return addresses;
  }

  private String country(
      DesignationType type, List<String> nationalities, List<Address> addresses) {
    if (type == DesignationType.VESSEL && first("vesselFlag") != null) {
      return CountryCodes.of(first("vesselFlag"));
    }
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
}
