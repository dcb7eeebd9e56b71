package cn.anshan.oversight.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.system.story.StoryContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19 items 4 and 5: the auditor's console in a real browser, after the story ran. The auditor
 * signs in through Keycloak (authorization code + PKCE, in the page's own window), opens
 * institution A's timeline, sees one lane per aggregate coloured by service and the chain verified
 * against a signed checkpoint, switches to the state as of a date and exports; a parent signing in
 * to the same console is refused the institution's timeline. A screenshot of the auditor's view is
 * written to {@code target/audit-console.png}.
 */
@ExtendWith(LocalPlatformFixture.class)
@Order(6)
class AuditConsoleBrowserTest {
  private final String console = Endpoints.fromEnvironment().audit() + "/console/";

  @Test
  void theAuditorSeesTheInstitutionsLanesChainAndStateAndExports() throws IOException {
    WebDriver browser = HeadlessChromium.start();
    try {
      WebDriverWait until = HeadlessChromium.until(browser);
      signIn(browser, until, StoryContext.AUDITOR);
      search(browser, until, StoryContext.INSTITUTION_A);
      List<WebElement> lanes =
          until.until(
              ExpectedConditions.numberOfElementsToBeMoreThan(
                  By.cssSelector("#chart svg g.lane"), 1));
      Set<String> laneNames =
          lanes.stream().map(l -> l.getAttribute("data-lane")).collect(Collectors.toSet());
      assertTrue(
          laneNames.contains("Institution/" + StoryContext.INSTITUTION_A), "lanes: " + laneNames);
      Set<String> colours =
          browser.findElements(By.cssSelector("#chart circle.event")).stream()
              .map(c -> c.getAttribute("fill"))
              .collect(Collectors.toSet());
      assertTrue(colours.size() >= 2, "events of one service only: " + colours);
      assertTrue(
          browser.findElement(By.id("status")).getText().contains("compliance finding"),
          browser.findElement(By.id("status")).getText());
      WebElement verdict =
          until.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
      assertTrue(verdict.getText().startsWith("chain verified"), verdict.getText());
      assertTrue(
          browser.findElement(By.id("integrity")).getText().contains("covering checkpoint"),
          browser.findElement(By.id("integrity")).getText());

      screenshot(browser);

      // the first event's details, then the state a minute after it
      ((JavascriptExecutor) browser)
          .executeScript(
              "document.querySelector('#chart circle.event')"
                  + ".dispatchEvent(new MouseEvent('click'));"
                  + "const t = new Date(Date.parse(JSON.parse("
                  + "document.getElementById('detail').textContent).time) + 60000);"
                  + "const p = (n) => String(n).padStart(2, '0');"
                  + "document.getElementById('asof-time').value = t.getFullYear() + '-'"
                  + " + p(t.getMonth() + 1) + '-' + p(t.getDate()) + 'T' + p(t.getHours()) + ':'"
                  + " + p(t.getMinutes()) + ':' + p(t.getSeconds());");
      browser.findElement(By.cssSelector("#asof button")).click();
      until.until(ExpectedConditions.textMatches(By.id("state"), Pattern.compile("^as of ")));

      browser.findElement(By.id("export")).click();
      WebElement link =
          until.until(ExpectedConditions.visibilityOfElementLocated(By.id("export-link")));
      assertTrue(link.getText().contains("events, signed manifest"), link.getText());

    } finally {
      browser.quit();
    }
  }

  @Test
  void aParentIsRefusedTheInstitutionsTimeline() {
    WebDriver browser = HeadlessChromium.start();
    try {
      WebDriverWait until = HeadlessChromium.until(browser);
      signIn(browser, until, StoryContext.PARENT_1);
      search(browser, until, StoryContext.INSTITUTION_A);
      WebElement status =
          until.until(
              ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#status.refused")));
      assertTrue(status.getText().startsWith("Refused: 404"), status.getText());
      assertTrue(browser.findElements(By.cssSelector("#chart svg")).isEmpty());
    } finally {
      browser.quit();
    }
  }

  /** The lanes, legend and verification as the auditor sees them, for deploy/demo/README.md. */
  private static void screenshot(WebDriver browser) throws IOException {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, Path.of("target", "audit-console.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private void signIn(WebDriver browser, WebDriverWait until, String user) {
    browser.get(console);
    until.until(ExpectedConditions.elementToBeClickable(By.id("login"))).click();
    HeadlessChromium.signIn(browser, user);
    until.until(ExpectedConditions.visibilityOfElementLocated(By.id("entity")));
    assertTrue(browser.findElement(By.id("who")).getText().startsWith(user));
  }

  private static void search(WebDriver browser, WebDriverWait until, String entityId) {
    WebElement entity = browser.findElement(By.id("entity"));
    entity.clear();
    entity.sendKeys(entityId);
    browser.findElement(By.cssSelector("#search button")).click();
  }
}
