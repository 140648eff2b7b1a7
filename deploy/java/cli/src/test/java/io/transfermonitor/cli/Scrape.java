package io.transfermonitor.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text scrape, read into samples: {@code name{labels} value}. */
record Scrape(List<Sample> samples) {

  private static final Pattern LINE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)");

  /** One sample: metric name, its labels as written, its value. */
  record Sample(String name, String labels, double value) {}

  static Scrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = LINE.matcher(line);
      if (!line.startsWith("#") && m.find()) {
        samples.add(
            new Sample(
                m.group(1), m.group(2) == null ? "" : m.group(2), Double.parseDouble(m.group(3))));
      }
    }
    return new Scrape(samples);
  }

  Set<String> names() {
    Set<String> names = new TreeSet<>();
    samples.forEach(s -> names.add(s.name()));
    return names;
  }

  /** The samples of {@code name} whose labels contain every one of {@code labels}. */
  List<Sample> of(String name, String... labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> List.of(labels).stream().allMatch(l -> s.labels().contains(l)))
        .toList();
  }

  /** The sum of those samples. */
  double sum(String name, String... labels) {
    return of(name, labels).stream().mapToDouble(Sample::value).sum();
  }
}
