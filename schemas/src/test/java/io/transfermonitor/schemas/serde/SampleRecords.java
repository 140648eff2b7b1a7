package io.transfermonitor.schemas.serde;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Fills every field of a generated record with a value that differs from its default: the last enum
 * symbol, the non-null branch of each union, two array items, distinct numbers and strings. A round
 * trip through such a record exercises every field of the schema.
 */
final class SampleRecords {

  private int counter;

  private SampleRecords() {}

  static <T extends SpecificRecord> T of(Class<T> type) {
    Schema schema = SpecificData.get().getSchema(type);
    return type.cast(new SampleRecords().value(schema, schema.getName()));
  }

  private Object value(Schema schema, String name) {
    counter++;
    LogicalType logical = schema.getLogicalType();
    return switch (schema.getType()) {
      case RECORD -> record(schema);
      case ENUM ->
          SpecificData.get()
              .createEnum(schema.getEnumSymbols().get(schema.getEnumSymbols().size() - 1), schema);
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        items.add(value(schema.getElementType(), name));
        items.add(value(schema.getElementType(), name));
        yield items;
      }
      case MAP -> {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put(name + "-key", value(schema.getValueType(), name));
        yield entries;
      }
      case UNION -> value(nonNullBranch(schema), name);
      case STRING -> name + "-" + counter;
      case BYTES -> ByteBuffer.wrap((name + "-" + counter).getBytes(StandardCharsets.UTF_8));
      case INT ->
          logical != null && logical.getName().equals("date")
              ? LocalDate.of(2024, 1, 1).plusDays(counter)
              : 1000 + counter;
      case LONG ->
          logical != null && logical.getName().startsWith("timestamp")
              ? Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * counter)
              : 1_000_000L + counter;
      case FLOAT -> counter + 0.25f;
      case DOUBLE -> counter + 0.5;
      case BOOLEAN -> counter % 2 == 0;
      case FIXED -> SpecificData.get().createFixed(null, new byte[schema.getFixedSize()], schema);
      case NULL -> null;
    };
  }

  private Object record(Schema schema) {
    SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
    for (Schema.Field field : schema.getFields()) {
      record.put(field.pos(), value(field.schema(), field.name()));
    }
    return record;
  }

  private static Schema nonNullBranch(Schema union) {
    return union.getTypes().stream()
        .filter(s -> s.getType() != Schema.Type.NULL)
        .findFirst()
        .orElseThrow();
  }
}
