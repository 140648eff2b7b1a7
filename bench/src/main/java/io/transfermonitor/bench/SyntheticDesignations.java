package io.transfermonitor.bench;

import io.transfermonitor.bench.SyntheticNames.Style;
import io.transfermonitor.model.Alias;
import io.transfermonitor.model.AliasQuality;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.DesignationType;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic designations added to the UN list ({@code --designations N}), so that the screening
 * stage screens against a list the size of a large national one. Deterministic: the same seed and
 * sizes give the same designations. Half are persons, 40 % entities and 10 % vessels, under the
 * DPRK, Russia, Iran, Syria, Belarus and Al-Qaida regimes, with names from {@link SyntheticNames}
 * and the identifiers lists give: passports, registration numbers, BICs of banks, IMO numbers.
 *
 * <p>None of their identifiers is one the workload's parties carry (registrations {@code REG-<p>},
 * IMO numbers from 9000000, the payments' BICs): IMO numbers are drawn below 9000000 with a valid
 * check digit, registration numbers are digits. The exception, on purpose: every {@code
 * exactHitEvery}-th designation (the {@code k}-th, {@code 2k}-th, ...) is an exact hit, a DPRK
 * designation of a workload party ({@code Bench Trading Party <p>}, {@code REG-<p>}) or vessel
 * ({@code BENCH TANKER <v>}, its IMO number) that the events name, so a few SCREEN alerts fire.
 */
public final class SyntheticDesignations {

  /** The source of every synthetic designation: a list of its own beside the UN's. */
  public static final String SOURCE = "transfer-monitor bench synthetic list";

  /** By default one synthetic designation in this many names a workload party exactly. */
  public static final int EXACT_HIT_EVERY = 1_000;

  private static final LocalDate FIRST_LISTING = LocalDate.of(2006, 10, 14); // UNSCR 1718
  private static final int LISTING_DAYS = 6_650; // to 2024

  /** Where a designation is from: its country, how its names are made, how its ids look. */
  private record Origin(String country, String iso2, String nationality, Style style) {}

  private static final Origin KOREA =
      new Origin("PRK", "KP", "Democratic People's Republic of Korea", Style.KOREAN);
  private static final Origin CHINA = new Origin("CHN", "CN", "China", Style.CHINESE);
  private static final Origin HONG_KONG = new Origin("HKG", "HK", "China", Style.CHINESE);
  private static final Origin RUSSIA = new Origin("RUS", "RU", "Russian Federation", Style.RUSSIAN);
  private static final Origin BELARUS = new Origin("BLR", "BY", "Belarus", Style.RUSSIAN);
  private static final Origin IRAN =
      new Origin("IRN", "IR", "Iran (Islamic Republic of)", Style.ARABIC);
  private static final Origin SYRIA = new Origin("SYR", "SY", "Syrian Arab Republic", Style.ARABIC);
  private static final Origin EMIRATES =
      new Origin("ARE", "AE", "United Arab Emirates", Style.ARABIC);

  /** A regime, its share in percent and where its designations are from. */
  private record Regime(String name, int percent, List<Origin> origins) {}

  private static final List<Regime> REGIMES =
      List.of(
          new Regime("DPRK", 40, List.of(KOREA, KOREA, KOREA, CHINA, HONG_KONG)),
          new Regime("Russia", 25, List.of(RUSSIA, RUSSIA, RUSSIA, EMIRATES, HONG_KONG)),
          new Regime("Iran", 15, List.of(IRAN, IRAN, IRAN, EMIRATES)),
          new Regime("Syria", 8, List.of(SYRIA, SYRIA, EMIRATES)),
          new Regime("Belarus", 5, List.of(BELARUS)),
          new Regime("Al-Qaida", 7, List.of(SYRIA, EMIRATES)));

  private static final String[] FLAGS_OF_CONVENIENCE = {
    "PAN", "SLE", "TGO", "MNG", "CMR", "KNA", "COM", "TZA", "MHL", "LBR"
  };
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String CREDIT_CODE = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private final int count;
  private final int parties;
  private final int vessels;
  private final int exactHitEvery;
  private final SplittableRandom random;
  private final SyntheticNames names;
  private final Set<String> workloadBics = Set.copyOf(Workload.bankBics());

