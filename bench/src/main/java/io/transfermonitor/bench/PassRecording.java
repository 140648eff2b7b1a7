package io.transfermonitor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of one pass ({@code --profile}): started when the pass starts, stopped when it
 * ends and dumped to a file, with JFR's {@code profile} settings (an execution sample of every
 * thread running Java code every 10 ms, among other events). {@link #read} turns the execution
 * samples of some threads into a {@link StackProfile}. {@link #none()} records nothing.
 */
public final class PassRecording {

  /**
   * Frames JFR keeps per stack: some stacks of Kafka Streams' processor chains exceed its default
   * 64.
   */
  static final int STACK_DEPTH = 512;

  private static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
  private static final Pattern LAMBDA_SUFFIX =
      Pattern.compile("\\$\\$Lambda\\$\\d+(?:[+/]0x[0-9a-f]+)?(?:\\.\\d+)?$");

  private final Path file;
  private Recording recording;

  private PassRecording(Path file) {
    this.file = file;
  }

  /** Records nothing. */
  public static PassRecording none() {
    return new PassRecording(null);
  }

  /**
   * A recording to be dumped to {@code file}. Asks JFR to keep {@value #STACK_DEPTH} frames per
   * stack, which it accepts only before its first recording in the process; later, stacks stay cut
   * at the depth JFR started with, and {@link Profile#truncated()} says how many were.
   */
  public static PassRecording to(Path file) {
    try {
      ManagementFactory.getPlatformMBeanServer()
          .invoke(
              new ObjectName("com.sun.management:type=DiagnosticCommand"),
              "jfrConfigure",
              new Object[] {new String[] {"stackdepth=" + STACK_DEPTH}},
              new String[] {String[].class.getName()});
    } catch (JMException | RuntimeException e) {
      // JFR keeps its default depth; the truncated stacks are counted and printed
    }
    return new PassRecording(file);
  }

  /** Whether this records anything. */
  public boolean enabled() {
    return file != null;
  }

  /** Where the recording goes. */
  public Path file() {
    return file;
  }

  /** Starts recording. */
  public void start() {
    if (!enabled()) {
      return;
    }
    try {
      recording = new Recording(Configuration.getConfiguration("profile"));
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("JFR has no 'profile' configuration: " + e.getMessage(), e);
    }
    recording.setName("monitor-pass");
    recording.start();
  }

  /** Stops recording and writes the recording to {@link #file()}. */
  public void stop() {
    if (recording == null) {
      return;
    }
    try {
      recording.stop();
      recording.dump(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JFR recording to " + file, e);
    } finally {
      recording.close();
      recording = null;
    }
  }

  /**
   * The execution samples in the recording of the threads whose names {@code threads} accepts.
   *
   * @param threads a test of the sampled thread's name
   * @param description what the threads are, for the printed heading
   */
  public Profile read(Predicate<String> threads, String description) {
    StackProfile stacks = new StackProfile();
    long all = 0;
    long truncated = 0;
    try (RecordingFile events = new RecordingFile(file)) {
      while (events.hasMoreEvents()) {
        RecordedEvent event = events.readEvent();
        if (!event.getEventType().getName().equals(EXECUTION_SAMPLE)) {
          continue;
        }
        all++;
        RecordedThread thread = event.getThread("sampledThread");
        RecordedStackTrace stack = event.getStackTrace();
        if (thread == null || thread.getJavaName() == null || stack == null) {
          continue;
        }
        if (!threads.test(thread.getJavaName())) {
          continue;
        }
        if (stack.isTruncated()) {
          truncated++;
        }
        List<String> frames = new ArrayList<>(stack.getFrames().size());
        for (RecordedFrame frame : stack.getFrames()) {
          frames.add(frameName(frame.getMethod().getType().getName(), frame.getMethod().getName()));
        }
        stacks.add(frames);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JFR recording " + file, e);
    }
    return new Profile(file, description, stacks, all, truncated);
  }

  /**
   * {@code type.method}; a lambda's class loses the number and address the JVM gave it ({@code
   * StreamTask$$Lambda$3071+0x00007f6fd4948a28.run} is {@code StreamTask$$Lambda.run}), which
   * differ from run to run. The frame below it, {@code StreamTask.lambda$doProcess$0}, names the
   * lambda.
   */
  static String frameName(String type, String method) {
    return LAMBDA_SUFFIX.matcher(type).replaceFirst("\\$\\$Lambda") + "." + method;
  }

  /**
   * What a recording says about some threads.
   *
   * @param file the recording
   * @param threads what the threads are
   * @param stacks their execution samples
   * @param processSamples execution samples of every thread in the recording
   * @param truncated samples of these threads whose stack JFR cut short (the outermost frames
   *     missing, so their inclusive shares are too low)
   */
  public record Profile(
      Path file, String threads, StackProfile stacks, long processSamples, long truncated) {

    /** A heading, then the top frames by self and by inclusive samples. */
    public List<String> lines(int top) {
      List<String> out = new ArrayList<>();
      out.add(
          String.format(
              Locale.ROOT,
              "profile of the monitor pass (JFR, %s): %,d execution samples of the %s, of %,d in"
                  + " the process; %,d of their stacks truncated",
              file,
              stacks.samples(),
              threads,
              processSamples,
              truncated));
      if (stacks.samples() > 0) {
        out.addAll(stacks.lines(top));
      }
      return out;
    }
  }
}
