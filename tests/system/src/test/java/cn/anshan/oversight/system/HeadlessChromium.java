package cn.anshan.oversight.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's ChromeDriver
 * (tests/system/browser/ensure-chromium installs both): no browser download, a fresh profile per
 * session, and the flags this machine's closed network needs.
 */
final class HeadlessChromium {
  static final Duration WAIT = Duration.ofSeconds(30);

  private HeadlessChromium() {}

  static WebDriver start() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    try {
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
          "--user-data-dir=" + Files.createTempDirectory("oversight-chromium"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    return new ChromeDriver(service, options);
  }

  static WebDriverWait until(WebDriver browser) {
    return new WebDriverWait(browser, WAIT);
  }

  /** Fills Keycloak's login form in the current window as a demo user (password = user name). */
  static void signIn(WebDriver browser, String user) {
    until(browser)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
        .sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(user);
    browser.findElement(By.id("kc-login")).click();
  }
}
