package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The dashboard with the seed scenario loaded, in a real headless Chromium (Debian's {@code
 * chromium} and {@code chromium-driver}, which {@code .ci/run} installs): the cap bars with the
 * 2024 OBSERVED breach, reported against observed, the latest alerts, a live update when another
 * delivery is counted, and no error in the browser console. A screenshot is left in {@code
 * target/dashboard.png}.
 */
@ExtendWith(KafkaStackExtension.class)
class DashboardIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOT = Path.of("target", "dashboard.png");
  private static final String CAP = "unscr-2397-refined-petroleum-cap";
  private static final String OBSERVED_2024 = CAP + "/2024-01-01/OBSERVED";

  @TempDir static Path dir;

  private static SeedScenarioMonitor monitor;
  private static WebDriver browser;

  @BeforeAll
  static void loadTheSeedScenario(KafkaStack stack) throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "no Debian chromium and chromedriver here: apt-get install chromium chromium-driver"
            + " (.ci/run does)");
    monitor = SeedScenarioMonitor.start(stack, dir.resolve("state"));
    browser = chromium(dir.resolve("chromium"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (monitor != null) {
      monitor.close();
    }
  }

  @Test
  void shouldShowTheCapBarsWithThe2024ObservedBreachAndTheOtherViews() throws Exception {
    // given the seed scenario processed, as the API tells it
    JsonNode observed = capBar(monitor.api("api/caps"), OBSERVED_2024);
    JsonNode alerts = monitor.api("api/alerts?limit=0");

    // when the dashboard is opened
    browser.get(monitor.dashboardUrl());
    await().atMost(Duration.ofSeconds(20)).until(() -> loaded(browser));

    // then the 2024 OBSERVED bar has reached every level up to the breach, REPORTED none
    WebElement row = browser.findElement(By.cssSelector("tr[data-cap='" + OBSERVED_2024 + "']"));
    assertThat(reached(row)).containsExactly("NOTICE_75", "NOTICE_90", "CEASE_SUPPLY_95", "BREACH");
    assertThat(row.getText()).contains(figure(observed.get("total").asDouble()));
    WebElement reported =
        browser.findElement(By.cssSelector("tr[data-cap='" + CAP + "/2024-01-01/REPORTED']"));
    assertThat(reached(reported)).isEmpty();
    // reported against observed, the alerts and the instance answering
    assertThat(
            browser
                .findElement(By.cssSelector("tr[data-period='" + CAP + "/2024-01-01']"))
                .getText())
        .contains(figure(observed.get("total").asDouble()));
    assertThat(browser.findElements(By.cssSelector("#alerts-table tr[data-alert]")))
        .hasSize((int) Math.min(50, alerts.get("total").asLong()));
    assertThat(text("[data-figure='alerts']")).isEqualTo(figure(alerts.get("total").asLong()));
    assertThat(text("#instances-table tbody")).contains("(this one)");
    // the open cases, the most severe first, with totals, evidence and sources
    JsonNode cases = monitor.api("api/cases");
    assertThat(cases).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#cases-table tr[data-case]")))
        .hasSize(cases.size());
    JsonNode first = cases.get(0);
    WebElement firstCase =
        browser.findElement(By.cssSelector("tr[data-case='" + first.get("caseId").asText() + "']"));
    assertThat(firstCase.getText())
        .contains(first.get("severity").asText())
        .contains(first.get("title").asText())
        .contains(last(first.get("evidence")))
        .contains(last(first.get("sources")));
    assertThat(text("[data-figure='openCases']")).isEqualTo(figure(cases.size()));
    // the charts are drawn, not blank
    assertThat(paintedPixels("caps-chart")).isGreaterThan(1000);
    assertThat(paintedPixels("reported-observed-chart")).isGreaterThan(1000);
    Files.write(SCREENSHOT, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void shouldAnswerReadinessFromThisInstanceAlone() throws Exception {
    assertThat(monitor.api("api/health").get("state").asText()).isEqualTo("RUNNING");
  }

  @Test
  void shouldUpdateTheOpenPageWhenAnotherDeliveryIsCounted() throws Exception {
    // given the open dashboard, live
    browser.get(monitor.dashboardUrl());
    await().atMost(Duration.ofSeconds(20)).until(() -> loaded(browser));
    await().atMost(Duration.ofSeconds(10)).until(() -> text("#live").startsWith("live"));
    double before = capBar(monitor.api("api/caps"), OBSERVED_2024).get("total").asDouble();

    // when another 10,000 bbl are observed in 2024
    monitor.send(delivery("dashboard-it-live-delivery", 10_000));

    // then the page shows the new total without being reloaded
    String expected = figure(before + 10_000);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> textOf("tr[data-cap='" + OBSERVED_2024 + "']").contains(expected));
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void shouldListTheNamedMetricsWithNonZeroValuesAfterTheScenario() throws Exception {
    // given the seed scenario (sent twice) and one undecodable record processed
    JsonNode observed = capBar(monitor.api("api/caps"), OBSERVED_2024);
    long alerts = monitor.api("api/alerts?limit=0").get("total").asLong();

    // when Prometheus scrapes the monitor
    Scrape scrape = Scrape.parse(SeedScenarioMonitor.get(monitor.metricsUrl()));

    // then the monitor's own meters count what happened
    assertThat(scrape.sum("tm_events_in_total", "kind=\"TANKER_DELIVERY\"")).isPositive();
    assertThat(
            scrape.sum(
                "tm_events_rejected_total",
                "stage=\"DESERIALIZATION\"",
                "kind=\"TANKER_DELIVERY\"",
                "reason=\"undecodable\""))
        .isEqualTo(1.0);
    assertThat(scrape.sum("tm_events_duplicate_total")).isEqualTo(monitor.seedEvents());
    assertThat(scrape.sum("tm_alerts_total")).isGreaterThanOrEqualTo(alerts);
    assertThat(scrape.sum("tm_alerts_total", "rule=\"" + CAP + "\"", "severity=\"CRITICAL\""))
        .isPositive();
    assertThat(scrape.sum("tm_alert_latency_seconds_count")).isGreaterThanOrEqualTo(alerts);
    assertThat(scrape.of("tm_alert_latency_seconds_bucket")).isNotEmpty();
    String capLabels = "rule=\"" + CAP + "\"";
    assertThat(scrape.sum("tm_cap_used", capLabels, "period=\"2024-01-01\"", "basis=\"OBSERVED\""))
        .isGreaterThanOrEqualTo(observed.get("total").asDouble());
    assertThat(scrape.sum("tm_cap_ratio", capLabels, "period=\"2024-01-01\"", "basis=\"OBSERVED\""))
        .isGreaterThan(1.0);
    assertThat(scrape.sum("tm_notifications_total", "kind=\"OPENED\"")).isPositive();
    assertThat(scrape.sum("tm_cases", "status=\"OPEN\""))
        .isEqualTo(monitor.api("api/cases").size());
    // Kafka Streams and client metrics, through Micrometer's Kafka binders
    assertThat(scrape.sum("kafka_stream_thread_process_total")).isPositive();
    assertThat(scrape.of("kafka_consumer_fetch_manager_records_lag_max", "StreamThread"))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.value()).isNotNaN().isGreaterThanOrEqualTo(0));
    // and every metric the Grafana dashboard queries is there
    assertThat(scrape.names()).containsAll(GrafanaDashboard.read().metricNames());
  }

  static WebDriver chromium(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=1400,1400");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // the Debian driver, named explicitly, so Selenium Manager never tries to download one
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private static boolean loaded(WebDriver browser) {
    return "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded"));
  }

  private static List<String> reached(WebElement capRow) {
    return capRow.findElements(By.cssSelector(".level.reached")).stream()
        .map(e -> e.getDomAttribute("data-level"))
        .toList();
  }

  /** The text of what {@code css} selects now, read in one step: the page may redraw it. */
  private static String textOf(String css) {
    Object text =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';",
                css);
    return String.valueOf(text);
  }

  private static String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  /** Pixels of the canvas that are not transparent: zero for a chart that drew nothing. */
  private static long paintedPixels(String canvasId) {
    Object count =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const c = document.getElementById(arguments[0]);"
                    + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; }"
                    + "return n;",
                canvasId);
    return ((Number) count).longValue();
  }

  private static List<String> consoleErrors() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  private static String last(JsonNode list) {
    return list.get(list.size() - 1).asText();
  }

  private static JsonNode capBar(JsonNode caps, String key) {
    for (JsonNode cap : caps) {
      String k =
          cap.get("ruleId").asText()
              + "/"
              + cap.get("periodStart").asText()
              + "/"
              + cap.get("basis").asText();
      if (k.equals(key)) {
        return cap;
      }
    }
    throw new AssertionError("no cap bar " + key + " in " + caps);
  }

  /** A figure as the page writes it: en-US grouping, no decimals. */
  private static String figure(double value) {
    return String.format(Locale.US, "%,.0f", value);
  }

  private static TankerDelivery delivery(String id, double barrels) {
    return TankerDelivery.newBuilder()
        .setHeader(
            EventHeader.newBuilder()
                .setEventId(id)
                .setSourceName("dashboard IT")
                .setSourceKind(SourceKind.OBSERVED)
                .setEventTime(Instant.parse("2024-11-20T00:00:00Z"))
                .setOrigin("RUS")
                .setDestination("PRK")
                .setReferences(List.of("dashboard IT"))
                .build())
        .setProductClass(ProductClass.REFINED)
        .setProduct("DIESEL")
        .setQuantity(barrels)
        .setUnit("BARREL")
        .build();
  }
}
