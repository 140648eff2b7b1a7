package io.transfermonitor.streams.normalize;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.streams.fact.Fact;
import org.apache.kafka.streams.kstream.ValueMapper;

/**
 * Stage 3, normalize units: tanker deliveries get their amount in barrels (the quantity as reported
 * stays on the fact for messages); every other kind passes unchanged.
 */
public final class UnitNormalizer implements ValueMapper<Fact, Fact> {

  private final BarrelConverter converter;

  public UnitNormalizer(BarrelConverter converter) {
    this.converter = converter;
  }

  @Override
  public Fact apply(Fact fact) {
    if (fact.kind() != EventKind.TANKER_DELIVERY) {
      return fact;
    }
    return fact.withAmount(
        converter.toBarrels(fact.amount(), fact.amountUnit(), fact.product()),
        BarrelConverter.BARREL);
  }
}
