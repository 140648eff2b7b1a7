package io.transfermonitor.producers.designations;

import io.transfermonitor.model.Designation;
import io.transfermonitor.model.DesignationType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

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

  /** The UN list's document element, records and reference numbers. */
  private static final XmlListReader.Format FORMAT =
      new XmlListReader.Format() {
        @Override
        public String root() {
          return "CONSOLIDATED_LIST";
        }

        @Override
        public String title() {
          return "the UN consolidated list";
        }

        @Override
        public String owner() {
          return "the UN list's";
        }

        @Override
        public XmlListReader.Record open(String tag, long line) {
          return switch (tag) {
            case "INDIVIDUAL" -> new UnRecord(DesignationType.INDIVIDUAL, line);
            case "ENTITY" -> new UnRecord(DesignationType.ENTITY, line);
            default -> null;
          };
        }

        @Override
        public String usedBefore(long line) {
          return "reference number already used by the record at line " + line;
        }
      };

  private UnListReader() {}

  /** Reads {@code file}; a name ending in {@code .gz} is gunzipped first. */
  public static ListContents read(Path file) throws IOException {
    return ListInput.readFile(file, UnListReader::read);
  }

  /** Reads the list in {@code in}; {@code name} names it in messages. */
  public static ListContents read(InputStream in, String name) throws IOException {
    return XmlListReader.read(in, name, FORMAT);
  }
}
