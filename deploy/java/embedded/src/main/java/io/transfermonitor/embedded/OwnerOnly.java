package io.transfermonitor.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories holding secrets, readable by their owner only where the file system knows
 * POSIX permissions (elsewhere they keep the platform's defaults).
 */
final class OwnerOnly {

  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

  private OwnerOnly() {}

  /** Makes {@code dir} (already there) accessible to its owner only. */
  static void restrict(Path dir) throws IOException {
    if (posix(dir)) {
      Files.setPosixFilePermissions(dir, DIR);
    }
  }

  /** Creates or truncates {@code file}, owner-only before anything is written to it. */
  static OutputStream create(Path file) throws IOException {
    if (!Files.exists(file)) {
      Files.createFile(file);
    }
    if (posix(file)) {
      Files.setPosixFilePermissions(file, FILE);
    }
    return Files.newOutputStream(
        file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
  }

  /** Writes {@code text} to {@code file} as {@link #create} does. */
  static void writeString(Path file, String text) throws IOException {
    try (OutputStream out = create(file)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
