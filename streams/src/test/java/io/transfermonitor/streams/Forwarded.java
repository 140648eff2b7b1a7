package io.transfermonitor.streams;

import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.Record;

/** What a processor under test forwarded to its {@link MockProcessorContext}. */
public final class Forwarded {

  private Forwarded() {}

  /** The values forwarded so far, in order, as {@code type}. */
  public static <T> List<T> values(MockProcessorContext<?, ?> context, Class<T> type) {
    return context.forwarded().stream()
        .map(CapturedForward::record)
        .map(Record::value)
        .map(type::cast)
        .toList();
  }
}
