package io.transfermonitor.producers.examples;

import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.model.Party;
import io.transfermonitor.model.PartyRole;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TroopDeployment;
import io.transfermonitor.producers.EventProducer;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.validation.EventValidator;
import io.transfermonitor.schemas.validation.Violation;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * How a program feeds events without files: build each event with the generated builders, check it
 * with {@link EventValidator}, send it with {@link EventProducer} (which picks the topic of its
 * kind and keys it by event id). Run against a stack started with {@code transfer-monitor stack}:
 *
 * <pre>
 * java ... ProgrammaticSource [bootstrap-servers] [schema-registry-url]
 * </pre>
 */
public final class ProgrammaticSource {

  private ProgrammaticSource() {}

  public static void main(String[] args) {
    String bootstrap = args.length > 0 ? args[0] : "localhost:9092";
    String registry = args.length > 1 ? args[1] : "http://localhost:8081";
    EventValidator validator = new EventValidator();

    try (EventProducer producer =
        EventProducer.builder(bootstrap, registry).topics(Topics.defaults()).build()) {
      for (SpecificRecord event : List.of(sighting(), deployment())) {
        List<Violation> problems = validator.check(event, System.currentTimeMillis());
        if (!problems.isEmpty()) {
          System.err.println("not sent: " + problems);
          continue;
        }
        producer.send(event);
      }
      producer.flush();
      System.out.println(
          "acknowledged " + producer.acknowledged() + ", failed " + producer.failed());
    }
  }

  /** An observed tanker delivery, with the vessel as a party for screening. */
  static TankerDelivery sighting() {
    return TankerDelivery.newBuilder()
        .setHeader(
            EventHeader.newBuilder()
                // a stable id from the source's own key: re-sending it never counts twice
                .setEventId("my-ais-feed/2024-05-02/9000011/Nampo")
                .setSourceName("My AIS feed")
                .setSourceKind(SourceKind.OBSERVED)
                .setEventTime(Instant.parse("2024-05-02T06:00:00Z"))
                .setOrigin("RUS")
                .setDestination("PRK")
                .setConfidence(0.6)
                .setReferences(List.of("ais:track/9000011/2024-05"))
                .setParties(
                    List.of(
                        new Party(
                            PartyRole.VESSEL,
                            "Kumsu 1",
                            List.of(new Identifier(IdentifierScheme.IMO, "9000011")),
                            "PRK")))
                .build())
        .setVesselImo("9000011")
        .setVesselName("Kumsu 1")
        .setVesselFlag("PRK")
        .setProductClass(ProductClass.REFINED)
        .setProduct("DIESEL")
        .setQuantity(27_500)
        .setUnit("BARREL")
        .setDischargePort("Nampo")
        .build();
  }

  /** A troop deployment. */
  static TroopDeployment deployment() {
    return TroopDeployment.newBuilder()
        .setHeader(
            EventHeader.newBuilder()
                .setEventId("my-analysis/deployment/2024-11-20")
                .setSourceName("My analysis desk")
                .setSourceKind(SourceKind.ESTIMATED)
                .setEventTime(Instant.parse("2024-11-20T00:00:00Z"))
                .setOrigin("PRK")
                .setDestination("RUS")
                .setConfidence(0.5)
                .build())
        .setPersonnel(1_200)
        .setRole("COMBAT")
        .build();
  }
}
