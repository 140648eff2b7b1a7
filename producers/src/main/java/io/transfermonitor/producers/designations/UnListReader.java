package io.transfermonitor.producers.designations;

import io.transfermonitor.model.Designation;
import io.transfermonitor.model.DesignationType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the UN Security Council Consolidated List (XML, schema {@code
 * https://www.un.org/sc/resources/sc-sanctions.xsd}) into {@link Designation}s, streaming it with
 * StAX: one record in memory at a time, never the document. In: the file (or {@code .xml.gz}). Out:
 * {@link ListContents}, every readable {@code INDIVIDUAL} and {@code ENTITY}, every record that
 * could not be read with the reason, and a warning when the bytes are not the declared UTF-8.
 *
 * <p>Damage a real copy carries (a control character in a name, a stray {@code &}) is mended and
 * listed with line and column ({@link DamagedXmlReader}), so every readable record still loads.
 * Refused outright ({@link ListFormatException}): a DOCTYPE (so no entity can be expanded or
 * fetched), XML that is not well-formed even so, another document than the UN list, an unknown
 * character set.
 */
public final class UnListReader {

  private UnListReader() {}

  /** Reads {@code file}; a name ending in {@code .gz} is gunzipped first. */
  public static ListContents read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file)) {
      InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      return read(in, file.toString());
    }
  }

  /** Reads the list in {@code in}; {@code name} names it in messages. */
  public static ListContents read(InputStream in, String name) throws IOException {
    ListInput input = ListInput.open(in, name);
    DamagedXmlReader mended = new DamagedXmlReader(new BufferedReader(input.reader()));
    Parse parse = new Parse(name);
    XMLStreamReader xml = null;
    try {
      xml = SafeXml.reader(mended);
      parse.run(xml);
    } catch (XMLStreamException e) {
      throw SafeXml.notWellFormed(name, e, mended.repairs());
    } finally {
      close(xml);
    }
    List<String> warnings = new ArrayList<>();
    input.encodingWarning().ifPresent(warnings::add);
    return new ListContents(
        name,
        parse.designations,
        parse.problems,
        warnings,
        mended.repairs(),
        ListScope.of(parse.designations));
  }

  /** One pass over the document. */
  private static final class Parse {
    private final String name;
    private final List<Designation> designations = new ArrayList<>();
    private final List<RecordProblem> problems = new ArrayList<>();
    private final Map<String, Long> seen = new HashMap<>();
    private final Deque<String> path = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private UnRecord record;
    private boolean rooted;

    Parse(String name) {
      this.name = name;
    }

    void run(XMLStreamReader xml) throws XMLStreamException {
      while (xml.hasNext()) {
        switch (xml.next()) {
          case XMLStreamConstants.DTD ->
              throw new ListFormatException(
                  name
                      + ": a DOCTYPE (ending at line "
                      + xml.getLocation().getLineNumber()
                      + ") is refused: designation lists have none, and entities in one could"
                      + " read local files or expand without bound");
          case XMLStreamConstants.START_ELEMENT -> start(xml);
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (record != null) {
              text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> end(xml.getLocalName());
          default -> {
            // comments, processing instructions and white space between records carry nothing
          }
        }
      }
    }

    private void start(XMLStreamReader xml) {
      String tag = xml.getLocalName();
      text.setLength(0);
      if (!rooted) {
        rooted = true;
        if (!tag.equals("CONSOLIDATED_LIST")) {
          throw new ListFormatException(
              name
                  + ": not the UN consolidated list: the document is <"
                  + tag
                  + ">, the UN list's is <CONSOLIDATED_LIST>"
                  + ListFormat.hintFor(tag));
        }
        return;
      }
      if (record == null) {
        if (tag.equals("INDIVIDUAL") || tag.equals("ENTITY")) {
          DesignationType type =
              tag.equals("INDIVIDUAL") ? DesignationType.INDIVIDUAL : DesignationType.ENTITY;
          record = new UnRecord(type, xml.getLocation().getLineNumber());
          path.clear();
        }
        return;
      }
      path.push(tag);
      record.start(tag);
    }

    private void end(String tag) {
      if (record == null) {
        return;
      }
      if (path.isEmpty()) {
        finish(record);
        record = null;
        return;
      }
      path.pop();
      record.end(tag, path.isEmpty() ? "" : path.peek(), text);
      text.setLength(0);
    }

    private void finish(UnRecord done) {
      Designation designation;
      try {
        designation = done.toDesignation();
      } catch (IllegalArgumentException e) {
        problems.add(new RecordProblem(name, done.line(), done.label(), e.getMessage(), true));
        return;
      }
      Long earlier = seen.putIfAbsent(designation.getDesignationId(), done.line());
      if (earlier != null) {
        problems.add(
            new RecordProblem(
                name,
                done.line(),
                done.label(),
                "reference number already used by the record at line " + earlier,
                true));
        return;
      }
      done.notes()
          .forEach(
              note ->
                  problems.add(new RecordProblem(name, done.line(), done.label(), note, false)));
      designations.add(designation);
    }
  }

  private static void close(XMLStreamReader xml) {
    if (xml == null) {
      return;
    }
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // nothing left to read from it
    }
  }
}
