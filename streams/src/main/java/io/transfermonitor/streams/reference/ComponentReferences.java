package io.transfermonitor.streams.reference;

import io.transfermonitor.model.MakerRecord;
import io.transfermonitor.model.PriorityListEntry;
import io.transfermonitor.schemas.validation.HsCode;
import io.transfermonitor.schemas.validation.MakerName;
import io.transfermonitor.streams.fact.Detail;
import io.transfermonitor.streams.fact.Fact;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The reference data of component findings as one task sees it: the priority list ({@code chpl
 * load}, the global store {@code chpl}, by HS code) and the makers table ({@code makers load}, the
 * global store {@code makers}), each read from its store into memory and built again after the
 * store changed ({@link ReferenceChanges}). A tier or a maker loaded or changed applies to the
 * findings read from then on; what was filed before stays as filed.
 */
public final class ComponentReferences {

  private final String listStore;
  private final ReferenceChanges listChanges;
  private final String makersStore;
  private final ReferenceChanges makerChanges;
  private KeyValueStore<String, PriorityListEntry> list;
  private KeyValueStore<String, MakerRecord> makers;
  private Map<String, PriorityListEntry> byCode = Map.of();
  private Map<String, MakerRecord> byName = Map.of();
  private long listBuiltAt = -1;
  private long makersBuiltAt = -1;

  /**
   * @param listStore the global store of the priority list
   * @param makersStore the global store of the makers table
   */
  public ComponentReferences(
      String listStore,
      ReferenceChanges listChanges,
      String makersStore,
      ReferenceChanges makerChanges) {
    this.listStore = listStore;
    this.listChanges = listChanges;
    this.makersStore = makersStore;
    this.makerChanges = makerChanges;
  }

  /** Reference data that holds nothing: every finding stands as it is, no code is listed. */
  public static ComponentReferences none() {
    return new ComponentReferences(null, new ReferenceChanges(), null, new ReferenceChanges());
  }

  /** Finds the global stores; from a processor's {@code init}. */
  public void init(ProcessingContext context) {
    if (listStore != null) {
      list = context.getStateStore(listStore);
    }
    if (makersStore != null) {
      makers = context.getStateStore(makersStore);
    }
  }

  /** The maker and country {@code c} is filed under, and what decided them. */
  public MakerResolution maker(Detail.Component c) {
    refresh();
    MakerRecord entry = byName.get(MakerName.key(c.maker()));
    if (entry == null) {
      return new MakerResolution(c.maker(), c.makerCountry(), null, MakerResolution.FINDING);
    }
    return new MakerResolution(
        entry.getMaker(),
        entry.getCountry() != null ? entry.getCountry() : c.makerCountry(),
        entry.getMaker().equals(c.maker()) ? null : c.maker(),
        "makers table " + entry.getSource());
  }

  /** {@code fact} with its component's maker and country as filed ({@link #maker}). */
  public Fact resolved(Fact fact) {
    if (!(fact.detail() instanceof Detail.Component c)) {
      return fact;
    }
    MakerResolution m = maker(c);
    if (m.maker().equals(c.maker()) && Objects.equals(m.country(), c.makerCountry())) {
      return fact;
    }
    return fact.withDetail(
        new Detail.Component(
            c.weaponType(),
            c.weaponDesignation(),
            c.recoveredAt(),
            c.recoveredBy(),
            m.maker(),
            m.country(),
            c.partNumber(),
            c.marking(),
            c.dateCode(),
            c.manufactured(),
            c.hsCode(),
            c.function(),
            c.page()));
  }

  /** Where {@code hsCode} is on the priority list; null when not listed or no HS code. */
  public Listing listing(String hsCode) {
    String code = HsCode.written(hsCode);
    if (code == null) {
      return null;
    }
    refresh();
    PriorityListEntry entry = byCode.get(code);
    if (entry == null) {
      return null;
    }
    return new Listing(
        entry.getTier(),
        entry.getList() + (entry.getListDate() == null ? "" : " of " + entry.getListDate()));
  }

  private void refresh() {
    long listCount = listChanges.count();
    if (list != null && listCount != listBuiltAt) {
      Map<String, PriorityListEntry> codes = new HashMap<>();
      try (KeyValueIterator<String, PriorityListEntry> it = list.all()) {
        it.forEachRemaining(e -> codes.put(e.key, e.value));
      }
      byCode = codes;
      listBuiltAt = listCount;
    }
    long makerCount = makerChanges.count();
    if (makers != null && makerCount != makersBuiltAt) {
      Map<String, MakerRecord> names = new HashMap<>();
      try (KeyValueIterator<String, MakerRecord> it = makers.all()) {
        it.forEachRemaining(
            e -> {
              MakerRecord m = e.value;
              m.getAliases().forEach(a -> names.putIfAbsent(MakerName.key(a), m));
            });
      }
      // a maker's own name wins over another maker's alias
      try (KeyValueIterator<String, MakerRecord> it = makers.all()) {
        it.forEachRemaining(e -> names.put(MakerName.key(e.value.getMaker()), e.value));
      }
      byName = names;
      makersBuiltAt = makerCount;
    }
  }
}
