package io.transfermonitor.streams.ais;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * How the AIS stages write what only they read (the cell pings and IMO sightings on their
 * repartition topics, the IMO numbers' sightings in their store): a leading byte naming the form,
 * then the fields in a fixed order with Java's data streams. No registry, no field names.
 */
final class AisWire {

  /** Writes the fields after the leading byte. */
  interface Fields {
    void write(DataOutputStream out) throws IOException;
  }

  /** Reads a record whose leading byte was {@code form}. */
  interface Reading<T> {
    T read(byte form, DataInputStream in) throws IOException;
  }

  private AisWire() {}

  /** {@code form}, then the fields; {@code what} names the record in an error. */
  static byte[] write(byte form, String what, Fields fields) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(form);
      fields.write(out);
    } catch (IOException e) {
      throw new SerializationException("cannot write " + what, e);
    }
    return bytes.toByteArray();
  }

  /** The record of {@code bytes}; null for null. */
  static <T> T read(byte[] bytes, String what, Reading<T> reading) {
    if (bytes == null) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return reading.read(in.readByte(), in);
    } catch (IOException e) {
      throw new SerializationException("cannot read " + what, e);
    }
  }

  /** The error for a leading byte this monitor does not read. */
  static SerializationException unknownForm(String what, byte form, byte known) {
    return new SerializationException(
        what + " of version " + form + ", this monitor reads " + known);
  }

  static void writeDouble(DataOutputStream out, Double value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeDouble(value);
    }
  }

  static void writeInt(DataOutputStream out, Integer value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeInt(value);
    }
  }

  static void writeString(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value.length() > 256 ? value.substring(0, 256) : value);
    }
  }

  static Double readDouble(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readDouble() : null;
  }

  static Integer readInt(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readInt() : null;
  }

  static String readString(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
