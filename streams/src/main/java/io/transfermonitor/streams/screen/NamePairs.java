package io.transfermonitor.streams.screen;

import io.transfermonitor.model.Designation;
import io.transfermonitor.model.DesignationType;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scores two names against each other exactly as the monitor would score a party named {@code
 * name1} against a designation listed as {@code name2}: same normalization, same forms, same word
 * weights (those of {@code list}). For tuning and for measuring accuracy ({@code transfer-monitor
 * screen --pairs}).
 */
public final class NamePairs {

  private final ScreeningList list;

  /** Pairs scored with the word weights of {@code list}. */
  public NamePairs(ScreeningList list) {
    this.list = list;
  }

  /**
   * The score of {@code name1} against {@code name2} listed as a {@code schema}: {@code Person} (an
   * individual), {@code Vessel}, or {@code Company} / {@code Organization} (an entity); blank means
   * an entity.
   */
  public double score(String name1, String name2, String schema) {
    return match(name1, name2, schema).map(DesignationMatch::score).orElse(0.0);
  }

  /**
   * How {@code name1} matches {@code name2} listed as a {@code schema}: score, method and which
   * parts matched how; empty when it does not reach {@link ScreeningList#FLOOR}.
   */
  public Optional<DesignationMatch> match(String name1, String name2, String schema) {
    DesignationType type = typeOf(schema);
    Designation listed =
        Designation.newBuilder()
            .setDesignationId("pair")
            .setType(type)
            .setName(name2)
            .setRegime("pairs")
            .build();
    return list.narrowedTo(List.of(listed)).screen(name1, EnumSet.of(type)).stream().findFirst();
  }

  /** The designation type a {@code schema} column names. */
  public static DesignationType typeOf(String schema) {
    if (schema == null || schema.isBlank()) {
      return DesignationType.ENTITY;
    }
    return switch (schema.strip().toLowerCase(Locale.ROOT)) {
      case "person", "individual" -> DesignationType.INDIVIDUAL;
      case "vessel" -> DesignationType.VESSEL;
      case "company", "organization", "organisation", "entity", "legalentity" ->
          DesignationType.ENTITY;
      default ->
          throw new IllegalArgumentException(
              "schema '" + schema + "' is not Person, Company, Organization or Vessel");
    };
  }
}
