package io.transfermonitor.streams.screen;

import io.transfermonitor.model.Designation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Which version of a designation a task has rescreened its past events against: the first 64 bits
 * of the SHA-256 of its Avro binary form. Any change (a new alias, a new IMO number) gives another
 * version and so a rescreen; republishing the same content does not.
 */
final class DesignationVersion {

  private DesignationVersion() {}

  static long of(Designation designation) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    try {
      new SpecificDatumWriter<>(Designation.class).write(designation, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot encode designation " + designation.getDesignationId(), e);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
