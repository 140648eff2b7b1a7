package io.transfermonitor.producers.designations;

import io.transfermonitor.model.Designation;
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
 * Reads OFAC's Specially Designated Nationals list ({@code sdn.xml}: {@code sdnList} of {@code
 * sdnEntry}) into {@link Designation}s of the source {@value SdnRecord#SOURCE}, streaming it with
 * StAX like {@link UnListReader}: one entry in memory at a time, damage mended and listed ({@link
 * DamagedXmlReader}), a DOCTYPE refused. In: the file (or {@code .xml.gz}). Out: {@link
 * ListContents}, every readable entry (individuals, entities, vessels; aircraft as entities), every
 * entry that could not be read with the reason.
 */
public final class SdnListReader {

  private SdnListReader() {}

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
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException e) {
          // nothing left to read from it
        }
      }
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
    private SdnRecord entry;
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
            if (entry != null) {
              text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> end(xml.getLocalName());
          default -> {
            // comments, processing instructions and white space carry nothing
          }
        }
      }
    }

    private void start(XMLStreamReader xml) {
      String tag = xml.getLocalName();
      text.setLength(0);
      if (!rooted) {
        rooted = true;
        if (!tag.equals("sdnList")) {
          throw new ListFormatException(
              name
                  + ": not OFAC's SDN list: the document is <"
                  + tag
                  + ">, the SDN list's is <sdnList>"
                  + ListFormat.hintFor(tag));
        }
        return;
      }
      if (entry == null) {
        if (tag.equals("sdnEntry")) {
          entry = new SdnRecord(xml.getLocation().getLineNumber());
          path.clear();
        }
        return;
      }
      // a group is an element of a list element: akaList/aka, idList/id, ...
      if (path.size() == 1 && SdnRecord.GROUPS.contains(tag)) {
        entry.startGroup();
      }
      path.push(tag);
    }

    private void end(String tag) {
      if (entry == null) {
        return;
      }
      if (path.isEmpty()) {
        finish(entry);
        entry = null;
        return;
      }
      path.pop();
      if (path.size() == 1 && SdnRecord.GROUPS.contains(tag)) {
        entry.endGroup(tag);
      } else {
        entry.value(tag, text);
      }
      text.setLength(0);
    }

    private void finish(SdnRecord done) {
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
                "uid already used by the entry at line " + earlier,
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
}
