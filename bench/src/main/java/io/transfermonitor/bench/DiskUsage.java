package io.transfermonitor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Bytes on disk under a directory (a Kafka Streams state.dir: RocksDB files, checkpoints). */
public final class DiskUsage {

  private DiskUsage() {}

  /** Sum of the sizes of all regular files under {@code dir}; 0 when it does not exist. */
  public static long bytesUnder(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    long[] total = {0};
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                total[0] += attrs.size();
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE; // RocksDB deletes obsolete files while we walk
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + dir, e);
    }
    return total[0];
  }
}
