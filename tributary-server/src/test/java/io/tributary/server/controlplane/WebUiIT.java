package io.tributary.server.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.testkit.postgres.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web UI end to end in a real headless Chromium: log in, add a PostgreSQL source with the
 * wizard, pause and resume it, roll its config back, and schedule a maintenance window that begins
 * and ends during the test, with the changes made inside it delivered afterwards.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WebUiIT {
  /** Where the test leaves pictures of the UI it drove (the last page, also after a failure). */
  private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

  @TempDir Path data;
  @TempDir Path profile;
  private final PostgresServer postgres = PostgresServer.shared();
  private ControlPlaneFixture fixture;
  private BrowserSession browser;
  private String database;
  private String base;

  @BeforeEach
  void start() throws SQLException {
    assumeTrue(
        Files.isExecutable(BrowserSession.CHROMIUM)
            && Files.isExecutable(BrowserSession.CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (.ci/run installs them)");
    database = postgres.createUniqueDatabase("ui");
    postgres.execute(database, "CREATE TABLE public.orders (id int PRIMARY KEY, status text)");
    postgres.execute(database, "CREATE TABLE public.notes (id int PRIMARY KEY, body text)");
    postgres.execute(database, "INSERT INTO public.orders VALUES (1, 'new'), (2, 'paid')");
    fixture = new ControlPlaneFixture(data, postgres, Duration.ofSeconds(5)).start();
    base = "https://localhost:" + fixture.plane().port() + "/";
    browser = new BrowserSession(profile);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.screenshot(SCREENSHOTS.resolve("last-page.png"));
      browser.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void addsASourceWithTheWizardThenPausesResumesRollsBackAndGoesThroughAMaintenanceWindow()
      throws SQLException {
    String name = database;
    logIn();

    // the wizard: type → form → test connection → tables → save and start
    browser.click("add-source");
    browser.click("type-card", "type", "postgres");
    browser.type("name", name);
    browser.type("source.host", postgres.host());
    browser.type("source.port", String.valueOf(postgres.port()));
    browser.type("source.database", database);
    browser.type("source.user", PostgresServer.SUPERUSER);
    browser.type("source.password", PostgresServer.PASSWORD);
    browser.select("[data-field='source.sslmode']", "disable");
    browser.click("test-connection");
    browser.byTestId("check-row", "name", "wal_level");
    browser.click("wizard-next");
    browser.byTestId("table-checkbox", "table", "public.orders");
    browser.click("table-checkbox", "table", "public.notes"); // capture orders only
    browser.click("save-connector");
    browser.until(ExpectedConditions.urlContains("#/connectors/" + name));
    browser.awaitState("STREAMING");
    assertThat(fixture.awaitEvents(name + ".public.orders", 2)).hasSize(2);
    browser.screenshot(SCREENSHOTS.resolve("detail.png"));
    assertThat(
            fixture
                .admin()
                .get("/api/v1/connectors/" + name)
                .json()
                .at("/config/source/tables")
                .toString())
        .isEqualTo("[\"public.orders\"]");

    // pause and resume: what changed while paused arrives after resuming
    browser.click("pause-button");
    browser.awaitState("PAUSED");
    postgres.execute(database, "INSERT INTO public.orders VALUES (3, 'while paused')");
    browser.click("resume-button");
    browser.awaitState("STREAMING");
    assertThat(fixture.awaitEvents(name + ".public.orders", 3)).hasSize(3);

    // a new version through the API, rolled back in the UI
    String v2 =
        fixture
            .document(name, database, "********")
            .replace("\"snapshot\": \"initial\"", "\"snapshot\": \"never\"");
    assertThat(fixture.admin().put("/api/v1/connectors/" + name + "/config", v2).status())
        .isEqualTo(200);
    browser.open(base + "#/connectors/" + name + "/history");
    browser.click("rollback-button", "version", "1");
    browser.acceptDialog();
    browser.awaitToast("Rolled back: version 3 equals version 1.");
    browser.byTestId("version-row", "version", "3");
    assertThat(
            fixture
                .admin()
                .get("/api/v1/connectors/" + name)
                .json()
                .at("/config/source/snapshot")
                .asText())
        .isEqualTo("initial");

    // an alert rule created and deleted in the UI
    browser.open(base + "#/alerts");
    browser.byTestId("rule-name").sendKeys("ui-rule");
    browser.select("#rule-condition", "connector_failed");
    browser.byTestId("rule-webhook-url").sendKeys("https://hooks.example.com/tributary");
    browser.click("rule-submit");
    browser.awaitToast("Alert rule created.");
    browser.byTestId("rule-row");
    assertThat(fixture.admin().get("/api/v1/alert-rules").json().toString()).contains("ui-rule");
    browser.click("rule-delete");
    browser.acceptDialog();
    browser.awaitToast("Rule deleted.");
    browser.awaitGone("rule-row");
    assertThat(fixture.admin().get("/api/v1/alert-rules").json().toString())
        .doesNotContain("ui-rule");

    // a maintenance window that begins and ends during the test
    browser.open(base + "#/maintenance");
    browser.select("#mw-connector", name);
    browser.select("#mw-type", "once");
    LocalDateTime start =
        LocalDateTime.now(ZoneId.systemDefault()).plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
    browser.script(
        "const e = document.getElementById('mw-start'); e.step = 1; e.value = arguments[0];"
            + " e.dispatchEvent(new Event('input', {bubbles: true}));",
        start.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    browser.byTestId("mw-duration").clear();
    browser.byTestId("mw-duration").sendKeys("10s");
    browser.click("mw-submit");
    browser.awaitToast("Maintenance window created.");
    browser.byTestId("window-row");
    browser.screenshot(SCREENSHOTS.resolve("maintenance.png"));

    browser.open(base + "#/connectors/" + name);
    browser.awaitState("MAINTENANCE");
    assertThat(browser.byTestId("maintenance-active").getText()).isNotBlank();
    postgres.execute(database, "INSERT INTO public.orders VALUES (4, 'during maintenance')");
    browser.awaitState("STREAMING");
    assertThat(fixture.awaitEvents(name + ".public.orders", 4))
        .extracting(e -> e.at("/after/id").asInt())
        .containsExactly(1, 2, 3, 4);
  }

  private void logIn() {
    browser.open(base);
    browser.byTestId("login-key").sendKeys(ControlPlaneFixture.ADMIN);
    browser.click("login-submit");
    browser.byTestId("add-source");
  }
}
