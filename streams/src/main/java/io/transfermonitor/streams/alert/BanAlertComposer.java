package io.transfermonitor.streams.alert;

import io.transfermonitor.model.Alert;
import io.transfermonitor.streams.match.BanMatch;
import io.transfermonitor.streams.reference.ComponentReferences;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Stage 6, the alerts of banned events, keyed by alert id ({@link AlertComposer#banned(BanMatch,
 * ComponentReferences)}): a processor rather than a mapping, so a component finding is composed
 * with the maker, country and priority tier the reference data ({@code chpl}, {@code makers} global
 * stores) hold when it is read.
 */
public final class BanAlertComposer implements Processor<String, BanMatch, String, Alert> {

  private final ComponentReferences references;
  private ProcessorContext<String, Alert> context;

  /**
   * @param references this processor's own (each task keeps its views)
   */
  public BanAlertComposer(ComponentReferences references) {
    this.references = references;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    references.init(context);
  }

  @Override
  public void process(Record<String, BanMatch> record) {
    Alert alert = AlertComposer.banned(record.value(), references);
    context.forward(record.withKey(alert.getAlertId()).withValue(alert));
  }
}
