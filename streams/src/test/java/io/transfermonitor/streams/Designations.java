package io.transfermonitor.streams;

import io.transfermonitor.model.Alias;
import io.transfermonitor.model.AliasQuality;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.DesignationType;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Designations for tests, as the UN consolidated list of November 2020 lists them. */
public final class Designations {

  private Designations() {}

  /** KPe.047, listed 2017-08-05, no aliases besides its acronym. */
  public static Designation foreignTradeBank() {
    return entity("KPe.047", "FOREIGN TRADE BANK (FTB)", LocalDate.of(2017, 8, 5)).build();
  }

  /** KPe.025, listed 2016-03-02, a.k.a. KKBC. */
  public static Designation kwangsonBank() {
    return entity("KPe.025", "KOREA KWANGSON BANKING CORPORATION (KKBC)", LocalDate.of(2016, 3, 2))
        .setAliases(List.of("KKBC"))
        .setQualifiedAliases(List.of(new Alias("KKBC", AliasQuality.GOOD)))
        .build();
  }

  /** KPe.066, registered owner of the tanker YU JONG 2, company number IMO 5434358. */
  public static Designation yujongShipping() {
    return entity("KPe.066", "KOREA YUJONG SHIPPING CO LTD", LocalDate.of(2018, 3, 30))
        .setIdentifiers(List.of(new Identifier(IdentifierScheme.IMO, "5434358")))
        .build();
  }

  /** KPi.033, passport 381310014. */
  public static Designation riWonHo() {
    return Designation.newBuilder()
        .setDesignationId("KPi.033")
        .setType(DesignationType.INDIVIDUAL)
        .setName("RI WON HO")
        .setNameParts(List.of("RI", "WON HO"))
        .setRegime("DPRK")
        .setListedOn(LocalDate.of(2016, 11, 30))
        .setIdentifiers(List.of(new Identifier(IdentifierScheme.PASSPORT, "381310014")))
        .setSource("UN Security Council Consolidated List")
        .build();
  }

  /** QDi.343 (Al-Qaida list), with the low-quality alias Khattab. */
  public static Designation lowAliasIndividual() {
    return Designation.newBuilder()
        .setDesignationId("QDi.343")
        .setType(DesignationType.INDIVIDUAL)
        .setName("SAMIR SALEH ABDULLAH AL-SUWAYLIM")
        .setRegime("Al-Qaida")
        .setAliases(List.of("Khattab"))
        .setQualifiedAliases(List.of(new Alias("Khattab", AliasQuality.LOW)))
        .setSource("UN Security Council Consolidated List")
        .build();
  }

  /** The banks and traders above and a few more DPRK entities, so word weights are realistic. */
  public static List<Designation> dprkSample() {
    List<Designation> all = new ArrayList<>();
    all.add(foreignTradeBank());
    all.add(kwangsonBank());
    all.add(yujongShipping());
    all.add(riWonHo());
    String[][] more = {
      {"KPe.035", "KOREA DAESONG BANK"},
      {"KPe.045", "KORYO BANK"},
      {"KPe.003", "TANCHON COMMERCIAL BANK"},
      {"KPe.023", "DAEDONG CREDIT BANK (DCB)"},
      {"KPe.034", "ILSIM INTERNATIONAL BANK"},
      {"KPe.033", "KOREA UNITED DEVELOPMENT BANK"},
      {"KPe.037", "KOREA FOREIGN TECHNICAL TRADE CENTER"},
      {"KPe.044", "KOREA KUMSAN TRADING CORPORATION"},
      {"KPe.026", "KOREA KWANGSONG TRADING CORPORATION"},
      {"KPe.061", "KOREA ACHIM SHIPPING CO"},
      {"KPe.013", "BANK OF EAST LAND"}
    };
    for (String[] entity : more) {
      all.add(entity(entity[0], entity[1], LocalDate.of(2016, 3, 2)).build());
    }
    return all;
  }

  public static Designation.Builder entity(String id, String name, LocalDate listedOn) {
    return Designation.newBuilder()
        .setDesignationId(id)
        .setType(DesignationType.ENTITY)
        .setName(name)
        .setRegime("DPRK")
        .setListedOn(listedOn)
        .setCountry("PRK")
        .setSource("UN Security Council Consolidated List");
  }
}
