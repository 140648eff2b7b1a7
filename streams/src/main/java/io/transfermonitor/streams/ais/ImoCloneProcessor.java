package io.transfermonitor.streams.ais;

import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One IMO number on two MMSIs far apart, on the partitions of the IMO numbers (after the {@code
 * sightings-by-imo} repartition of the voyage messages that carry one): each number's {@link
 * ImoCloneState} in the store {@code imo-sightings}. Out, keyed by finding id: an identity anomaly
 * for each pair of MMSIs that cannot be one ship, once per window ({@link ImoClones}), with its
 * event when it was seen in an area of interest ({@link AisEvents#identity}). The parameters are
 * the settings' ({@code tm.ais.imo-clone.*}).
 */
public final class ImoCloneProcessor implements Processor<String, AisOutput, String, AisOutput> {

  private final String sightingsStore;
  private final AisSettings settings;
  private final AisStage stage;
  private final MonitorMetrics metrics;
  private final ImoClones clones;
  private ProcessorContext<String, AisOutput> context;
  private KeyValueStore<String, ImoCloneState> sightings;
  private VesselRegister register;
  private AisEvents events;

  public ImoCloneProcessor(String sightingsStore, AisStage stage) {
    this.sightingsStore = sightingsStore;
    this.stage = stage;
    this.settings = stage.settings();
    this.metrics = stage.metrics();
    this.clones = new ImoClones(settings.imoClones());
  }

  @Override
  public void init(ProcessorContext<String, AisOutput> context) {
    this.context = context;
    this.sightings = context.getStateStore(sightingsStore);
    this.register = stage.register(context);
    this.events = stage.events();
  }

  @Override
  public void process(Record<String, AisOutput> record) {
    if (!(record.value() instanceof AisOutput.Sighting s) || record.key() == null) {
      return;
    }
    ImoSighting sighting = s.sighting();
    ImoCloneState state = sightings.get(record.key());
    if (state == null) {
      state = ImoCloneState.empty();
    }
    List<ImoSighting> before = List.copyOf(state.sightings());
    List<IdentityAnomaly> anomalies = clones.accept(state.sightings(), state.reported(), sighting);
    sightings.put(record.key(), state);
    for (IdentityAnomaly anomaly : anomalies) {
      Vessel vessel = register.vessel(anomaly.mmsi(), sighting.imo(), null, null);
      AisEvents.Made made =
          events.identity(anomaly, vessel, sighting.position(), otherShip(before, sighting));
      metrics.aisFinding(made.finding().getKind().toString());
      context.forward(
          new Record<>(
              made.finding().getFindingId(), new AisOutput.Found(made), record.timestamp()));
    }
  }

  /** The newest position of another MMSI that sent the number: the clone's other place. */
  private static Ping otherShip(List<ImoSighting> before, ImoSighting sighting) {
    return before.stream()
        .filter(s -> !s.mmsi().equals(sighting.mmsi()))
        .map(ImoSighting::position)
        .max(Comparator.comparingLong(Ping::time))
        .orElse(null);
  }
}
