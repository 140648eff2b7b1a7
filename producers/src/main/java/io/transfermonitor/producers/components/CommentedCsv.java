package io.transfermonitor.producers.components;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file that may hold comment lines (a {@code #} first): the text with each comment line made
 * blank, so the CSV reader skips it and every row keeps its line number, and the comments' {@code
 * key: value} lines ({@code # list: ...}, {@code # date: 2024-02-23}) as the file's own facts.
 *
 * @param text the file with its comment lines blank
 * @param facts the {@code key: value} comments, keys in lower case, the first of each key
 */
record CommentedCsv(String text, Map<String, String> facts) {

  static CommentedCsv read(Reader in) {
    StringBuilder text = new StringBuilder();
    Map<String, String> facts = new LinkedHashMap<>();
    try (BufferedReader lines = new BufferedReader(in)) {
      String line;
      while ((line = lines.readLine()) != null) {
        String trimmed = line.strip();
        if (trimmed.startsWith("#")) {
          String comment = trimmed.substring(1).strip();
          int colon = comment.indexOf(':');
          if (colon > 0 && comment.substring(0, colon).matches("[A-Za-z][A-Za-z -]*")) {
            facts.putIfAbsent(
                comment.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                comment.substring(colon + 1).strip());
          }
          text.append('\n');
        } else {
          text.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CommentedCsv(text.toString(), facts);
  }

  Reader reader() {
    return new StringReader(text);
  }
}
