package cn.anshan.oversight.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.system.story.StoryContext;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19 items 3 and 5: the API portal in a real browser (Debian's headless Chromium). The portal
 * lists the five APIs and the events; a parent signs in from enrolment's Swagger UI through
 * Keycloak (authorization code + PKCE, no token typed by hand) and lists their children with their
 * own token; the same page without signing in is answered 401.
 */
@ExtendWith(LocalPlatformFixture.class)
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {
  private static WebDriver browser;
  private static WebDriverWait until;
  private final String portal = "http://localhost:" + (8090 + Endpoints.portOffset()) + "/";

  @BeforeAll
  static void startBrowser() {
    browser = HeadlessChromium.start();
    until = HeadlessChromium.until(browser);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  @Order(1)
  void thePortalListsTheFiveApisAndTheEvents() {
    browser.get(portal);
    List<WebElement> apis = browser.findElements(By.cssSelector("#apis tr[data-service]"));
    assertEquals(
        List.of("institution-registry", "escrow-monitor", "enrolment", "fee-approval", "audit"),
        apis.stream().map(row -> row.getAttribute("data-service")).toList());
    browser.findElement(By.id("events")).click();
    until.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".message")));
    List<WebElement> messages = browser.findElements(By.cssSelector(".message"));
    assertTrue(messages.size() > 40, messages.size() + " events listed");
    WebElement example = messages.get(0).findElements(By.tagName("details")).get(1);
    example.findElement(By.tagName("summary")).click();
    assertTrue(
        example.findElement(By.tagName("pre")).getText().contains("\"specversion\" : \"1.0\""),
        "the golden example is the whole CloudEvent");
  }

  @Test
  @Order(2)
  void withoutSigningInTheApiAnswers401() {
    openSwaggerUi("enrolment");
    assertEquals("401", tryListChildren());
  }

  @Test
  @Order(3)
  void aParentSignsInThroughKeycloakAndCallsTheApiWithTheirToken() {
    openSwaggerUi("enrolment");
    String portalWindow = browser.getWindowHandle();
    click(By.cssSelector("button.btn.authorize"));
    WebElement codeFlow =
        until.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//div[contains(@class,'auth-container')][.//*[contains(text(),"
                        + "'authorizationCode')]]")));
    codeFlow.findElement(By.cssSelector("button.authorize")).click();
    until.until(ExpectedConditions.numberOfWindowsToBe(2));
    for (String handle : browser.getWindowHandles()) {
      if (!handle.equals(portalWindow)) {
        browser.switchTo().window(handle);
      }
    }
    HeadlessChromium.signIn(browser, StoryContext.PARENT_1);
    until.until(ExpectedConditions.numberOfWindowsToBe(1));
    browser.switchTo().window(portalWindow);
    until.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//div[contains(@class,'auth-container')]//button[text()='Logout']")));
    click(By.cssSelector("button.btn-done"));
    assertEquals("200", tryListChildren());
  }

  private void openSwaggerUi(String service) {
    browser.get(portal);
    browser.findElement(By.cssSelector("#apis tr[data-service='" + service + "'] a.try")).click();
    until.until(
        ExpectedConditions.visibilityOfElementLocated(By.id("operations-Children-listChildren")));
  }

  /** GET /api/v1/children through "Try it out"; answers the status Swagger UI shows. */
  private String tryListChildren() {
    WebElement operation = browser.findElement(By.id("operations-Children-listChildren"));
    if (operation.findElements(By.cssSelector("button.try-out__btn")).isEmpty()) {
      operation.findElement(By.cssSelector(".opblock-summary-control")).click();
    }
    WebElement tryOut =
        until.until(
            ExpectedConditions.elementToBeClickable(
                operation.findElement(By.cssSelector("button.try-out__btn"))));
    if (tryOut.getText().trim().equalsIgnoreCase("Try it out")) {
      tryOut.click();
    }
    until
        .until(
            ExpectedConditions.elementToBeClickable(
                operation.findElement(By.cssSelector("button.execute"))))
        .click();
    try {
      return until.until(
          driver ->
              operation
                  .findElements(By.cssSelector(".live-responses-table td.response-col_status"))
                  .stream()
                  .map(cell -> cell.getText().trim())
                  .filter(text -> text.matches("(?s)\\d{3}\\b.*"))
                  .map(text -> text.substring(0, 3))
                  .findFirst()
                  .orElse(null));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "no response status shown; the operation reads: " + operation.getText(), e);
    }
  }

  private void click(By by) {
    until.until(ExpectedConditions.elementToBeClickable(by)).click();
  }
}
