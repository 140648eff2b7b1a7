package io.transfermonitor.producers.designations;

import io.transfermonitor.model.Designation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads OFAC's Specially Designated Nationals list ({@code sdn.xml}: {@code sdnList} of {@code
 * sdnEntry}) into {@link Designation}s of the source {@value SdnRecord#SOURCE}, streaming it with
 * StAX like {@link UnListReader}: one entry in memory at a time, damage mended and listed ({@link
 * DamagedXmlReader}), a DOCTYPE refused. In: the file (or {@code .xml.gz}). Out: {@link
 * ListContents}, every readable entry (individuals, entities, vessels; aircraft as entities), every
 * entry that could not be read with the reason.
 */
public final class SdnListReader {

  /** The SDN list's document element, entries and uids. */
  private static final XmlListReader.Format FORMAT =
      new XmlListReader.Format() {
        @Override
        public String root() {
          return "sdnList";
        }

        @Override
        public String title() {
          return "OFAC's SDN list";
        }

        @Override
        public String owner() {
          return "the SDN list's";
        }

        @Override
        public XmlListReader.Record open(String tag, long line) {
          return tag.equals("sdnEntry") ? new SdnRecord(line) : null;
        }

        @Override
        public String usedBefore(long line) {
          return "uid already used by the entry at line " + line;
        }
      };

  private SdnListReader() {}

  /** Reads {@code file}; a name ending in {@code .gz} is gunzipped first. */
  public static ListContents read(Path file) throws IOException {
    return ListInput.readFile(file, SdnListReader::read);
  }

  /** Reads the list in {@code in}; {@code name} names it in messages. */
  public static ListContents read(InputStream in, String name) throws IOException {
    return XmlListReader.read(in, name, FORMAT);
  }
}
