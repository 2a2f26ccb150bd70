package io.tributary.server.controlplane;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, nothing downloaded) driving the
 * web UI, with helpers that find elements by their {@code data-testid}.
 */
final class BrowserSession implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final WebDriverWait wait;

  BrowserSession(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.setAcceptInsecureCerts(true); // the server's self-signed certificate
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    // the UI re-renders what it polls (state, tables) every few seconds: look again when an element
    // found a moment ago was replaced
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    this.wait.ignoring(StaleElementReferenceException.class);
  }

  WebDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement byTestId(String testId) {
    return until(ExpectedConditions.visibilityOfElementLocated(testId(testId)));
  }

  WebElement byTestId(String testId, String attribute, String value) {
    return until(ExpectedConditions.visibilityOfElementLocated(testId(testId, attribute, value)));
  }

  void click(String testId) {
    until(ExpectedConditions.elementToBeClickable(testId(testId))).click();
  }

  void click(String testId, String attribute, String value) {
    until(ExpectedConditions.elementToBeClickable(testId(testId, attribute, value))).click();
  }

  void type(String field, String text) {
    WebElement input =
        until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='" + field + "']")));
    input.clear();
    input.sendKeys(text);
  }

  void select(String cssSelector, String value) {
    WebElement select =
        until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    new org.openqa.selenium.support.ui.Select(select).selectByValue(value);
  }

  /** Waits until the state badge shows {@code state}. */
  void awaitState(String state) {
    until(d -> state.equals(d.findElement(testId("state-badge")).getDomAttribute("data-state")));
  }

  /** Waits until a toast saying {@code text} shows. */
  void awaitToast(String text) {
    until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//div[contains(@class,'toast') and normalize-space(.)='" + text + "']")));
  }

  /** Waits until no element with this test id is shown. */
  void awaitGone(String testId) {
    until(ExpectedConditions.invisibilityOfElementLocated(testId(testId)));
  }

  /** Accepts the confirm() dialog the last click opened. */
  void acceptDialog() {
    until(ExpectedConditions.alertIsPresent()).accept();
  }

  /** Saves what the browser shows as a PNG (for looking at a run, and at a failure). */
  void screenshot(Path file) {
    try {
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException | RuntimeException e) {
      // a screenshot is a courtesy: never the reason a test fails
    }
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  <T> T until(Function<? super WebDriver, T> condition) {
    return wait.until(condition);
  }

  static By testId(String testId) {
    return By.cssSelector("[data-testid='" + testId + "']");
  }

  static By testId(String testId, String attribute, String value) {
    return By.cssSelector("[data-testid='" + testId + "'][data-" + attribute + "='" + value + "']");
  }

  @Override
  public void close() {
    driver.quit();
  }
}
