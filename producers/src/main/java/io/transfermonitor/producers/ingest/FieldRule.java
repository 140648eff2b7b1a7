package io.transfermonitor.producers.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.transfermonitor.producers.jsonl.EventJson;
import io.transfermonitor.producers.jsonl.EventJsonException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How one event field is filled from a source row: from a column (optionally through a value map, a
 * date format, a list separator) or from a constant. In: the row's fields. Out: the JSON value
 * handed to {@link EventJson}, or null to leave the field out.
 *
 * @param path dotted event field, e.g. {@code header.eventTime} or {@code quantity}
 * @param column index of the source column, or -1 for a constant
 * @param columnName name of that column, for error messages
 * @param constant the constant value, when there is no column
 * @param values value map, keys lower-cased and trimmed
 * @param otherwise value when the column is empty
 * @param dateFormat parser for time fields given in a non-ISO format, or null
 * @param datePattern its pattern, for error messages
 * @param split separator of list fields, or null when the field is not a list
 * @param numbers how the column writes numbers, or null when the field is not a number
 */
final class FieldRule {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int DATE_CACHE_SIZE = 4096;

  private final String path;
  private final String[] parts;
  private final int column;
  private final String columnName;
  private final JsonNode constant;
  private final Map<String, JsonNode> values;
  private final JsonNode otherwise;
  private final DateTimeFormatter dateFormat;
  private final String datePattern;
  private final String split;
  private final NumberNotation numbers;
  // source files repeat their dates: parse each distinct one once
  private final Map<String, JsonNode> parsedDates = new HashMap<>();

  FieldRule(
      String path,
      int column,
      String columnName,
      JsonNode constant,
      Map<String, JsonNode> values,
      JsonNode otherwise,
      DateTimeFormatter dateFormat,
      String datePattern,
      String split,
      NumberNotation numbers) {
    this.path = path;
    this.parts = path.split("\\.");
    this.column = column;
    this.columnName = columnName;
    this.constant = constant;
    this.values = Map.copyOf(values);
    this.otherwise = otherwise;
    this.dateFormat = dateFormat;
    this.datePattern = datePattern;
    this.split = split;
    this.numbers = numbers;
  }

  String path() {
    return path;
  }

  /** True when the value comes from a column of {@code row} that is not empty. */
  boolean hasColumnValue(List<String> row) {
    return column >= 0 && !row.get(column).isBlank();
  }

  /** The path split at its dots: {@code header.eventTime} is {@code [header, eventTime]}. */
  String[] parts() {
    return parts;
  }

  JsonNode apply(List<String> row) {
    if (column < 0) {
      return constant;
    }
    String raw = row.get(column).trim();
    if (raw.isEmpty()) {
      return otherwise;
    }
    if (!values.isEmpty()) {
      JsonNode mapped = values.get(lowerCase(raw));
      if (mapped != null) {
        return mapped;
      }
    }
    if (dateFormat != null) {
      JsonNode time = parsedDates.get(raw);
      if (time == null) {
        if (parsedDates.size() >= DATE_CACHE_SIZE) {
          parsedDates.clear();
        }
        time = NODES.numberNode(epochMillis(raw));
        parsedDates.put(raw, time);
      }
      return time;
    }
    if (split != null) {
      ArrayNode items = NODES.arrayNode();
      for (String item : raw.split(Pattern.quote(split))) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
      return items;
    }
    if (numbers != null) {
      return NODES.textNode(number(raw));
    }
    return NODES.textNode(raw);
  }

  private static String lowerCase(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      if (Character.isUpperCase(raw.charAt(i))) {
        return raw.toLowerCase(Locale.ROOT);
      }
    }
    return raw;
  }

  /** {@code raw} read as the column's notation declares, or the row refused saying why. */
  private String number(String raw) {
    try {
      return numbers.plain(raw);
    } catch (IllegalArgumentException e) {
      throw new EventJsonException(
          0,
          path,
          "\""
              + raw
              + "\" in column '"
              + columnName
              + "' does not fit the column's number format ("
              + numbers.describe()
              + ", as in "
              + numbers.example()
              + "): "
              + e.getMessage()
              + " (decimal: and thousands: in the mapping say how the file writes numbers)");
    }
  }

  private long epochMillis(String raw) {
    try {
      return LocalDateTime.parse(raw, dateFormat).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new EventJsonException(
          0,
          path,
          "'"
              + raw
              + "' in column '"
              + columnName
              + "' is not a valid date of format '"
              + datePattern
              + "'");
    }
  }
}
