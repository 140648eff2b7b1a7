package io.transfermonitor.producers.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input of a run: a file, standard input or any stream.
 *
 * @param name how reports and rejected records name it (the path, or {@code -} for stdin)
 * @param format how to read it
 * @param size its size in bytes for progress and ETA, or -1 when unknown
 * @param opener opens it (once)
 */
public record IngestInput(String name, InputFormat format, long size, Opener opener) {

  /** Opens the input's bytes. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  /** A file, in {@code format} (null: by extension). */
  public static IngestInput file(Path file, InputFormat format) throws IOException {
    InputFormat f = format == null ? InputFormat.byName(file.getFileName().toString()) : format;
    return new IngestInput(file.toString(), f, Files.size(file), () -> Files.newInputStream(file));
  }

  /** Standard input, in {@code format}; never closed by the run. */
  public static IngestInput stdin(InputFormat format) {
    return new IngestInput("-", format, -1, () -> unclosed(System.in));
  }

  /** An already open stream (e.g. a classpath resource); the run does not close it. */
  public static IngestInput stream(String name, InputFormat format, InputStream in) {
    return new IngestInput(name, format, -1, () -> unclosed(in));
  }

  private static InputStream unclosed(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {
        // the stream belongs to the caller
      }
    };
  }
}
