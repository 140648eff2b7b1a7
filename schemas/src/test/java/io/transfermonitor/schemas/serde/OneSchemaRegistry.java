package io.transfermonitor.schemas.serde;

import io.transfermonitor.schemas.registry.RegisteredSchema;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * A registry that knows one schema under a chosen id, so a test can pin every byte of the header
 * (the in-memory registry counts ids from 1). Records the subjects it was asked to register under.
 */
final class OneSchemaRegistry implements SchemaRegistryClient {

  private final int id;
  private final Schema schema;
  final List<String> registeredSubjects = new ArrayList<>();

  OneSchemaRegistry(int id, Schema schema) {
    this.id = id;
    this.schema = schema;
  }

  @Override
  public int register(String subject, Schema candidate) {
    registeredSubjects.add(subject);
    return idOf(subject, candidate);
  }

  @Override
  public int idOf(String subject, Schema candidate) {
    if (!schema.equals(candidate)) {
      throw new SchemaRegistryException("unexpected schema " + candidate.getFullName(), 404, 40403);
    }
    return id;
  }

  @Override
  public Schema schemaById(int wanted) {
    if (wanted != id) {
      throw new SchemaRegistryException("schema id " + wanted + " not found", 404, 40403);
    }
    return schema;
  }

  @Override
  public RegisteredSchema latest(String subject) {
    return new RegisteredSchema(subject, 1, id, schema);
  }

  @Override
  public boolean isCompatible(String subject, Schema candidate) {
    return true;
  }

  @Override
  public String compatibility(String subject) {
    return "NONE";
  }

  @Override
  public void setCompatibility(String subject, String level) {
    throw new UnsupportedOperationException();
  }
}
