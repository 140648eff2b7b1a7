package io.transfermonitor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transfermonitor.model.Alert;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;

/**
 * How {@code transfer-monitor alerts} shows an {@link Alert}: a fixed-width table row for people,
 * or one JSON object per line (every field, times as ISO-8601 UTC) for tools.
 */
final class AlertFormat {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String ROW = "%-20s  %-8s  %-11s  %-36s  %-17s  %s";

  private AlertFormat() {}

  static String tableHeader() {
    return String.format(
        Locale.ROOT, ROW, "EVENT TIME", "SEVERITY", "KIND", "RULE", "LEVEL", "MESSAGE");
  }

  static String tableRow(Alert alert) {
    return String.format(
        Locale.ROOT,
        ROW,
        TIME.format(alert.getEventTime()),
        alert.getSeverity(),
        alert.getRuleKind(),
        clip(alert.getRuleId(), 36),
        alert.getLevel() == null ? "-" : clip(alert.getLevel(), 17),
        alert.getMessage());
  }

  static String jsonLine(Alert alert) {
    ObjectNode node = JSON.createObjectNode();
    for (Schema.Field field : alert.getSchema().getFields()) {
      node.set(field.name(), toJson(alert.get(field.pos())));
    }
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write alert " + alert.getAlertId() + " as JSON", e);
    }
  }

  private static JsonNode toJson(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value == null) {
      return f.nullNode();
    }
    if (value instanceof Instant instant) {
      return f.textNode(instant.toString());
    }
    if (value instanceof Double d) {
      return f.numberNode(d);
    }
    if (value instanceof Long l) {
      return f.numberNode(l);
    }
    if (value instanceof Integer i) {
      return f.numberNode(i);
    }
    if (value instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = f.arrayNode();
      list.forEach(item -> array.add(toJson(item)));
      return array;
    }
    return f.textNode(value.toString());
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
