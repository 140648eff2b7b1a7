package io.transfermonitor.schemas.registry;

import org.apache.avro.Schema;

/** A schema as the registry holds it: subject, version within it, global id, schema. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {}