  /**
   * @param count how many designations
   * @param parties the workload's parties (exact hits name one of them)
   * @param vessels the workload's vessels
   * @param seed the seed; the same seed gives the same designations
   * @param exactHitEvery one designation in this many is an exact hit
   */
  public SyntheticDesignations(int count, int parties, int vessels, long seed, int exactHitEvery) {
    if (count < 0 || parties < 1 || vessels < 1 || exactHitEvery < 1) {
      throw new IllegalArgumentException(
          "count must be >= 0, parties, vessels and exactHitEvery >= 1");
    }
    this.count = count;
    this.parties = parties;
    this.vessels = vessels;
    this.exactHitEvery = exactHitEvery;
    // not the workload's own sequence, which starts from the same seed
    this.random = new SplittableRandom(seed).split();
    this.names = new SyntheticNames(random);
  }

  /** {@code count} designations, one in {@value #EXACT_HIT_EVERY} an exact hit. */
  public static List<Designation> of(int count, int parties, int vessels, long seed) {
    return new SyntheticDesignations(count, parties, vessels, seed, EXACT_HIT_EVERY).all();
  }

  /** Every designation, in order. */
  public List<Designation> all() {
    List<Designation> all = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      all.add(next(i));
    }
    return all;
  }

  /** Whether {@code designation} names a workload party or vessel exactly. */
  public static boolean isExactHit(Designation designation) {
    return designation.getIdentifiers().stream()
        .anyMatch(
            id ->
                id.getValue().startsWith("REG-")
                    || (id.getScheme() == IdentifierScheme.IMO && id.getValue().startsWith("9")));
  }

  private Designation next(int index) {
    int hit = (index + 1) % exactHitEvery == 0 ? (index + 1) / exactHitEvery : 0;
    if (hit > 0) {
      return hit % 2 == 1 ? partyHit(index) : vesselHit(index);
    }
    Regime regime = regime();
    Origin origin = regime.origins().get(random.nextInt(regime.origins().size()));
    int type = random.nextInt(10);
    if (type < 5) {
      return person(index, regime, origin);
    }
    return type < 9 ? entity(index, regime, origin) : vessel(index, regime, origin);
  }

  private Regime regime() {
    int u = random.nextInt(100);
    for (Regime regime : REGIMES) {
      if (u < regime.percent()) {
        return regime;
      }
      u -= regime.percent();
    }
    return REGIMES.get(0);
  }

  private Designation person(int index, Regime regime, Origin origin) {
    List<String> parts = names.person(origin.style());
    List<Alias> aliases = new ArrayList<>();
    if (random.nextInt(100) < 35) {
      String variant = SyntheticNames.variant(parts);
      aliases.add(
          variant != null
              ? new Alias(variant, AliasQuality.GOOD)
              : new Alias(String.join(" ", names.person(origin.style())), AliasQuality.LOW));
    }
    List<Identifier> ids = new ArrayList<>();
    if (random.nextInt(100) < 60) {
      ids.add(new Identifier(IdentifierScheme.PASSPORT, passport(origin)));
    }
    if (random.nextInt(100) < 15) {
      ids.add(new Identifier(IdentifierScheme.NATIONAL_ID, digits(10)));
    }
    return builder(index, "i", DesignationType.INDIVIDUAL, String.join(" ", parts), regime, origin)
        .setNameParts(parts)
        .setNationalities(List.of(origin.nationality()))
        .setAliases(aliases.stream().map(Alias::getName).toList())
        .setQualifiedAliases(aliases)
        .setIdentifiers(ids)
        .build();
  }

  private Designation entity(int index, Regime regime, Origin origin) {
    String name = names.entity(origin.style());
    List<Alias> aliases = new ArrayList<>();
    int alias = random.nextInt(100);
    if (alias < 25) {
      aliases.add(new Alias(SyntheticNames.initials(name), AliasQuality.GOOD));
    } else if (alias < 40) {
      aliases.add(new Alias(names.entity(origin.style()), AliasQuality.FORMER));
    }
    List<Identifier> ids = new ArrayList<>();
    String registration = registration(origin);
    if (registration != null && random.nextBoolean()) {
      ids.add(new Identifier(IdentifierScheme.REGISTRATION, registration));
    }
    if (SyntheticNames.isBank(name)) {
      ids.add(new Identifier(IdentifierScheme.BIC, bic(origin)));
    }
    return builder(index, "e", DesignationType.ENTITY, name, regime, origin)
        .setAliases(aliases.stream().map(Alias::getName).toList())
        .setQualifiedAliases(aliases)
        .setIdentifiers(ids)
        .build();
  }

  private Designation vessel(int index, Regime regime, Origin origin) {
    String name = names.vessel();
    List<Alias> former = new ArrayList<>();
    for (int i = random.nextInt(100) < 40 ? 1 + random.nextInt(3) : 0; i > 0; i--) {
      former.add(new Alias(names.vessel(), AliasQuality.FORMER));
    }
    String flag =
        random.nextBoolean()
            ? origin.country()
            : FLAGS_OF_CONVENIENCE[random.nextInt(FLAGS_OF_CONVENIENCE.length)];
    return builder(index, "v", DesignationType.VESSEL, name, regime, origin)
        .setCountry(flag)
        .setAliases(former.stream().map(Alias::getName).toList())
        .setQualifiedAliases(former)
        .setIdentifiers(List.of(new Identifier(IdentifierScheme.IMO, imo())))
        .build();
  }

  /** A DPRK designation of a party the workload's events name, with its registration. */
  private Designation partyHit(int index) {
    int p = random.nextInt(parties);
    return hitBuilder(index, "e", DesignationType.ENTITY, Workload.partyName(p))
        .setCountry(Workload.partyCountry(p))
        .setIdentifiers(
            List.of(new Identifier(IdentifierScheme.REGISTRATION, Workload.partyRegistration(p))))
        .build();
  }

  /** A DPRK designation of a vessel the workload's tanker deliveries name, with its IMO number. */
  private Designation vesselHit(int index) {
    int v = random.nextInt(vessels);
    return hitBuilder(index, "v", DesignationType.VESSEL, Workload.vesselName(v))
        .setCountry(Workload.vesselFlag(v))
        .setIdentifiers(List.of(new Identifier(IdentifierScheme.IMO, Workload.imo(v))))
        .build();
  }

  private Designation.Builder hitBuilder(
      int index, String kind, DesignationType type, String name) {
    return Designation.newBuilder()
        .setDesignationId(id(index, kind))
        .setType(type)
        .setName(name)
        .setRegime("DPRK")
        .setListedOn(listedOn())
        .setSource(SOURCE);
  }

  private Designation.Builder builder(
      int index, String kind, DesignationType type, String name, Regime regime, Origin origin) {
    return Designation.newBuilder()
        .setDesignationId(id(index, kind))
        .setType(type)
        .setName(name)
        .setRegime(regime.name())
        .setListedOn(listedOn())
        .setCountry(origin.country())
        .setSource(SOURCE);
  }

  /** E.g. {@code SYNe.000042}: like the UN's {@code KPe.042}, in a namespace of its own. */
  private static String id(int index, String kind) {
    return String.format(Locale.ROOT, "SYN%s.%06d", kind, index + 1);
  }

  private LocalDate listedOn() {
    return FIRST_LISTING.plusDays(random.nextInt(LISTING_DAYS));
  }

  /** A 7-digit IMO number below 9000000 (the workload's start there) with a valid check digit. */
  private String imo() {
    int six = 100_000 + random.nextInt(800_000); // 1000000 to 8999999 with the check digit
    int sum = 0;
    int n = six;
    for (int weight = 2; weight <= 7; weight++) {
      sum += (n % 10) * weight;
      n /= 10;
    }
    return Integer.toString(six * 10 + sum % 10);
  }

  private String passport(Origin origin) {
    return switch (origin.style()) {
      case KOREAN -> (random.nextInt(5) == 0 ? "PD" : "") + digits(9);
      case CHINESE -> "E" + digits(8);
      case RUSSIAN -> digits(9);
      case ARABIC -> letters(1) + digits(8);
    };
  }

  /** A company registration number as the origin writes it; none for the DPRK's. */
  private String registration(Origin origin) {
    return switch (origin.country()) {
      case "RUS", "BLR" -> (random.nextBoolean() ? "1" : "5") + digits(12); // OGRN
      case "CHN" -> "91" + chars(CREDIT_CODE, 16); // unified social credit code
      case "HKG" -> digits(7);
      case "IRN" -> "10" + digits(9);
      case "SYR", "ARE" -> digits(6);
      default -> null;
    };
  }

  /** A BIC of the origin's country that none of the workload's banks has. */
  private String bic(Origin origin) {
    String bic;
    do {
      bic = letters(4) + origin.iso2() + chars(LETTERS + "0123456789", 2);
    } while (workloadBics.contains(bic));
    return bic;
  }

  private String digits(int length) {
    StringBuilder out = new StringBuilder(length);
    out.append((char) ('1' + random.nextInt(9)));
    for (int i = 1; i < length; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  private String letters(int length) {
    return chars(LETTERS, length);
  }

  private String chars(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
