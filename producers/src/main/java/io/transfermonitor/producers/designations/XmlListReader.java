package io.transfermonitor.producers.designations;

import io.transfermonitor.model.Designation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What the XML lists ({@link UnListReader}, {@link SdnListReader}) share: the document streamed
 * with StAX, one record in memory at a time, never the document; damage mended and listed with line
 * and column ({@link DamagedXmlReader}); a DOCTYPE refused (so no entity can be expanded or
 * fetched), and so is XML not well-formed even after mending, or another document than the list
 * read. Each record is the {@link Record} its {@link Format} opens for it: the reader tells it the
 * elements that open and close inside it, then asks it for its designation. Out: {@link
 * ListContents}, every readable record, and every record that could not be read with the reason (an
 * id used twice among them).
 */
final class XmlListReader {

  /** One record of a list, as it is read. */
  interface Record {
    /** The line the record starts at. */
    long line();

    /** What a problem report calls it (its element and id). */
    String label();

    /** What was noted while it was read, reported but not refused. */
    List<String> notes();

    /** An element {@code tag} opens inside the record, within {@code depth} enclosing ones. */
    void opened(String tag, int depth);

    /**
     * An element {@code tag} closes inside the record with the {@code text} it held; {@code
     * enclosing} are the elements still open around it, the innermost first.
     */
    void closed(String tag, Deque<String> enclosing, CharSequence text);

    /**
     * The designation the record describes.
     *
     * @throws IllegalArgumentException saying why it cannot be one
     */
    Designation toDesignation();
  }

  /** One XML list: its document element, its records and what its ids are called. */
  interface Format {
    /** The document element, e.g. {@code CONSOLIDATED_LIST}. */
    String root();

    /** The list as a refusal names it, e.g. "the UN consolidated list". */
    String title();

    /** The list's own as the refusal says it, e.g. "the UN list's". */
    String owner();

    /** The record an element {@code tag} at {@code line} starts, or null when it starts none. */
    Record open(String tag, long line);

    /** Why a record is refused whose id the record at {@code line} used already. */
    String usedBefore(long line);
  }

  private XmlListReader() {}

  /** Reads the {@code format} list in {@code in}; {@code name} names it in messages. */
  static ListContents read(InputStream in, String name, Format format) throws IOException {
    ListInput input = ListInput.open(in, name);
    DamagedXmlReader mended = new DamagedXmlReader(new BufferedReader(input.reader()));
    Parse parse = new Parse(name, format);
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
    private final Format format;
    private final List<Designation> designations = new ArrayList<>();
    private final List<RecordProblem> problems = new ArrayList<>();
    private final Map<String, Long> seen = new HashMap<>();
    private final Deque<String> path = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private Record record;
    private boolean rooted;

    Parse(String name, Format format) {
      this.name = name;
      this.format = format;
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
        if (!tag.equals(format.root())) {
          throw new ListFormatException(
              name
                  + ": not "
                  + format.title()
                  + ": the document is <"
                  + tag
                  + ">, "
                  + format.owner()
                  + " is <"
                  + format.root()
                  + ">"
                  + ListFormat.hintFor(tag));
        }
        return;
      }
      if (record == null) {
        record = format.open(tag, xml.getLocation().getLineNumber());
        path.clear();
        return;
      }
      record.opened(tag, path.size());
      path.push(tag);
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
      record.closed(tag, path, text);
      text.setLength(0);
    }

    private void finish(Record done) {
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
            new RecordProblem(name, done.line(), done.label(), format.usedBefore(earlier), true));
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
