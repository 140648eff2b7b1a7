package io.transfermonitor.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log line of this JVM at INFO and above (Kafka's broker and clients included, which tell
 * their whole configuration at INFO), with its exception and causes, kept for a test to inspect.
 * The console still shows warnings only.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private static final List<String> LOUD =
      List.of("kafka", "org.apache.kafka", "io.transfermonitor");

  private final List<String> lines = new ArrayList<>();
  private final Map<String, Level> levelsBefore = new HashMap<>();

  private LogCapture() {}

  /** Starts capturing now. */
  static LogCapture begin() {
    LogCapture capture = new LogCapture();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    capture.setContext(context);
    capture.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      ThresholdFilter warnings = new ThresholdFilter();
      warnings.setLevel("WARN");
      warnings.start();
      it.next().addFilter(warnings);
    }
    for (String name : LOUD) {
      Logger logger = context.getLogger(name);
      capture.levelsBefore.put(name, logger.getLevel());
      logger.setLevel(Level.INFO);
    }
    root.addAppender(capture);
    return capture;
  }

  @Override
  protected synchronized void append(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(event.getFormattedMessage());
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
        line.append(' ').append(frame.getSTEAsString());
      }
    }
    lines.add(line.toString());
  }

  /** Every line so far. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    LoggerContext context = (LoggerContext) getContext();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAppender(this);
    levelsBefore.forEach((name, level) -> context.getLogger(name).setLevel(level));
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      it.next().clearAllFilters();
    }
    stop();
  }
}
