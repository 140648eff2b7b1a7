package io.transfermonitor.producers.vessels;

import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.producers.designations.CountryCodes;
import io.transfermonitor.producers.ingest.CsvReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one register row (text by field name) into a {@link VesselRecord}, or says why it cannot. A
 * row needs an IMO number (seven digits) or an MMSI (nine digits), since one of them is its key; a
 * flag must be an ISO 3166-1 alpha-3 code or a country name ({@link CountryCodes}); a deadweight
 * must be a positive number of tonnes. Empty cells are no value, and so are an IMO number or MMSI
 * of zeros (what AIS sends for "none").
 *
 * <p>An IMO number whose check digit is wrong is loaded as given, with a warning: real registers
 * and sanctions lists carry such numbers, and a vessel left out of the register would be a vessel
 * the monitor cannot recognise. The warning says which digit the first six call for.
 */
public final class VesselValidator {

  private static final Pattern IMO_PREFIX = Pattern.compile("(?i)^imo[\\s:.#-]*");
  private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

  private VesselValidator() {}

  /** Something about one field of a row: why it was rejected, or what to know about it. */
  public record FieldProblem(String field, String reason) {}

  /** What a row gives. */
  public sealed interface Outcome permits Valid, Invalid {}

  /**
   * A vessel for the register.
   *
   * @param warnings what was loaded although doubtful (a wrong IMO check digit)
   */
  public record Valid(VesselRecord vessel, List<FieldProblem> warnings) implements Outcome {

    public Valid {
      warnings = List.copyOf(warnings);
    }
  }

  /** A row that gives no vessel, and the first reason why. */
  public record Invalid(FieldProblem problem) implements Outcome {}

  /**
   * Checks one row.
   *
   * @param values the row's text by field name ({@link VesselMapping#FIELDS}); a field that is not
   *     mapped is absent
   * @param source the register the row comes from, for {@code VesselRecord.source}
   */
  public static Outcome check(Map<String, String> values, String source) {
    for (Map.Entry<String, String> value : values.entrySet()) {
      if (value.getValue() != null && value.getValue().indexOf(CsvReader.NOT_UTF8) >= 0) {
        return invalid(value.getKey(), "holds bytes that are not UTF-8");
      }
    }
    List<FieldProblem> warnings = new ArrayList<>();
    String imo = identifier(values.get("imo"), IMO_PREFIX);
    if (imo != null && !ImoNumber.isSevenDigits(imo)) {
      return invalid("imo", "must be a seven-digit IMO number, was '" + values.get("imo") + "'");
    }
    if (imo != null && !ImoNumber.hasValidCheckDigit(imo)) {
      warnings.add(
          new FieldProblem(
              "imo",
              "IMO "
                  + imo
                  + ": check digit "
                  + imo.charAt(6)
                  + ", the first six digits call for "
                  + ImoNumber.expectedCheckDigit(imo)
                  + "; loaded as given"));
    }
    String mmsi = identifier(values.get("mmsi"), null);
    if (mmsi != null && !nineDigits(mmsi)) {
      return invalid("mmsi", "must be a nine-digit MMSI, was '" + values.get("mmsi") + "'");
    }
    if (imo == null && mmsi == null) {
      return invalid("imo", "no IMO number and no MMSI: a vessel needs one of them as its key");
    }
    String flagText = text(values.get("flag"));
    String flag = flag(flagText);
    if (flagText != null && flag == null) {
      return invalid(
          "flag", "'" + flagText + "' is neither an ISO 3166-1 alpha-3 code nor a country name");
    }
    String deadweightText = text(values.get("deadweightTonnes"));
    Double deadweight = null;
    if (deadweightText != null) {
      deadweight = number(deadweightText);
      if (deadweight == null) {
        return invalid(
            "deadweightTonnes", "must be a number of tonnes, was '" + deadweightText + "'");
      }
      if (deadweight <= 0) {
        return invalid("deadweightTonnes", "must be positive, was " + deadweightText);
      }
    }
    VesselRecord vessel =
        VesselRecord.newBuilder()
            .setImo(imo)
            .setMmsi(mmsi)
            .setName(text(values.get("name")))
            .setFlag(flag)
            .setShipType(text(values.get("shipType")))
            .setDeadweightTonnes(deadweight)
            .setOwner(text(values.get("owner")))
            .setManager(text(values.get("manager")))
            .setSource(source)
            .build();
    return new Valid(vessel, warnings);
  }

  private static Invalid invalid(String field, String reason) {
    return new Invalid(new FieldProblem(field, reason));
  }

  private static String text(String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** The identifier's digits (a prefix such as "IMO " dropped), or null for none or all zeros. */
  private static String identifier(String value, Pattern prefix) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    if (prefix != null) {
      text = prefix.matcher(text).replaceFirst("");
    }
    return text.chars().allMatch(c -> c == '0') ? null : text;
  }

  private static boolean nineDigits(String text) {
    return text.length() == 9 && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static String flag(String text) {
    if (text == null) {
      return null;
    }
    String code = text.toUpperCase(Locale.ROOT);
    return CountryCodes.isAlpha3(code) ? code : CountryCodes.of(text);
  }

  private static Double number(String text) {
    // digits only, with a thousands comma at most: Java would also read "1e3", "0x1p3" or "NaN"
    String plain = THOUSANDS.matcher(text).matches() ? text.replace(",", "") : text;
    return DECIMAL.matcher(plain).matches() ? Double.valueOf(plain) : null;
  }
}
