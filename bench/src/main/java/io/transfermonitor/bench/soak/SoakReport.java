package io.transfermonitor.bench.soak;

import io.transfermonitor.bench.Percentiles;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The soak's printed account: faults and their recovery times, bad inputs, the outcome. */
final class SoakReport {

  private final PrintStream out;

  SoakReport(PrintStream out) {
    this.out = out;
  }

  void faults(List<Fault> faults, Map<Fault.Kind, List<Long>> recovery) {
    out.printf(Locale.ROOT, "%nfaults injected: %d%n", faults.size());
    out.printf(Locale.ROOT, "  %-18s %5s %12s %12s%n", "fault", "count", "recovery p50", "max");
    recovery.forEach(
        (kind, millis) -> {
          Percentiles p = Percentiles.of(millis.stream().mapToLong(Long::longValue).toArray());
          out.printf(
              Locale.ROOT,
              "  %-18s %5d %10.1f s %10.1f s%n",
              kind.label,
              millis.size(),
              p.at(50) / 1e3,
              p.max() / 1e3);
        });
  }

  void badInputs(BadInputCorpus.Accounting a) {
    out.printf(Locale.ROOT, "%nbad records sent straight to the event topics%n");
    out.printf(
        Locale.ROOT,
        "  %-22s %-16s %7s %9s %11s%n",
        "class",
        "stage",
        "sent",
        "accounted",
        "wrong stage");
    for (BadInputCorpus.BadClass kind : BadInputCorpus.BadClass.values()) {
      out.printf(
          Locale.ROOT,
          "  %-22s %-16s %7d %9d %11d%n",
          kind,
          kind.stage,
          a.sent().getOrDefault(kind, 0),
          a.found().getOrDefault(kind, 0),
          a.wrongStage().getOrDefault(kind, 0));
    }
    int sent = a.total(a.sent());
    int found = a.total(a.found());
    out.printf(
        Locale.ROOT,
        "  %-22s %-16s %7d %9d %11d   (%.1f %% accounted, %d sends failed)%n",
        "all",
        "",
        sent,
        found,
        a.total(a.wrongStage()),
        sent == 0 ? 100.0 : 100.0 * found / sent,
        a.failedSends());
  }

  void outcome(SoakCheck.Outcome o, long failedSends) {
    out.printf(Locale.ROOT, "%noutcome%n");
    out.printf(
        Locale.ROOT,
        "  alerts of the modelled rules: expected %d, seen %d, missing %d, duplicated %d%n",
        o.expected().size(),
        o.seenCount(),
        o.missing(),
        o.duplicated());
    o.expected().stream()
        .filter(id -> !o.seen().containsKey(id))
        .limit(10)
        .forEach(id -> out.println("    missing " + id));
    o.seen()
        .forEach(
            (id, n) -> {
              if (n > 1) {
                out.println("    seen " + n + " times: " + id);
              } else if (!o.expected().contains(id)) {
                out.println("    not expected: " + id);
              }
            });
    o.contentDuplicates().stream().limit(10).forEach(d -> out.println("    same content: " + d));
    if (!o.otherRules().isEmpty()) {
      out.println("  alerts of rules the oracle does not model: " + o.otherRules());
    }
    out.printf(
        Locale.ROOT,
        "  cap ledgers differing from the oracle: %d, totals exact: %s%n",
        o.totalsDiffering().size(),
        o.totalsExact() ? "yes" : "no");
    o.totalsDiffering().forEach((k, v) -> out.println("    " + k + ": " + v));
    out.printf(
        Locale.ROOT,
        "  rejected topic: %d records, good events among them: %d%n",
        o.rejected().size(),
        o.goodRejected().size());
    o.goodRejected().stream()
        .limit(10)
        .forEach(id -> out.println("    good event rejected: " + id));
    if (failedSends > 0) {
      out.printf(
          Locale.ROOT, "  %d input records were not acknowledged by the cluster%n", failedSends);
    }
  }
}
