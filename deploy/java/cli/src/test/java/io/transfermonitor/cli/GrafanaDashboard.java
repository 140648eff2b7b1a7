package io.transfermonitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The provisioned Grafana dashboard ({@code deploy/grafana/dashboards}), read for its queries. */
record GrafanaDashboard(JsonNode json) {

  static final Path FILE =
      ProjectFiles.of("deploy", "grafana", "dashboards", "transfer-monitor.json");
  private static final Pattern METRIC = Pattern.compile("\\b((?:tm|kafka)_[a-z0-9_]+)\\b");

  static GrafanaDashboard read() throws IOException {
    return new GrafanaDashboard(new ObjectMapper().readTree(FILE.toFile()));
  }

  /** Every monitor and Kafka metric its panels query. */
  Set<String> metricNames() {
    Set<String> names = new TreeSet<>();
    for (JsonNode panel : json.get("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher m = METRIC.matcher(target.get("expr").asText());
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }
}
