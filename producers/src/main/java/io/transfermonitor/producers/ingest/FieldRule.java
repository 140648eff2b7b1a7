package io.transfermonitor.producers.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.transfermonitor.producers.jsonl.EventJsonException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one event field is filled from a source row: from a column (optionally through a value map, a
 * date format, a list separator) or from a constant. In: the row's fields. Out: the JSON value
 * handed to {@link io.transfermonitor.producers.jsonl.EventJson}, or null to leave the field out.
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
 * @param thousands thousands separator to drop from numbers, or null
 */
record FieldRule(
    String path,
    int column,
    String columnName,
    JsonNode constant,
    Map<String, JsonNode> values,
    JsonNode otherwise,
    DateTimeFormatter dateFormat,
    String datePattern,
    String split,
    String thousands) {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  JsonNode apply(List<String> row) {
    if (column < 0) {
      return constant;
    }
    String raw = row.get(column).trim();
    if (raw.isEmpty()) {
      return otherwise;
    }
    if (!values.isEmpty()) {
      JsonNode mapped = values.get(raw.toLowerCase(Locale.ROOT));
      if (mapped != null) {
        return mapped;
      }
    }
    if (dateFormat != null) {
      return NODES.textNode(time(raw));
    }
    if (split != null) {
      ArrayNode items = NODES.arrayNode();
      for (String item : raw.split(java.util.regex.Pattern.quote(split))) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
      return items;
    }
    if (thousands != null) {
      raw = raw.replace(thousands, "");
    }
    return NODES.textNode(raw);
  }

  private String time(String raw) {
    try {
      return LocalDateTime.parse(raw, dateFormat).toInstant(ZoneOffset.UTC).toString();
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
