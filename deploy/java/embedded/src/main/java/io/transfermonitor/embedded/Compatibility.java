package io.transfermonitor.embedded;

import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The Confluent compatibility levels, checked with Avro's own {@link SchemaCompatibility}: BACKWARD
 * means the new schema can read data written with the old, FORWARD the reverse, FULL both; the
 * {@code _TRANSITIVE} forms check every earlier version instead of only the latest.
 */
enum Compatibility {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  /** Parses a level as the REST API spells it, or a 422 error naming the bad value. */
  static Compatibility parse(String level) {
    if (level == null) {
      throw invalid(null);
    }
    try {
      return valueOf(level.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(level);
    }
  }

  private static RegistryError invalid(String level) {
    return new RegistryError(
        422,
        RegistryError.INVALID_COMPATIBILITY_LEVEL,
        "Invalid compatibility level '"
            + level
            + "'. Valid values are NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD,"
            + " FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE");
  }

  /**
   * Whether {@code candidate} may follow {@code earlier} (oldest first). Returns null when it may,
   * otherwise a description of the first incompatibility.
   */
  String violation(Schema candidate, List<Schema> earlier) {
    if (this == NONE || earlier.isEmpty()) {
      return null;
    }
    List<Schema> against =
        name().endsWith("_TRANSITIVE") ? earlier : List.of(earlier.get(earlier.size() - 1));
    boolean backward = this != FORWARD && this != FORWARD_TRANSITIVE;
    boolean forward = this != BACKWARD && this != BACKWARD_TRANSITIVE;
    for (Schema old : against) {
      if (backward) {
        String problem =
            problem(candidate, old, "the new schema cannot read data written with an earlier one");
        if (problem != null) {
          return problem;
        }
      }
      if (forward) {
        String problem =
            problem(old, candidate, "an earlier schema cannot read data written with the new one");
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  private static String problem(Schema reader, Schema writer, String what) {
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return null;
    }
    return what + ": " + result.getResult().getIncompatibilities();
  }
}
