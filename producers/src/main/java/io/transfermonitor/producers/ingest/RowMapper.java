package io.transfermonitor.producers.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transfermonitor.producers.jsonl.EventJson;
import io.transfermonitor.producers.jsonl.EventJsonException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;

/**
 * A {@link Mapping} bound to a file's columns. In: one row's fields. Out: the event record (or
 * designation), or an {@link EventJsonException} naming the field and what is wrong. The event id
 * is a name-based (type 3) UUID of the source name and the id columns' values, so the same row
 * always gets the same id. List items mapped by index ({@code header.parties[0].name}) are kept
 * only when one of their columns has a value: a payment without a beneficiary gets no empty party.
 */
public final class RowMapper {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final char SEPARATOR = '\u001f';
  private static final Pattern INDEXED = Pattern.compile("(.+)\\[(\\d+)]");

  private final Mapping mapping;
  private final int width;
  private final List<FieldRule> rules;
  private final int[] idColumns;
  private final boolean idAsIs;
  private final String idPrefix;
  private final StringBuilder idText = new StringBuilder(128);
  private final MessageDigest md5;

  RowMapper(
      Mapping mapping,
      int width,
      List<FieldRule> rules,
      int[] idColumns,
      boolean idAsIs,
      String idPrefix) {
    this.mapping = mapping;
    this.width = width;
    this.rules = List.copyOf(rules);
    this.idColumns = idColumns.clone();
    this.idAsIs = idAsIs;
    this.idPrefix = idPrefix;
    try {
      this.md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }

  /** Maps one row; throws {@link EventJsonException} (line 0) when a field cannot be filled. */
  public SpecificRecord map(List<String> row) {
    if (row.size() != width) {
      throw new EventJsonException(
          0, null, "row has " + row.size() + " columns, the file has " + width);
    }
    ObjectNode tree = NODES.objectNode();
    if (mapping.isDesignationList()) {
      tree.put("designationId", eventId(row));
      tree.put("source", mapping.source());
    } else {
      ObjectNode header = tree.putObject("header");
      header.put("eventId", eventId(row));
      header.put("sourceName", mapping.source());
    }
    Items items = new Items();
    for (FieldRule rule : rules) {
      JsonNode value = rule.apply(row);
      if (value != null) {
        put(tree, rule.parts(), value, items, rule.hasColumnValue(row));
      }
    }
    items.dropUnfilled();
    return mapping.isDesignationList()
        ? EventJson.read(mapping.target(), tree)
        : EventJson.read(mapping.kind(), tree);
  }

  /** The event id of {@code row}. */
  public String eventId(List<String> row) {
    if (idAsIs) {
      String id = row.get(idColumns[0]).trim();
      if (id.isEmpty()) {
        throw new EventJsonException(0, "header.eventId", "the id column is empty");
      }
      return idPrefix + id;
    }
    idText.setLength(0);
    idText.append(mapping.source());
    for (int column : idColumns) {
      idText.append(SEPARATOR).append(row.get(column).trim());
    }
    return idPrefix + nameUuid(idText.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Same as {@link UUID#nameUUIDFromBytes} (type 3), with one digest reused per mapper. */
  private UUID nameUuid(byte[] name) {
    byte[] hash = md5.digest(name);
    hash[6] &= 0x0f;
    hash[6] |= 0x30;
    hash[8] &= 0x3f;
    hash[8] |= (byte) 0x80;
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (hash[i] & 0xff);
    }
    for (int i = 8; i < 16; i++) {
      lsb = (lsb << 8) | (hash[i] & 0xff);
    }
    return new UUID(msb, lsb);
  }

  private static void put(
      ObjectNode tree, String[] parts, JsonNode value, Items items, boolean fromData) {
    ObjectNode parent = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      Matcher indexed = INDEXED.matcher(parts[i]);
      if (indexed.matches()) {
        parent = items.item(parent, indexed.group(1), Integer.parseInt(indexed.group(2)));
        if (fromData) {
          items.filled.add(parent);
        }
      } else {
        JsonNode child = parent.get(parts[i]);
        parent = child instanceof ObjectNode o ? o : parent.putObject(parts[i]);
      }
    }
    parent.set(parts[parts.length - 1], value);
  }

  /** The list items a row's fields create, and which of them a column filled. */
  private static final class Items {
    private final List<ArrayNode> lists = new ArrayList<>();
    private final Set<JsonNode> filled = Collections.newSetFromMap(new IdentityHashMap<>());

    ObjectNode item(ObjectNode parent, String field, int index) {
      JsonNode existing = parent.get(field);
      ArrayNode list;
      if (existing instanceof ArrayNode array) {
        list = array;
      } else {
        list = parent.putArray(field);
        lists.add(list);
      }
      while (list.size() <= index) {
        list.addObject();
      }
      return (ObjectNode) list.get(index);
    }

    void dropUnfilled() {
      for (ArrayNode list : lists) {
        for (int i = list.size() - 1; i >= 0; i--) {
          if (!filled.contains(list.get(i))) {
            list.remove(i);
          }
        }
      }
    }
  }
}
