package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import dev.animetracker.testsupport.HeadlessChromium;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The stats charts in Debian's headless Chromium under the gateway's CSP: uPlot from its WebJar and
 * {@code /js/stats-charts.js} draw every chart from its table (a canvas and a legend naming the
 * table's columns); a part that is unavailable has no chart and breaks none of the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatsChartsBrowserIT {

  static final ServiceStubs stubs = new ServiceStubs();

  private static WebDriver browser;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
  }

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    stubs.close();
  }

  private void open(String path) {
    stubs.client(port);
    browser.get("http://127.0.0.1:" + port + "/actuator/health");
    browser.manage().deleteAllCookies();
    browser.manage().addCookie(new Cookie("AT", stubs.moderatorToken("mod"), "/"));
    browser.get("http://127.0.0.1:" + port + path);
  }

  private static List<WebElement> charts() {
    return browser.findElements(By.cssSelector("[data-stats-chart]"));
  }

  @Test
  void everyChartIsDrawnFromItsTable() {
    stubs.torrents.answer(
        "GET /api/moderation/stats/torrents", r -> Answer.json(200, StatsPagesIT.TORRENTS));
    stubs.search.answer("GET /api/search/stats", r -> Answer.json(200, StatsPagesIT.SEARCHES));
    stubs.notifications.answer(
        "GET /api/notifications/stats", r -> Answer.json(200, StatsPagesIT.MAIL));
    open("/moderation/stats?lang=en");

    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(
            driver ->
                charts().size() == 4
                    && charts().stream()
                        .allMatch(c -> "true".equals(c.getDomAttribute("data-stats-drawn"))));
    for (WebElement chart : charts()) {
      assertThat(chart.findElements(By.cssSelector(".stats-plot canvas")))
          .as(chart.getDomAttribute("data-stats-chart"))
          .isNotEmpty();
    }
    WebElement mail = browser.findElement(By.cssSelector("[data-stats-chart=mail]"));
    assertThat(mail.findElement(By.cssSelector(".stats-plot")).getText())
        .contains("Queued")
        .contains("Sent")
        .contains("Failed");
  }

  @Test
  void anUnavailablePartLeavesTheOtherChartsDrawn() {
    stubs.torrents.answer(
        "GET /api/moderation/stats/torrents", r -> Answer.problem(503, "service-unavailable", ""));
    stubs.search.answer("GET /api/search/stats", r -> Answer.json(200, StatsPagesIT.SEARCHES));
    stubs.notifications.answer(
        "GET /api/notifications/stats", r -> Answer.json(200, StatsPagesIT.MAIL));
    open("/moderation/stats?lang=ru");

    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(
            driver ->
                charts().size() == 2
                    && charts().stream()
                        .allMatch(c -> "true".equals(c.getDomAttribute("data-stats-drawn"))));
    assertThat(browser.findElements(By.cssSelector("[data-testid=stats-torrents-unavailable]")))
        .hasSize(1);
  }
}
