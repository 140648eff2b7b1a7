package io.transfermonitor.producers.designations;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The characters of an XML list file, decoded the way the file says, or the way it really is: a
 * file that declares UTF-8 (or nothing, which means UTF-8) is read by {@link LenientUtf8Reader}, so
 * Latin-1 or Windows-1252 bytes in it still load and {@link #encodingWarning()} says where the
 * first one was. A byte-order mark is honoured; another declared encoding is used as declared.
 */
final class ListInput {

  private static final int SNIFF = 512;
  private static final Pattern DECLARED =
      Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

  private final String name;
  private final Reader reader;
  private final LenientUtf8Reader lenient;

  private ListInput(String name, Reader reader, LenientUtf8Reader lenient) {
    this.name = name;
    this.reader = reader;
    this.lenient = lenient;
  }

  /** Opens {@code raw} (the file named {@code name}) for reading as characters. */
  /** Reads {@code file} with {@code read}, a name ending in {@code .gz} gunzipped first. */
  static ListContents readFile(Path file, ListRead read) throws IOException {
    try (InputStream raw = Files.newInputStream(file)) {
      InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      return read.read(in, file.toString());
    }
  }

  /** How a list is read from a stream; {@code name} names it in messages. */
  @FunctionalInterface
  interface ListRead {
    ListContents read(InputStream in, String name) throws IOException;
  }

  static ListInput open(InputStream raw, String name) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw);
    in.mark(SNIFF);
    byte[] head = in.readNBytes(SNIFF);
    in.reset();
    if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
      in.skipNBytes(3);
      return utf8(in, name);
    }
    if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0xFF, 0xFE)) {
      return new ListInput(name, new InputStreamReader(in, StandardCharsets.UTF_16), null);
    }
    String declared = declaredEncoding(head);
    if (declared == null || isUtf8(declared)) {
      return utf8(in, name);
    }
    return new ListInput(name, new InputStreamReader(in, charset(declared, name)), null);
  }

  Reader reader() {
    return reader;
  }

  /**
   * After reading: a warning naming the first byte that was not UTF-8 in a file read as UTF-8, and
   * how it was read; empty when the file was what it declared.
   */
  Optional<String> encodingWarning() {
    if (lenient == null) {
      return Optional.empty();
    }
    return lenient
        .firstBadByte()
        .map(bad -> name + ": declares UTF-8, but " + bad.describe() + "; every record was read");
  }

  private static ListInput utf8(InputStream in, String name) {
    LenientUtf8Reader lenient = new LenientUtf8Reader(in);
    return new ListInput(name, lenient, lenient);
  }

  private static String declaredEncoding(byte[] head) {
    // the declaration is ASCII whatever the encoding it names
    Matcher m = DECLARED.matcher(new String(head, StandardCharsets.ISO_8859_1));
    return m.find() ? m.group(1) : null;
  }

  private static boolean isUtf8(String encoding) {
    String e = encoding.toUpperCase(Locale.ROOT);
    return e.equals("UTF-8") || e.equals("UTF8");
  }

  private static Charset charset(String declared, String name) {
    try {
      return Charset.forName(declared);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new ListFormatException(
          name + ": declares encoding '" + declared + "', which is not a known character set");
    }
  }

  private static boolean startsWith(byte[] head, int... prefix) {
    if (head.length < prefix.length) {
      return false;
    }
    int[] start = new int[prefix.length];
    Arrays.setAll(start, i -> head[i] & 0xFF);
    return Arrays.equals(start, prefix);
  }
}
