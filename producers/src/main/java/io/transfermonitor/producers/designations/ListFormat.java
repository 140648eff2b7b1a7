package io.transfermonitor.producers.designations;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The list formats {@code designations load} reads, told apart by what a file holds, not by its
 * name: the UN consolidated list (XML, document element {@code CONSOLIDATED_LIST}), OFAC's SDN list
 * (XML, {@code sdnList}), FollowTheMoney entities as OpenSanctions exports them (JSON, one object a
 * line). {@link #read(Path, ListFormat)} detects the format, or checks the one asked for, and hands
 * the file to its reader; a {@code .gz} file is gunzipped first.
 */
public enum ListFormat {
  UN("un", "the UN Security Council Consolidated List (XML, <CONSOLIDATED_LIST>)"),
  SDN("sdn", "OFAC's SDN list (XML, <sdnList>)"),
  FTM("ftm", "FollowTheMoney entities as OpenSanctions exports them (JSON lines)");

  private static final int SNIFF = 8 * 1024;
  private static final Pattern FIRST_ELEMENT = Pattern.compile("<([A-Za-z_][A-Za-z0-9_.:-]*)");

  private final String option;
  private final String description;

  ListFormat(String option, String description) {
    this.option = option;
    this.description = description;
  }

  /** Its name on the command line: {@code un}, {@code sdn} or {@code ftm}. */
  public String option() {
    return option;
  }

  /** What the format is, for messages. */
  public String description() {
    return description;
  }

  /**
   * The format named {@code option} on the command line.
   *
   * @throws IllegalArgumentException listing the known ones
   */
  public static ListFormat ofOption(String option) {
    for (ListFormat format : values()) {
      if (format.option.equalsIgnoreCase(option.strip())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "--format " + option + ": not a list format; give un, sdn or ftm");
  }

  /**
   * Reads {@code file} as {@code asked}, or as the format its content shows when {@code asked} is
   * null.
   *
   * @throws ListFormatException naming the file when its content is not the format asked for, or no
   *     format this reader knows, or cannot be read at all
   */
  public static ListContents read(Path file, ListFormat asked) throws IOException {
    String name = file.toString();
    try (InputStream raw = Files.newInputStream(file)) {
      InputStream in =
          new BufferedInputStream(name.endsWith(".gz") ? new GZIPInputStream(raw) : raw, SNIFF);
      in.mark(SNIFF);
      byte[] head = in.readNBytes(SNIFF);
      in.reset();
      Optional<ListFormat> found = detect(head);
      if (asked != null && found.isPresent() && found.get() != asked) {
        throw new ListFormatException(
            name
                + ": --format "
                + asked.option
                + " is "
                + asked.description
                + ", but the file is "
                + found.get().description);
      }
      ListFormat format =
          asked != null
              ? asked
              : found.orElseThrow(
                  () ->
                      new ListFormatException(
                          name
                              + ": not a list format this command reads; it starts with '"
                              + start(head)
                              + "'. Known: "
                              + UN.description
                              + ", "
                              + SDN.description
                              + ", "
                              + FTM.description
                              + "; a CSV list (.csv) needs --mapping"));
      return switch (format) {
        case UN -> UnListReader.read(in, name);
        case SDN -> SdnListReader.read(in, name);
        case FTM -> FtmListReader.read(in, name);
      };
    }
  }

  /** The format {@code head} (the first bytes of a file) shows, if any. */
  static Optional<ListFormat> detect(byte[] head) {
    // a UTF-16 file's ASCII shows through once its zero bytes are left out
    String text = new String(head, StandardCharsets.ISO_8859_1).replace("\u0000", "");
    text =
        text.replace("\u00EF\u00BB\u00BF", "")
            .replace("\u00FE\u00FF", "")
            .replace("\u00FF\u00FE", "");
    String start = text.stripLeading();
    if (start.startsWith("{")) {
      return Optional.of(FTM);
    }
    if (!start.startsWith("<")) {
      return Optional.empty();
    }
    Matcher element = FIRST_ELEMENT.matcher(withoutComments(start));
    if (!element.find()) {
      return Optional.empty();
    }
    String root = element.group(1);
    root = root.substring(root.indexOf(':') + 1);
    return switch (root) {
      case "CONSOLIDATED_LIST" -> Optional.of(UN);
      case "sdnList" -> Optional.of(SDN);
      default -> Optional.empty();
    };
  }

  /** A hint for a reader that found the document element {@code root}: which format it is. */
  static String hintFor(String root) {
    return switch (root) {
      case "CONSOLIDATED_LIST" -> " (the UN list: --format un)";
      case "sdnList" -> " (OFAC's SDN list: --format sdn)";
      default -> "";
    };
  }

  private static String withoutComments(String xml) {
    return xml.replaceAll("(?s)<!--.*?-->", "")
        .replaceAll("(?s)<!DOCTYPE[^>\\[]*(\\[.*?\\])?\\s*>", "");
  }

  private static String start(byte[] head) {
    String text = new String(head, 0, Math.min(head.length, 40), StandardCharsets.ISO_8859_1);
    text = text.replaceAll("\\p{Cntrl}", " ").strip();
    return text.isEmpty() ? "(an empty file)" : text;
  }
}
