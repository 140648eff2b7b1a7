package io.transfermonitor.producers.designations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * The sample list shipped in the jar: the UN Security Council Consolidated List as published on 30
 * November 2020 (1,018 designations, 155 of them under the DPRK regime: 80 individuals, 75
 * entities), gzipped. The demo loads it before the scenario; tests and the accuracy measurement of
 * {@code transfer-monitor screen --pairs} use it.
 */
public final class SampleList {

  /** The resource path, also what messages call it. */
  public static final String RESOURCE = "/designations/un-consolidated-2020-11.xml.gz";

  private SampleList() {}

  /** Reads the sample list. */
  public static ListContents read() {
    try (InputStream in = open()) {
      return UnListReader.read(in, "un-consolidated-2020-11.xml");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sample list " + RESOURCE, e);
    }
  }

  /** The uncompressed XML bytes of the sample list. */
  public static InputStream open() throws IOException {
    InputStream gz = SampleList.class.getResourceAsStream(RESOURCE);
    if (gz == null) {
      throw new IOException("the sample list " + RESOURCE + " is not on the class path");
    }
    return new GZIPInputStream(gz);
  }
}
