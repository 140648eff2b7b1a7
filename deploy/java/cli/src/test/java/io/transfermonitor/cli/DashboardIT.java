package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.VesselFinding;
import io.transfermonitor.model.VesselFindingKind;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
 * 2024 OBSERVED breach, reported against observed (and the reporting-gap stage's own figures), the
 * activity chart with the scenario's weekly container shipments and yearly troops and workers, the
 * latest alerts, a live update when another delivery is counted, the map of vessels with the
 * gazetteer and an AIS finding published while the page is open, no request to anywhere but the
 * monitor, and no error in the browser console; the layout at desktop and phone widths, the caps
 * filling up month by month, case totals explained, sources by name and alerts that only add to a
 * case shown as its updates. Screenshots are left in {@code target/dashboard.png}, {@code
 * target/dashboard-map.png}, {@code target/dashboard-1400.png} and {@code target/dashboard-390.png}
 * (the whole page).
 */
@ExtendWith(KafkaStackExtension.class)
class DashboardIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOT = Path.of("target", "dashboard.png");
  static final Path MAP_SCREENSHOT = Path.of("target", "dashboard-map.png");
  static final int DESKTOP = 1400;
  static final int PHONE = 390;
  private static final String CAP = "unscr-2397-refined-petroleum-cap";
  private static final String OBSERVED_2024 = CAP + "/2024-01-01/OBSERVED";
  private static final String GAP_2024 = "reporting-gap-refined-petroleum/2024-01-01";
  private static final Instant LIVE_DELIVERY_TIME = Instant.parse("2024-11-20T00:00:00Z");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Two vessels side by side for four hours in the West Korea Bay, as the AIS stage finds them. */
  private static final VesselFinding ENCOUNTER =
      VesselFinding.newBuilder()
          .setFindingId("273300002/445100001/dashboard-it")
          .setKind(VesselFindingKind.ENCOUNTER)
          .setMmsi("273300002")
          .setOtherMmsi("445100001")
          .setName("DASHBOARD IT TANKER")
          .setStart(Instant.parse("2024-05-07T02:00:00Z"))
          .setEnd(Instant.parse("2024-05-07T06:00:00Z"))
          .setLatitude(39.05)
          .setLongitude(124.2)
          .setPlace("West Korea Bay")
          .setDetail("within 500 m of each other for 4 h 0 min, median 120 m, both below 2 kn")
          .build();

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
    // the reporting-gap stage's own comparison of 2024, for all states and for Russia, agrees
    JsonNode gaps = monitor.api("api/reporting-gaps");
    JsonNode comparison = period(monitor.api("api/reported-observed"), CAP + "/2024-01-01");
    for (String scope : List.of("ALL", "RUS")) {
      JsonNode gap = gap(gaps, GAP_2024 + "/" + scope);
      WebElement gapRow =
          browser.findElement(By.cssSelector("tr[data-gap='" + GAP_2024 + "/" + scope + "']"));
      assertThat(gapRow.getText())
          .contains(figure(gap.get("reported").asDouble()))
          .contains(figure(gap.get("observed").asDouble()))
          .contains(String.format(Locale.US, "%.2f ×", gap.get("ratio").asDouble()));
      assertThat(reached(gapRow)).containsExactly("REPORTING_GAP", "UNREPORTED_BREACH");
    }
    assertThat(gap(gaps, GAP_2024 + "/ALL").get("observed").asDouble())
        .isEqualTo(comparison.get("observed").asDouble());
    assertThat(gap(gaps, GAP_2024 + "/ALL").get("reported").asDouble())
        .isEqualTo(comparison.get("reported").asDouble());
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
        // the sources by name, not by the file names of the documents they cite
        .contains(last(first.get("sourceNames")))
        .doesNotContain(last(first.get("sources")));
    assertThat(text("[data-figure='openCases']")).isEqualTo(figure(cases.size()));
    // the charts are drawn, not blank
    assertThat(paintedPixels("caps-chart")).isGreaterThan(1000);
    assertThat(paintedPixels("reported-observed-chart")).isGreaterThan(1000);
    assertThat(paintedPixels("activity-chart")).isGreaterThan(1000);
    Files.write(SCREENSHOT, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void shouldFillTheWidthOfADesktopAndStackOnAPhoneWithEachCapLineEndingAtItsTotal()
      throws Exception {
    // given the seed scenario's 2024 caps, as the API tells them
    JsonNode caps = monitor.api("api/caps");
    double observed = capBar(caps, OBSERVED_2024).get("total").asDouble();
    double reported = capBar(caps, CAP + "/2024-01-01/REPORTED").get("total").asDouble();
    try {
      for (int width : List.of(DESKTOP, PHONE)) {
        // when the dashboard is opened in a window that wide
        browser.manage().window().setSize(new Dimension(width, 1700));
        browser.get(monitor.dashboardUrl());
        await().atMost(Duration.ofSeconds(20)).until(() -> loaded(browser));

        // then nothing is wider than the window: no sideways scrolling
        assertThat(number("return document.documentElement.scrollWidth"))
            .as("page width at %d px", width)
            .isLessThanOrEqualTo(number("return window.innerWidth"));
        // each cap's line ends at the total the page shows for it, the limit and levels across
        for (String basis : List.of("OBSERVED", "REPORTED")) {
          String shown =
              textOf("tr[data-cap='" + CAP + "/2024-01-01/" + basis + "'] td:nth-child(4)");
          double last = lastPoint(CAP + "/2024-01-01", basis);
          assertThat(figure(last) + " bbl").as("%s at %d px", basis, width).isEqualTo(shown);
          assertThat(
                  textOf(
                      "figure[data-filling='" + CAP + "/2024-01-01'] [data-basis='" + basis + "']"))
              .startsWith(basis.toLowerCase(Locale.ROOT) + ": " + shown);
        }
        assertThat(figure(lastPoint(CAP + "/2024-01-01", "OBSERVED"))).isEqualTo(figure(observed));
        assertThat(figure(lastPoint(CAP + "/2024-01-01", "REPORTED"))).isEqualTo(figure(reported));
        assertThat(paintedPixels(fillingCanvas(CAP + "/2024-01-01"))).isGreaterThan(1000);
        // the cap bars' labels begin inside their canvas: none is cut off
        assertThat(number(LABELS_FIT, "caps-chart", "y")).as("labels at %d px", width).isEqualTo(1);
        assertThat(number(LABELS_FIT, "reported-observed-chart", "x"))
            .as("labels at %d px", width)
            .isEqualTo(1);
        if (width == DESKTOP) {
          // the tall views run across the page, the caps beside reported against observed
          long main = number("return document.querySelector('main').clientWidth");
          for (String wide : List.of("cap-filling", "cases", "alerts", "vessels")) {
            assertThat(number("return document.getElementById(arguments[0]).offsetWidth", wide))
                .as(wide)
                .isGreaterThan(main * 9 / 10);
          }
          assertThat(number("return document.getElementById('caps').offsetTop"))
              .isEqualTo(number("return document.getElementById('reported-observed').offsetTop"));
        } else {
          // one column: the caps above reported against observed, both the window's width
          assertThat(number("return document.getElementById('caps').offsetLeft"))
              .isEqualTo(number("return document.getElementById('reported-observed').offsetLeft"));
        }
        wholePage(Path.of("target", "dashboard-" + width + ".png"));
      }
    } finally {
      browser.manage().window().setSize(new Dimension(DESKTOP, 1700));
    }
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void shouldShowSourcesUnitsAndCaseTotalsAsPeopleReadThemAndAlertsThatAddToACaseAsUpdates()
      throws Exception {
    // given the seed scenario's alerts and cases, as the API tells them
    JsonNode arms = monitor.api("api/alerts?rule=unscr-1718-arms-embargo&limit=1000").get("latest");
    JsonNode cases = monitor.api("api/cases");
    double observed = capBar(monitor.api("api/caps"), OBSERVED_2024).get("total").asDouble();

    // when the dashboard is opened
    browser.get(monitor.dashboardUrl());
    await().atMost(Duration.ofSeconds(20)).until(() -> loaded(browser));

    // then the arms embargo's first alert opened its case at CRITICAL, the others only added to it
    List<JsonNode> opened = new ArrayList<>();
    arms.forEach(
        a -> {
          if ("OPENED".equals(a.path("caseChange").asText())) {
            opened.add(a);
          }
        });
    assertThat(opened)
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.get("severity").asText()).isEqualTo("CRITICAL"));
    assertThat(arms.findValuesAsText("caseChange")).contains("UPDATED");
    // and the page tells an update as one, not as one more CRITICAL
    List<WebElement> updates =
        browser.findElements(By.cssSelector("#alerts-table tr[data-case-change='UPDATED']"));
    assertThat(updates).isNotEmpty();
    for (WebElement update : updates) {
      assertThat(update.findElement(By.cssSelector("td:nth-child(2)")).getText())
          .isEqualTo("update");
      assertThat(update.findElement(By.cssSelector("td:nth-child(5)")).getText())
          .startsWith("update of ");
    }
    for (WebElement news :
        browser.findElements(By.cssSelector("#alerts-table tr[data-case-change='OPENED']"))) {
      assertThat(news.findElement(By.cssSelector("td:nth-child(2)")).getText())
          .isIn("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
    }
    // the cases: sources by name, units as written, each total said how it was counted
    String table = text("#cases-table tbody");
    assertThat(table)
        .contains("MSMT first report (29 May 2025)")
        .doesNotContain("seed:0")
        .doesNotContain("BARREL")
        .doesNotContain("UNITS")
        .contains(" bbl");
    assertThat(cases.findValuesAsText("caseId")).contains(CAP + "/2024-01-01/OBSERVED");
    assertThat(text("td[data-totals='" + CAP + "/2024-01-01/OBSERVED']"))
        .contains("when its latest level alert (BREACH) was raised")
        .contains("the cap has counted " + figure(observed) + " bbl by now");
    assertThat(text("td[data-totals='unscr-1718-arms-embargo/PRK/RUS']"))
        .contains("20,400 containers")
        .contains("alerts report, one event each, since the case opened");
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void shouldDrawTheActivityChartWithTheSeedScenariosFigures() throws Exception {
    // given the scenario file's busiest week of container shipments and its troops and workers
    SeedScenarioFigures seed = SeedScenarioFigures.read();
    String week = seed.busiestContainerWeek();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () ->
                weekEvents(monitor.api("api/activity?kind=CONTAINER_SHIPMENT"), week)
                    == seed.containerShipments(week));

    // when the dashboard is opened
    browser.get(monitor.dashboardUrl());
    await().atMost(Duration.ofSeconds(20)).until(() -> loaded(browser));

    // then the chart has a bar of that week's container shipments, and draws it
    assertThat(chartValue("activity-chart", "CONTAINER_SHIPMENT", week))
        .isEqualTo(seed.containerShipments(week));
    assertThat(paintedPixels("activity-chart")).isGreaterThan(1000);
    JsonNode containers = monitor.api("api/activity?kind=CONTAINER_SHIPMENT");
    assertThat(weekOf(containers, week).get("quantities").get("CONTAINER_SHIPMENT"))
        .isEqualTo(JSON.createObjectNode().put("CONTAINERS", seed.containers(week)));
    assertThat(containerShipments(containers)).isEqualTo(seed.containerShipments());
    // and the yearly troops and workers as figures
    assertThat(text("[data-total='TROOP_DEPLOYMENT/2024'] dd"))
        .startsWith(figure(seed.personnel(2024)) + " personnel");
    assertThat(text("[data-total='TROOP_DEPLOYMENT/2025'] dd"))
        .startsWith(figure(seed.personnel(2025)) + " personnel")
        .contains(figure(seed.personnel(2024) + seed.personnel(2025)) + " personnel in all");
    assertThat(text("[data-total='WORKER_DISPATCH/2024'] dd"))
        .startsWith(figure(seed.workers(2024)) + " workers");
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void shouldShowTheComponentsFoundInTheKharkivMissilePerMakersState() throws Exception {
    // given the seed scenario's five findings, as the API adds them up
    JsonNode rows = monitor.api("api/components");

    // when the dashboard is opened
    browser.get(monitor.dashboardUrl());
    await().atMost(Duration.ofSeconds(20)).until(() -> loaded(browser));

    // then one row per maker's state, with the API's figures: the US parts are the most
    assertThat(browser.findElements(By.cssSelector("#components-table tr[data-state]")))
        .extracting(tr -> tr.getAttribute("data-state"))
        .containsExactly("USA", "DEU", "JPN");
    JsonNode usa = componentRow(rows, "COUNTRY", "USA");
    assertThat(usa.get("findings").asLong()).isEqualTo(3);
    assertThat(usa.get("priorityListed").asLong()).isEqualTo(3);
    assertThat(usa.get("newestMade").asText()).isEqualTo("2022-05");
    assertThat(text("#components-table tr[data-state='USA']"))
        .containsSubsequence(
            "USA", "3", "2: Example Maker US-A, Example Maker US-B", "3", "2022-05");
    assertThat(text("#components-table tr[data-state='DEU']"))
        .containsSubsequence("DEU", "1", "1: Example Maker DE-A", "0", "2023-02");
    assertThat(componentRow(rows, "YEAR_MADE", "2021").get("findings").asLong()).isEqualTo(2);
    assertThat(consoleErrors()).isEmpty();
  }

  private static JsonNode componentRow(JsonNode rows, String dimension, String value) {
    for (JsonNode row : rows) {
      if (row.get("dimension").asText().equals(dimension)
          && row.get("value").asText().equals(value)) {
        return row;
      }
    }
    throw new AssertionError("no component row " + dimension + "/" + value + " in " + rows);
  }

  @Test
  void shouldRefuseAnActivityKindThatDoesNotExist() {
    assertThatThrownBy(() -> monitor.api("api/activity?kind=SUBMARINE"))
        .hasMessageContaining("400")
        .hasMessageContaining("kind must be one of")
        .hasMessageContaining("'SUBMARINE'");
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
    String week = SeedScenarioFigures.isoWeek(LIVE_DELIVERY_TIME);
    long deliveriesThatWeek = chartValue("activity-chart", "TANKER_DELIVERY", week);

    // when another 10,000 bbl are observed in 2024
    monitor.send(delivery("dashboard-it-live-delivery", 10_000));

    // then the page shows the new total and the week's one more delivery without being reloaded
    String expected = figure(before + 10_000);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> textOf("tr[data-cap='" + OBSERVED_2024 + "']").contains(expected));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> chartValue("activity-chart", "TANKER_DELIVERY", week) == deliveriesThatWeek + 1);
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void shouldMapTheGazetteerAndAFindingPublishedToTheAisTopicFetchingNothingFromElsewhere()
      throws Exception {
    // given the open dashboard, live, its map drawn
    browser.get(monitor.dashboardUrl());
    await().atMost(Duration.ofSeconds(20)).until(() -> loaded(browser));
    await().atMost(Duration.ofSeconds(10)).until(() -> text("#live").startsWith("live"));
    await().atMost(Duration.ofSeconds(20)).until(() -> count("#vessel-map path.land") > 0);
    // with every port and area of interest of the gazetteer on it
    JsonNode places = monitor.api("api/ais/places");
    assertThat(places.get("ports").size()).isPositive();
    assertThat(count("#vessel-map path.port")).isEqualTo(places.get("ports").size());
    assertThat(count("#vessel-map path.area")).isEqualTo(places.get("areas").size());

    // when the AIS stage's finding of an encounter in the West Korea Bay is published
    monitor.sendFinding(ENCOUNTER);

    // then the open page lists it and marks it where it happened, without being reloaded
    String row = "tr[data-finding='" + ENCOUNTER.getFindingId() + "']";
    await().atMost(Duration.ofSeconds(30)).until(() -> !textOf(row).isEmpty());
    assertThat(text(row))
        .contains("2024-05-07 02:00")
        .contains("2024-05-07 06:00")
        .contains("encounter")
        .contains("DASHBOARD IT TANKER (MMSI 273300002) · MMSI 445100001")
        .contains("West Korea Bay")
        .contains(ENCOUNTER.getDetail());
    assertThat(count("#vessel-map path.finding-ENCOUNTER")).isPositive();
    Object centre =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const c = vesselMap.byFinding.get(arguments[0]).getBounds().getCenter();"
                    + "return [c.lat, c.lng];",
                ENCOUNTER.getFindingId());
    assertThat(centre).isEqualTo(List.of(39.05, 124.2));
    assertThat(monitor.api("api/ais/findings").get("findings").findValuesAsText("findingId"))
        .contains(ENCOUNTER.getFindingId());
    // and every request that could leave the machine went to the monitor itself (data: URLs and
    // the browser's own pages, chrome:// and chrome-untrusted:// as its new-tab page loads in
    // Chromium 150, are no network request)
    String origin = monitor.dashboardUrl();
    assertThat(requestedUrls())
        .filteredOn(url -> url.matches("(?i)(https?|wss?|ftp)://.*"))
        .isNotEmpty()
        .anySatisfy(url -> assertThat(url).endsWith("vendor/world-atlas/land-50m.json"))
        .allSatisfy(url -> assertThat(url).startsWith(origin));
    Files.write(
        MAP_SCREENSHOT, browser.findElement(By.id("vessels")).getScreenshotAs(OutputType.BYTES));
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
        "--window-size=1400,1700");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    // every request the browser sends (DevTools' Network.requestWillBeSent), failed ones too
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // the Debian driver, named explicitly, so Selenium Manager never tries to download one
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /**
   * 1 when every tick label of the chart's {@code axis} begins and ends inside its canvas, else 0:
   * a label wider than the room the axis has is cut off at the canvas's edge.
   */
  private static final String LABELS_FIT =
      "const chart = Chart.getChart(arguments[0]); const scale = chart.scales[arguments[1]];"
          + "const ctx = chart.ctx; ctx.save();"
          + "ctx.font = Chart.helpers.toFont(scale.options.ticks.font).string;"
          + "let fits = true;"
          + "for (const item of scale.getLabelItems()) {"
          + "  const lines = [].concat(item.label);"
          + "  const widest = Math.max(...lines.map(l => ctx.measureText(l).width));"
          + "  const x = item.options.translation[0];"
          + "  const align = item.options.textAlign;"
          + "  const left = align === 'right' ? x - widest : align === 'center' ? x - widest / 2 : x;"
          + "  if (item.options.rotation === 0 && (left < 0 || left + widest > chart.width + 0.5))"
          + "    fits = false;"
          + "}"
          + "ctx.restore(); return fits ? 1 : 0;";

  private static long number(String script, Object... arguments) {
    return ((Number) ((JavascriptExecutor) browser).executeScript(script, arguments)).longValue();
  }

  /** The id of the canvas of a cap period's filling chart. */
  private static String fillingCanvas(String period) {
    return String.valueOf(
        ((JavascriptExecutor) browser)
            .executeScript(
                "return document.querySelector(`figure[data-filling='${arguments[0]}'] canvas`).id;",
                period));
  }

  /** The last point the filling chart of {@code period} draws for {@code basis}. */
  private static double lastPoint(String period, String basis) {
    Object value =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const canvas = document.querySelector(`figure[data-filling='${arguments[0]}'] canvas`);"
                    + "const set = Chart.getChart(canvas).data.datasets.find(d => d.basis === arguments[1]);"
                    + "const points = set.data.filter(v => v !== null);"
                    + "return points[points.length - 1];",
                period,
                basis);
    return ((Number) value).doubleValue();
  }

  /** A screenshot of the whole page: the window made as tall as the page first. */
  private static void wholePage(Path png) throws IOException {
    Dimension window = browser.manage().window().getSize();
    long height = number("return document.documentElement.scrollHeight");
    long chrome = window.getHeight() - number("return window.innerHeight");
    browser
        .manage()
        .window()
        .setSize(new Dimension(window.getWidth(), (int) Math.min(16_000, height + chrome)));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> number("return window.innerHeight") >= Math.min(16_000 - chrome, height));
    Files.write(png, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    System.out.println("dashboard screenshot: " + png.toAbsolutePath());
    browser.manage().window().setSize(window);
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

  /** The value a bar chart draws for {@code kind}'s dataset at label {@code label}. */
  private static long chartValue(String canvasId, String kind, String label) {
    Object value =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const chart = Chart.getChart(arguments[0]);"
                    + "const i = chart.data.labels.indexOf(arguments[2]);"
                    + "const set = chart.data.datasets.find(d => d.kind === arguments[1]);"
                    + "return i < 0 || !set ? -1 : set.data[i];",
                canvasId,
                kind,
                label);
    return ((Number) value).longValue();
  }

  private static JsonNode weekOf(JsonNode activity, String week) {
    for (JsonNode w : activity.get("weeks")) {
      if (w.get("week").asText().equals(week)) {
        return w;
      }
    }
    throw new AssertionError("no week " + week + " in " + activity.get("weeks"));
  }

  /** Container shipments of every week of an {@code /api/activity} answer. */
  static long containerShipments(JsonNode activity) {
    long shipments = 0;
    for (JsonNode week : activity.get("weeks")) {
      shipments += week.get("events").path("CONTAINER_SHIPMENT").asLong();
    }
    return shipments;
  }

  private static long weekEvents(JsonNode activity, String week) {
    return weekOf(activity, week).get("events").get("CONTAINER_SHIPMENT").asLong();
  }

  private static JsonNode gap(JsonNode gaps, String key) {
    return find(gaps, key, "ruleId", "periodStart", "scope");
  }

  private static JsonNode period(JsonNode comparisons, String key) {
    return find(comparisons, key, "ruleId", "periodStart");
  }

  /** The element of {@code list} whose {@code fields}, joined by '/', are {@code key}. */
  private static JsonNode find(JsonNode list, String key, String... fields) {
    for (JsonNode element : list) {
      String k =
          Arrays.stream(fields).map(f -> element.get(f).asText()).collect(Collectors.joining("/"));
      if (k.equals(key)) {
        return element;
      }
    }
    throw new AssertionError("no " + String.join("/", fields) + " " + key + " in " + list);
  }

  private static int count(String css) {
    return browser.findElements(By.cssSelector(css)).size();
  }

  /** The URL of every request the browser has sent since the last call. */
  private static List<String> requestedUrls() throws IOException {
    List<String> urls = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
      JsonNode message = JSON.readTree(entry.getMessage()).get("message");
      if (message.get("method").asText().equals("Network.requestWillBeSent")) {
        urls.add(message.get("params").get("request").get("url").asText());
      }
    }
    return urls;
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
    return find(caps, key, "ruleId", "periodStart", "basis");
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
                .setEventTime(LIVE_DELIVERY_TIME)
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
