package io.transfermonitor.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory, for topology tests and {@code mock://scope} URLs. Ids are global per
 * instance; the same schema text gets the same id under every subject, as in Confluent's registry.
 * Compatibility (BACKWARD by default) is checked on register.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

  private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
  private final Map<String, String> compatibilityBySubject = new HashMap<>();
  private String globalCompatibility = "BACKWARD";

  /** The registry of a named scope, created on first use ({@code mock://scope}). */
  public static InMemorySchemaRegistry scope(String name) {
    return SCOPES.computeIfAbsent(name, n -> new InMemorySchemaRegistry());
  }

  /** Forgets a named scope, so the next test starts empty. */
  public static void dropScope(String name) {
    SCOPES.remove(name);
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    Integer known = idsBySchema.get(schema.toString());
    if (known != null && versions.contains(known)) {
      return known;
    }
    if (!isCompatible(subject, schema)) {
      throw new SchemaRegistryException(
          "schema for subject '"
              + subject
              + "' is incompatible with its latest version under "
              + compatibility(subject),
          409,
          409);
    }
    int id = idsBySchema.computeIfAbsent(schema.toString(), s -> idsBySchema.size() + 1);
    schemasById.put(id, schema);
    versions.add(id);
    return id;
  }

  @Override
  public synchronized int idOf(String subject, Schema schema) {
    Integer id = idsBySchema.get(schema.toString());
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null) {
      throw new SchemaRegistryException(
          "subject '" + subject + "' not found (in-memory registry)",
          404,
          SchemaRegistryException.SUBJECT_NOT_FOUND);
    }
    if (id == null || !versions.contains(id)) {
      throw new SchemaRegistryException(
          "schema not registered under subject '" + subject + "' (in-memory registry)",
          404,
          SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
    return id;
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new SchemaRegistryException(
          "schema id " + id + " not found (in-memory registry)",
          404,
          SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
    return schema;
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw new SchemaRegistryException(
          "subject '" + subject + "' not found (in-memory registry)",
          404,
          SchemaRegistryException.SUBJECT_NOT_FOUND);
    }
    int id = versions.get(versions.size() - 1);
    return new RegisteredSchema(subject, versions.size(), id, schemasById.get(id));
  }

  @Override
  public synchronized boolean isCompatible(String subject, Schema schema) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null || versions.isEmpty()) {
      return true;
    }
    Schema previous = schemasById.get(versions.get(versions.size() - 1));
    return switch (compatibility(subject)) {
      case "NONE" -> true;
      case "FORWARD" -> canRead(previous, schema);
      case "FULL" -> canRead(schema, previous) && canRead(previous, schema);
      default -> canRead(schema, previous);
    };
  }

  private static boolean canRead(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
        == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
  }

  @Override
  public synchronized String compatibility(String subject) {
    return compatibilityBySubject.getOrDefault(subject, globalCompatibility);
  }

  @Override
  public synchronized void setCompatibility(String subject, String level) {
    if (subject == null) {
      globalCompatibility = level;
    } else {
      compatibilityBySubject.put(subject, level);
    }
  }

  @Override
  public synchronized List<String> subjects() {
    return List.copyOf(new TreeSet<>(versionsBySubject.keySet()));
  }
}
