package io.transfermonitor.producers.ingest;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows how a run is going. {@link #terminal} redraws a progress bar with rate and ETA (by bytes
 * read) a few times a second; {@link #summaryOnly} prints the final summary line only, for logs and
 * pipes; {@link #silent} prints nothing. {@link #forConsole} picks between the first two.
 */
public interface IngestProgress {

  /** Called often (every few thousand records); implementations decide when to draw. */
  void update(long records, long rejected, long bytesRead, long totalBytes);

  /** Called once at the end. */
  void finished(IngestResult result);

  /** A bar on a terminal ({@code System.console() != null}), a summary line otherwise. */
  static IngestProgress forConsole(PrintStream out) {
    return System.console() != null ? terminal(out) : summaryOnly(out);
  }

  static IngestProgress summaryOnly(PrintStream out) {
    return new IngestProgress() {
      @Override
      public void update(long records, long rejected, long bytesRead, long totalBytes) {}

      @Override
      public void finished(IngestResult result) {
        out.println(result.summary());
      }
    };
  }

  static IngestProgress silent() {
    return new IngestProgress() {
      @Override
      public void update(long records, long rejected, long bytesRead, long totalBytes) {}

      @Override
      public void finished(IngestResult result) {}
    };
  }

  static IngestProgress terminal(PrintStream out) {
    return new TerminalBar(out);
  }

  /** The redrawn bar: {@code [#####.....] 52% 520,000 rec 310,000 rec/s ETA 0:02}. */
  final class TerminalBar implements IngestProgress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final long start = System.nanoTime();
    private long lastDraw;

    TerminalBar(PrintStream out) {
      this.out = out;
    }

    @Override
    public void update(long records, long rejected, long bytesRead, long totalBytes) {
      long now = System.nanoTime();
      if (now - lastDraw < REDRAW_NANOS) {
        return;
      }
      lastDraw = now;
      double seconds = Math.max(now - start, 1) / 1e9;
      double rate = records / seconds;
      StringBuilder line = new StringBuilder("\r");
      if (totalBytes > 0) {
        double done = Math.min(1.0, (double) bytesRead / totalBytes);
        int filled = (int) (done * WIDTH);
        line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
        line.append(String.format(Locale.ROOT, "%3.0f%%  ", done * 100));
        double eta = done > 0 ? seconds * (1 - done) / done : 0;
        line.append(
            String.format(
                Locale.ROOT,
                "%,d rec  %,.0f rec/s  %,d rejected  ETA %d:%02d ",
                records,
                rate,
                rejected,
                (long) eta / 60,
                (long) eta % 60));
      } else {
        line.append(
            String.format(
                Locale.ROOT, "%,d rec  %,.0f rec/s  %,d rejected ", records, rate, rejected));
      }
      out.print(line);
      out.flush();
    }

    @Override
    public void finished(IngestResult result) {
      lastDraw = 0;
      out.print("\r" + " ".repeat(WIDTH + 70) + "\r");
      out.println(result.summary());
    }
  }
}
