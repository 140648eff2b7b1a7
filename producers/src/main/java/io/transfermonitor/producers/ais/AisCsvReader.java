package io.transfermonitor.producers.ais;

import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselVoyage;
import io.transfermonitor.producers.ingest.CsvFormatException;
import io.transfermonitor.producers.ingest.CsvReader;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads a CSV of decoded AIS positions through an {@link AisCsvMapping}: each row gives a {@link
 * VesselPosition} and, when any static field has a value, a {@link VesselVoyage} (message type 0,
 * time from the row, {@link TimeSource#CSV_COLUMN}). The AIS "not available" codes become null as
 * for NMEA input; a row without a usable MMSI, time or position, or with a value that does not
 * parse or is out of range, is rejected with its line and reason. Nothing in the file stops it.
 */
public final class AisCsvReader {

  private final AisCsvMapping mapping;

  public AisCsvReader(AisCsvMapping mapping) {
    this.mapping = mapping;
  }

  /**
   * Reads {@code in} to its end, handing each row's results to {@code results}.
   *
   * @throws io.transfermonitor.producers.ingest.MappingException when the header lacks a mapped
   *     column
   */
  public AisSummary read(Reader in, Consumer<AisResult> results) {
    AisSummary summary = new AisSummary();
    CsvReader csv = new CsvReader(in, mapping.delimiter());
    Map<String, Integer> columns = null;
    while (true) {
      try {
        if (!csv.next()) {
          break;
        }
      } catch (CsvFormatException e) {
        summary.line();
        emit(summary, results, reject(e.line(), e.raw(), RejectReason.BAD_VALUE, e.getMessage()));
        continue;
      }
      summary.line();
      if (columns == null) {
        columns = mapping.bind(csv.fields().stream().map(String::strip).toList());
        continue;
      }
      List<AisResult> row = row(csv, columns);
      if (row.get(0) instanceof AisResult.Decoded) {
        summary.decoded(0);
      }
      row.forEach(result -> emit(summary, results, result));
    }
    return summary;
  }

  private static void emit(AisSummary summary, Consumer<AisResult> results, AisResult result) {
    summary.record(result);
    results.accept(result);
  }

  private List<AisResult> row(CsvReader csv, Map<String, Integer> columns) {
    Row row = new Row(csv, columns);
    try {
      String mmsi = row.mmsi();
      Instant time = row.time("time");
      Double latitude = row.number("latitude");
      Double longitude = row.number("longitude");
      if (latitude == null
          || longitude == null
          || AisValues.positionNotAvailable(latitude, longitude)) {
        return List.of(
            reject(csv.line(), csv.raw(), RejectReason.NO_POSITION, "latitude or longitude"));
      }
      String source = row.text("source");
      source = source == null ? mapping.source() : source;
      List<AisResult> out = new ArrayList<>(2);
      try {
        AisValues.checkPosition(latitude, longitude);
        VesselPosition position =
            VesselPosition.newBuilder()
                .setMmsi(mmsi)
                .setTime(time)
                .setLatitude(latitude)
                .setLongitude(longitude)
                .setSpeedKnots(AisValues.speed(row.number("speedKnots")))
                .setCourseDegrees(AisValues.course(row.number("courseDegrees")))
                .setHeadingDegrees(AisValues.heading(row.integer("headingDegrees")))
                .setNavigationStatus(AisValues.navigationStatus(row.integer("navigationStatus")))
                .setMessageType(0)
                .setSource(source)
                .build();
        out.add(decoded(csv, position));
      } catch (IllegalArgumentException e) {
        return List.of(reject(csv.line(), csv.raw(), RejectReason.OUT_OF_RANGE, e.getMessage()));
      }
      VesselVoyage voyage =
          VesselVoyage.newBuilder()
              .setMmsi(mmsi)
              .setTime(time)
              .setImo(imo(row.text("imo")))
              .setName(row.text("name"))
              .setCallSign(row.text("callSign"))
              .setShipType(AisValues.shipType(row.integer("shipType")))
              .setLengthMetres(positive(row.number("lengthMetres")))
              .setBeamMetres(positive(row.number("beamMetres")))
              .setDraughtMetres(AisValues.draught(row.number("draughtMetres")))
              .setDestination(row.text("destination"))
              .setEta(row.eta())
              .setMessageType(0)
              .setSource(source)
              .build();
      if (hasStaticData(voyage)) {
        out.add(decoded(csv, voyage));
      }
      return out;
    } catch (BadValue e) {
      return List.of(reject(csv.line(), csv.raw(), RejectReason.BAD_VALUE, e.getMessage()));
    }
  }

  private static boolean hasStaticData(VesselVoyage v) {
    return v.getImo() != null
        || v.getName() != null
        || v.getCallSign() != null
        || v.getShipType() != null
        || v.getLengthMetres() != null
        || v.getBeamMetres() != null
        || v.getDraughtMetres() != null
        || v.getDestination() != null
        || v.getEta() != null;
  }

  private static String imo(String text) {
    if (text == null) {
      return null;
    }
    try {
      return AisValues.imo(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new BadValue("IMO '" + text + "' is not a number");
    }
  }

  private static Double positive(Double metres) {
    return metres == null || metres <= 0 ? null : metres;
  }

  private static AisResult decoded(CsvReader csv, SpecificRecord record) {
    return new AisResult.Decoded(List.of(csv.line()), record, TimeSource.CSV_COLUMN);
  }

  private static AisResult.Rejected reject(
      long line, String raw, RejectReason reason, String detail) {
    return new AisResult.Rejected(line, raw, reason, detail);
  }

  /** A cell that does not read as its field's type; names the column and the value. */
  private static final class BadValue extends RuntimeException {
    BadValue(String message) {
      super(message, null, false, false);
    }
  }

  /** One row's cells read through the mapping. */
  private final class Row {
    private final CsvReader csv;
    private final Map<String, Integer> columns;

    Row(CsvReader csv, Map<String, Integer> columns) {
      this.csv = csv;
      this.columns = columns;
    }

    /** The mapped, stripped, value-mapped text of {@code field}, or null when not available. */
    String text(String field) {
      AisCsvMapping.Field spec = mapping.fields().get(field);
      Integer index = columns.get(field);
      if (spec == null || index == null || index >= csv.size()) {
        return null;
      }
      String value = csv.get(index).strip();
      if (mapping.notAvailable(value)) {
        return null;
      }
      if (spec.strip() != null && value.startsWith(spec.strip())) {
        value = value.substring(spec.strip().length()).strip();
      }
      String mapped = spec.map().get(value.toLowerCase(Locale.ROOT));
      value = mapped != null ? mapped : value;
      return mapping.notAvailable(value) ? null : value;
    }

    Double number(String field) {
      String text = text(field);
      if (text == null) {
        return null;
      }
      try {
        return Double.parseDouble(text) * mapping.fields().get(field).scale();
      } catch (NumberFormatException e) {
        throw new BadValue(column(field) + ": '" + text + "' is not a number");
      }
    }

    Integer integer(String field) {
      Double number = number(field);
      if (number == null) {
        return null;
      }
      if (number != Math.rint(number)) {
        throw new BadValue(column(field) + ": '" + text(field) + "' is not a whole number");
      }
      return number.intValue();
    }

    String mmsi() {
      String text = text("mmsi");
      if (text == null || !text.matches("\\d{1,9}")) {
        throw new BadValue(column("mmsi") + ": '" + text + "' is no MMSI (up to 9 digits)");
      }
      return AisValues.mmsi(Long.parseLong(text));
    }

    Instant time(String field) {
      String text = text(field);
      if (text == null) {
        throw new BadValue(column(field) + ": no time");
      }
      AisCsvMapping.Field spec = mapping.fields().get(field);
      try {
        return spec.format() == null
            ? Instant.parse(text)
            : LocalDateTime.parse(text, spec.format()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new BadValue(column(field) + ": '" + text + "' is not a time: " + e.getMessage());
      }
    }

    /** ETA as 'MM-dd HH:mm', from a full date-time when the mapping gives its format. */
    String eta() {
      String text = text("eta");
      if (text == null || mapping.fields().get("eta").format() == null) {
        return text;
      }
      Instant eta = time("eta");
      LocalDateTime utc = LocalDateTime.ofInstant(eta, ZoneOffset.UTC);
      return AisMessageDecoder.eta(
          utc.getMonthValue(), utc.getDayOfMonth(), utc.getHour(), utc.getMinute());
    }

    private String column(String field) {
      return "column '" + mapping.fields().get(field).column() + "'";
    }
  }
}
