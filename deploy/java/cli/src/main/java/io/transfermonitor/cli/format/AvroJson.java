package io.transfermonitor.cli.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * An Avro record (alert, case, notification) as one line of JSON for tools: every field by its
 * schema name, nested records as objects, times as ISO-8601 UTC, enums as their symbol.
 */
public final class AvroJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AvroJson() {}

  public static String line(IndexedRecord record) {
    try {
      return JSON.writeValueAsString(toJson(record));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write " + record.getSchema().getName() + " as JSON", e);
    }
  }

  private static JsonNode toJson(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value == null) {
      return f.nullNode();
    }
    if (value instanceof IndexedRecord record) {
      ObjectNode node = f.objectNode();
      for (Schema.Field field : record.getSchema().getFields()) {
        node.set(field.name(), toJson(record.get(field.pos())));
      }
      return node;
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
}
