package io.transfermonitor.schemas.evolution;

/**
 * One reason why a current schema cannot read data written with a released one.
 *
 * @param schema full name of the schema, e.g. {@code io.transfermonitor.model.TankerDelivery}
 * @param release the released version it fails against, e.g. {@code v1}
 * @param field dotted path of the offending field from the schema, e.g. {@code header.confidence};
 *     empty when the schema itself is to blame (a removed enum symbol, a removed schema)
 * @param what the problem in words
 */
public record EvolutionProblem(String schema, String release, String field, String what) {

  @Override
  public String toString() {
    return schema
        + (field.isEmpty() ? "" : " field '" + field + "'")
        + ": cannot read data written with released "
        + release
        + ": "
        + what;
  }
}
