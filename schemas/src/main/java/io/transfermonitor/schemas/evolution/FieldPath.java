package io.transfermonitor.schemas.evolution;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Turns the location Avro's compatibility check reports (a JSON pointer into the reader schema,
 * such as {@code /fields/0/type/fields/7/type}) into the field names a person looks for ({@code
 * header.confidence}).
 */
final class FieldPath {

  private FieldPath() {}

  static String of(Schema reader, String location) {
    List<String> names = new ArrayList<>();
    Schema at = reader;
    String[] steps = location.split("/");
    for (int i = 0; i < steps.length && at != null; i++) {
      String step = steps[i];
      if (step.equals("fields") && i + 1 < steps.length && at.getType() == Schema.Type.RECORD) {
        int pos = Integer.parseInt(steps[++i]);
        if (pos >= at.getFields().size()) {
          break;
        }
        Schema.Field field = at.getFields().get(pos);
        names.add(field.name());
        at = field.schema();
      } else if (step.equals("items") && at.getType() == Schema.Type.ARRAY) {
        at = at.getElementType();
      } else if (step.equals("values") && at.getType() == Schema.Type.MAP) {
        at = at.getValueType();
      } else if (step.matches("\\d+") && at.getType() == Schema.Type.UNION) {
        // the index is the writer's branch; the reader's union holds the record we follow, if any
        at =
            at.getTypes().stream()
                .filter(s -> s.getType() == Schema.Type.RECORD)
                .findFirst()
                .orElse(null);
      }
      // "type" steps (and anything unknown) keep the current schema
    }
    return String.join(".", names);
  }
}
