package io.transfermonitor.streams.screen;

import io.transfermonitor.model.Alias;
import io.transfermonitor.model.AliasQuality;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.DesignationType;
import io.transfermonitor.model.MatchMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * One name a designation is listed under (its name or an alias), with the forms it is compared by.
 *
 * @param designation whose name it is
 * @param asListed the name as the list writes it
 * @param method NAME for the listed name, ALIAS for a good or former alias, WEAK_ALIAS for a
 *     low-quality one
 * @param organization normalized as an organization (entities, vessels) or as a person
 * @param forms the word lists it is compared by ({@link NameNormalizer#forms})
 */
record ListedName(
    Designation designation,
    String asListed,
    MatchMethod method,
    boolean organization,
    List<List<String>> forms) {

  /** Every name of {@code designation}: its own, then its aliases. */
  static List<ListedName> of(Designation designation) {
    boolean organization = designation.getType() != DesignationType.INDIVIDUAL;
    List<ListedName> names = new ArrayList<>();
    add(names, designation, designation.getName(), MatchMethod.NAME, organization);
    if (!designation.getQualifiedAliases().isEmpty()) {
      for (Alias alias : designation.getQualifiedAliases()) {
        MatchMethod method =
            alias.getQuality() == AliasQuality.LOW ? MatchMethod.WEAK_ALIAS : MatchMethod.ALIAS;
        add(names, designation, alias.getName(), method, organization);
      }
    } else {
      // written by the first schema version: aliases without quality count as good ones
      for (String alias : designation.getAliases()) {
        add(names, designation, alias, MatchMethod.ALIAS, organization);
      }
    }
    return names;
  }

  private static void add(
      List<ListedName> names,
      Designation designation,
      String name,
      MatchMethod method,
      boolean organization) {
    List<List<String>> forms = NameNormalizer.forms(name, organization);
    if (!forms.isEmpty()) {
      names.add(new ListedName(designation, name, method, organization, forms));
    }
  }
}
