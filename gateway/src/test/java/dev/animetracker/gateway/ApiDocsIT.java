package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.testsupport.HeadlessChromium;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The API description and its UI, as a browser gets them: Debian's headless Chromium renders the
 * Swagger UI under the site's Content-Security-Policy (a blocked script would leave the page
 * empty).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocsIT {

  static final ServiceStubs stubs = new ServiceStubs();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    client = stubs.client(port);
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  @Test
  void swaggerUiRendersTheDocumentInABrowser() throws Exception {
    ChromeDriver browser = HeadlessChromium.start();
    try {
      browser.get("http://127.0.0.1:" + port + "/api/docs");
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      wait.until(
          driver ->
              driver.findElements(By.cssSelector(".swagger-ui .info .title")).stream()
                  .anyMatch(title -> title.getText().contains("AnimeTracker API")));
      wait.until(
          driver ->
              driver.findElements(By.cssSelector(".opblock-summary-path")).stream()
                  .anyMatch(path -> path.getText().contains("/api/torrents/{id}")));
    } finally {
      browser.quit();
    }
  }

  @Test
  void theDocumentListsEveryServicesRoutes() {
    client
        .get()
        .uri("/api/docs/openapi.json")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.openapi")
        .isEqualTo("3.1.0")
        .jsonPath("$.paths['/api/auth/login'].post")
        .exists()
        .jsonPath("$.paths['/api/torrents/{id}'].get")
        .exists()
        .jsonPath("$.paths['/api/search'].get")
        .exists()
        .jsonPath("$.paths['/api/users/me/notifications'].get")
        .exists()
        .jsonPath("$.paths['/api/tracker/torrents/{infoHash}/peers'].get")
        .exists();
  }

  @Test
  void theUiPageLoadsOnlyOwnScriptsUnderTheSitesPolicy() {
    String page =
        client
            .get()
            .uri("/api/docs")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueMatches("Content-Security-Policy", ".*script-src 'self'.*")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(page)
        .contains("/api/docs/assets/swagger-ui-bundle.js", "/api/docs/ui.js")
        .doesNotContain("<script>");

    client.get().uri("/api/docs/ui.js").exchange().expectStatus().isOk();
    client.get().uri("/api/docs/assets/swagger-ui-bundle.js").exchange().expectStatus().isOk();
    client.get().uri("/api/docs/assets/swagger-ui.css").exchange().expectStatus().isOk();
  }
}
