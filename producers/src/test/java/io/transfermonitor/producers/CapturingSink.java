package io.transfermonitor.producers;

import io.transfermonitor.model.RejectedEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** A sink that keeps what it is given, for unit tests of the pipeline (not Kafka). */
public final class CapturingSink implements EventSink {

  public final List<SpecificRecord> sent = new ArrayList<>();
  public final List<RejectedEvent> rejected = new ArrayList<>();
  public int flushes;

  @Override
  public void send(SpecificRecord event) {
    sent.add(event);
  }

  @Override
  public void reject(RejectedEvent event) {
    rejected.add(event);
  }

  @Override
  public void flush() {
    flushes++;
  }

  @Override
  public void close() {}
}
