package io.transfermonitor.producers.designations;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mends the two kinds of damage real copies of published XML lists carry, as the characters are
 * read, so that one bad name does not cost the whole file: characters XML 1.0 forbids (control
 * characters pasted into a name, U+FFFE, U+FFFF, a lone surrogate) are removed, or become a space
 * where they separated words (vertical tab, form feed, the information separators); an {@code &}
 * that starts no well-formed reference to a predefined entity or an allowed character ({@code &} in
 * "Smith & Sons", {@code &nbsp;}, {@code &#1;}) is read as the character {@code &} itself. Inside a
 * CDATA section, a comment or a processing instruction, where {@code &} is the character itself,
 * only forbidden characters are mended. Every mended spot is kept with its line and column in the
 * file ({@link #repairs()}), for the load report or for a refusal ({@code --strict}). Well-formed
 * text passes through unchanged.
 */
final class DamagedXmlReader extends Reader {

  /**
   * Longest reference looked at: {@code &#x10FFFF;} and entity names well beyond {@code &quot;}.
   */
  private static final int LOOKAHEAD = 32;

  private static final Pattern REFERENCE =
      Pattern.compile("&(?:#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6})|([A-Za-z_][A-Za-z0-9._-]*));");

  private static final List<String> PREDEFINED = List.of("amp", "lt", "gt", "quot", "apos");

  private final Reader in;
  private final char[] ahead = new char[LOOKAHEAD];
  private int aheadStart;
  private int aheadEnd;
  private final StringBuilder out = new StringBuilder();
  private int outPosition;
  private final List<Repair> repairs = new ArrayList<>();
  private long line = 1;
  private long column = 1;
  private boolean afterCr;
  private String literalEnd;
  private final StringBuilder recent = new StringBuilder();

  DamagedXmlReader(Reader in) {
    this.in = in;
  }

  /** The spots mended so far, in file order. */
  List<Repair> repairs() {
    return List.copyOf(repairs);
  }

  @Override
  public int read(char[] chars, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len) {
      if (outPosition == out.length()) {
        out.setLength(0);
        outPosition = 0;
        if (!mendNext()) {
          break;
        }
        continue;
      }
      chars[off + n++] = out.charAt(outPosition++);
    }
    return n == 0 ? -1 : n;
  }

  /** Reads one character (or one reference) of the file into {@code out}; false at the end. */
  private boolean mendNext() throws IOException {
    long atLine = line;
    long atColumn = column;
    int c = take();
    if (c < 0) {
      return false;
    }
    if (literalEnd == null && c == '<') {
      literalEnd = literalStarting(lookahead());
      recent.setLength(0);
      out.append('<');
      return true;
    }
    if (literalEnd == null && c == '&') {
      ampersand(atLine, atColumn);
      return true;
    }
    if (Character.isHighSurrogate((char) c)) {
      int low = peek(0);
      if (low >= 0 && Character.isLowSurrogate((char) low)) {
        take();
        out.append((char) c).append((char) low);
        return true;
      }
    }
    if (allowed(c)) {
      out.append((char) c);
      endOfLiteral((char) c);
      return true;
    }
    if (separatesWords(c)) {
      out.append(' ');
      repairs.add(new Repair(atLine, atColumn, name(c) + " replaced by a space"));
    } else {
      repairs.add(new Repair(atLine, atColumn, name(c) + " removed"));
    }
    return true;
  }

  /**
   * In a CDATA section, a comment or a processing instruction an {@code &} is the character itself:
   * the end of the one starting after a {@code <}, or null when none does.
   */
  private static String literalStarting(String afterLessThan) {
    if (afterLessThan.startsWith("![CDATA[")) {
      return "]]>";
    }
    if (afterLessThan.startsWith("!--")) {
      return "-->";
    }
    if (afterLessThan.startsWith("?")) {
      return "?>";
    }
    return null;
  }

  private void endOfLiteral(char c) {
    if (literalEnd == null) {
      return;
    }
    recent.append(c);
    if (recent.length() > 3) {
      recent.deleteCharAt(0);
    }
    if (recent.toString().endsWith(literalEnd)) {
      literalEnd = null;
    }
  }

  private void ampersand(long atLine, long atColumn) throws IOException {
    String following = lookahead();
    Matcher m = REFERENCE.matcher("&" + following);
    if (m.lookingAt()) {
      String reference = m.group();
      if (m.group(3) != null && PREDEFINED.contains(m.group(3))) {
        pass(reference);
        return;
      }
      if (m.group(3) == null) {
        int codePoint =
            m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
        if (Character.isValidCodePoint(codePoint) && allowed(codePoint)) {
          pass(reference);
          return;
        }
        skip(reference.length() - 1);
        repairs.add(
            new Repair(
                atLine,
                atColumn,
                "character reference "
                    + reference
                    + " to a character XML forbids ("
                    + name(codePoint)
                    + ") removed"));
        return;
      }
      out.append("&amp;");
      repairs.add(
          new Repair(
              atLine,
              atColumn,
              "reference "
                  + reference
                  + " to an undeclared entity read as the text '"
                  + reference
                  + "'"));
      return;
    }
    out.append("&amp;");
    repairs.add(new Repair(atLine, atColumn, "stray '&' read as the character '&'"));
  }

  /** Copies a well-formed reference (its {@code &} already taken) unchanged. */
  private void pass(String reference) throws IOException {
    out.append('&');
    for (int i = 1; i < reference.length(); i++) {
      out.append((char) take());
    }
  }

  private void skip(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      take();
    }
  }

  private static boolean allowed(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  private static boolean separatesWords(int c) {
    return c == 0xB || c == 0xC || (c >= 0x1C && c <= 0x1F);
  }

  private static String name(int c) {
    String code = String.format(Locale.ROOT, "U+%04X", c);
    if (c < 0x20 || c == 0x7F) {
      return "control character " + code;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
      return "lone surrogate " + code;
    }
    return "character " + code;
  }

  // ---- characters of the file, with a small window ahead, counted by line and column

  private String lookahead() throws IOException {
    fill();
    return new String(ahead, aheadStart, aheadEnd - aheadStart);
  }

  private int peek(int index) throws IOException {
    fill();
    return aheadStart + index < aheadEnd ? ahead[aheadStart + index] : -1;
  }

  private int take() throws IOException {
    if (aheadStart == aheadEnd) {
      aheadStart = 0;
      aheadEnd = 0;
      int c = in.read();
      if (c < 0) {
        return -1;
      }
      count(c);
      return c;
    }
    int c = ahead[aheadStart++];
    count(c);
    return c;
  }

  private void fill() throws IOException {
    if (aheadStart > 0) {
      System.arraycopy(ahead, aheadStart, ahead, 0, aheadEnd - aheadStart);
      aheadEnd -= aheadStart;
      aheadStart = 0;
    }
    while (aheadEnd < LOOKAHEAD) {
      int c = in.read();
      if (c < 0) {
        return;
      }
      ahead[aheadEnd++] = (char) c;
      if (c == '<' || c == '&') {
        // a reference never spans markup: no need to read further than the next tag
        return;
      }
    }
  }

  private void count(int c) {
    if (c == '\n') {
      if (!afterCr) {
        line++;
      }
      column = 1;
      afterCr = false;
    } else if (c == '\r') {
      line++;
      column = 1;
      afterCr = true;
    } else {
      column++;
      afterCr = false;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
