package io.transfermonitor.streams.components;

import io.transfermonitor.streams.fact.Detail;
import io.transfermonitor.streams.fact.Fact;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * The rows of {@code tm.aggregates.components} a component finding adds to, keyed {@code
 * dimension/value}: its maker, its maker's country, the year its component was made and the type of
 * weapon it was found in.
 */
public final class ComponentRows {

  /** The dimensions, in the order a finding's rows are listed. */
  public static final List<String> DIMENSIONS =
      List.of("MAKER", "COUNTRY", "YEAR_MADE", "WEAPON_TYPE");

  /** The value of a dimension the finding does not give. */
  public static final String MISSING = "-";

  private ComponentRows() {}

  /** The rows {@code fact} adds to, each with the fact; none when it is no component finding. */
  public static List<KeyValue<String, Fact>> of(Fact fact) {
    if (!(fact.detail() instanceof Detail.Component c)) {
      return List.of();
    }
    String year =
        c.manufactured() == null
            ? null
            : String.valueOf(
                Instant.ofEpochMilli(c.manufactured()).atZone(ZoneOffset.UTC).getYear());
    return List.of(
        KeyValue.pair(key("MAKER", c.maker()), fact),
        KeyValue.pair(key("COUNTRY", c.makerCountry()), fact),
        KeyValue.pair(key("YEAR_MADE", year), fact),
        KeyValue.pair(key("WEAPON_TYPE", c.weaponType()), fact));
  }

  /** {@code dimension/value}, '/' and '%' inside the value written %2F and %25. */
  public static String key(String dimension, String value) {
    String v = value == null || value.isBlank() ? MISSING : value.trim();
    return dimension + "/" + v.replace("%", "%25").replace("/", "%2F");
  }

  /** The value part of a row key, decoded. */
  public static String value(String key) {
    String v = key.substring(key.indexOf('/') + 1);
    return v.replace("%2F", "/").replace("%25", "%");
  }

  /** The dimension part of a row key. */
  public static String dimension(String key) {
    return key.substring(0, key.indexOf('/'));
  }
}
