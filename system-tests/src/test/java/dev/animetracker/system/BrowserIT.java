package dev.animetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.testsupport.HeadlessChromium;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's path through the pages in Debian's headless Chromium: register, confirm, log in.
 * Chromium cannot choose its source address, so its page registrations and logins count against
 * 127.0.0.1, which the Java clients leave to it (see {@link Loopback}): a handful per run, well
 * inside the gateway's per-IP limits.
 */
class BrowserIT {

  private static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    Stack.get();
    // A Russian fan's browser: the first visit's language follows Accept-Language.
    browser = HeadlessChromium.start("ru-RU,ru");
  }

  @BeforeEach
  void freshSession() {
    browser.get(Stack.baseUrl() + "/actuator/health");
    browser.manage().deleteAllCookies();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void registerConfirmAndLogInThroughThePages() {
    String username = Api.uniqueName("Hana");
    String email = username.toLowerCase(Locale.ROOT) + "@example.org";
    String password = "browser password";
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

    browser.get(Stack.baseUrl() + "/register");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
    field("register-username").sendKeys(username);
    field("register-email").sendKeys(email);
    field("register-password").sendKeys(password);
    field("register-submit").click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=register-done]")));

    String token = MailSink.awaitMail(email, 1, Duration.ofSeconds(30)).tokenOf("/verify-email");
    browser.get(Stack.baseUrl() + "/verify-email?token=" + token);
    field("verify-submit").click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-notice='verify.success']")));

    browser.get(Stack.baseUrl() + "/login");
    field("login-login").sendKeys(username);
    field("login-password").sendKeys(password);
    field("login-submit").click();

    WebElement navUser =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=nav-username]")));
    assertThat(navUser.getText()).contains(username);

    browser.get(Stack.baseUrl() + "/profile?lang=en");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(browser.getPageSource()).contains(username).contains(email);
  }

  @Test
  void communityPagesWorkInBothLanguagesAndModerationIsClosedToFans() {
    String uploader =
        Api.registerVerifiedUser(Api.uniqueName("Shelf"), "browser shelf pw")
            .path("accessToken")
            .asString();
    String group = "Grp" + Api.uniqueWord(6);
    Api.Response created =
        Torrents.upload(
            Torrents.make("community page " + Api.uniqueWord(6)),
            java.util.Map.of(
                "title",
                "[" + group + "] " + Api.uniqueWord(8) + " - 01 (1080p).mkv",
                "category",
                "anime-eng"),
            uploader);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    String fan = Api.uniqueName("Mika");
    Api.registerVerifiedUser(fan, "browser fan pw 1");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get(Stack.baseUrl() + "/login?lang=en");
    field("login-login").sendKeys(fan);
    field("login-password").sendKeys("browser fan pw 1");
    field("login-submit").click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=nav-username]")));

    for (String page :
        java.util.List.of(
            "/moderation",
            "/moderation/audit",
            "/moderation/categories",
            "/torrents/" + id + "/peers")) {
      browser.get(Stack.baseUrl() + page);
      assertThat(browser.findElement(By.cssSelector("[data-testid=error-status]")).getText())
          .as(page + " for a fan")
          .isEqualTo("403");
    }

    // A report without a reason comes back with the error next to the field, in English.
    browser.get(Stack.baseUrl() + "/torrents/" + id);
    field("torrent-report-open").click();
    field("torrent-report-submit").click();
    WebElement reasonError =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=torrent-report-reason-error]")));
    assertThat(reasonError.getText()).isNotBlank().doesNotContainPattern("[А-Яа-я]");
    new org.openqa.selenium.support.ui.Select(field("torrent-report-reason")).selectByValue("fake");
    field("torrent-report-submit").click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=report-sent]")));

    field("torrent-bookmark").click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-testid=bookmark-saved]")));
    field("torrent-follow-group").click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=follow-saved]")));

    browser.get(Stack.baseUrl() + "/me/bookmarks?lang=ru");
    assertThat(field("bookmarks-title").getText()).isEqualTo("Закладки");
    assertThat(browser.getPageSource()).contains("/torrents/" + id);
    browser.get(Stack.baseUrl() + "/me/follows?lang=en");
    assertThat(browser.getPageSource()).contains(group);
    browser.get(Stack.baseUrl() + "/me/notifications?lang=en");
    assertThat(field("notifications-title").getText()).isEqualTo("Notifications");
    browser.get(Stack.baseUrl() + "/me/feed?lang=ru");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
  }

  @Test
  void uploadThroughThePageShowsTheTorrentPageWithADownloadLink() {
    String username = Api.uniqueName("Kai");
    Api.registerVerifiedUser(username, "browser upload pw");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get(Stack.baseUrl() + "/login?lang=en");
    field("login-login").sendKeys(username);
    field("login-password").sendKeys("browser upload pw");
    field("login-submit").click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=nav-username]")));

    java.nio.file.Path torrent = Torrents.make("Mushishi " + username);
    By preview = By.cssSelector("[data-testid=upload-preview]");
    browser.get(Stack.baseUrl() + "/upload");
    // The deferred script reveals the Markdown preview button above the submit button: wait for
    // it, or the layout shifts between scrolling to the button and clicking it.
    wait.until(ExpectedConditions.visibilityOfElementLocated(preview));
    field("upload-file").sendKeys(torrent.toAbsolutePath().toString());
    // The page reads the chosen file and fills the release fields it finds, opening them: wait for
    // that too before clicking anything below them (and it proves the prefill on the real stack).
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("[data-testid=upload-prefill-status]")));
    assertThat(field("upload-title").getAttribute("value")).isEqualTo("Mushishi " + username);
    new org.openqa.selenium.support.ui.Select(field("upload-category")).selectByValue("anime-raw");
    field("upload-tags").sendKeys("classic, 1080p");
    field("upload-description").sendKeys("A *quiet* series.");
    field("upload-submit").click();

    WebElement title =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=torrent-title]")));
    assertThat(title.getText()).isEqualTo("Mushishi " + username);
    assertThat(browser.getCurrentUrl()).matches(".*/torrents/\\d+$");
    assertThat(field("torrent-infohash").getText()).matches("(?s).*[0-9a-f]{40}.*");
    assertThat(field("torrent-files").getText()).contains("Эпизод 01.mkv");
    assertThat(field("torrent-download").getAttribute("href")).endsWith("/download");
    assertThat(field("torrent-magnet").getAttribute("href")).startsWith("magnet:?xt=urn:btih:");
    // Download with the page's own session (HttpOnly cookies), as the button would.
    Object downloaded =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b =>"
                    + " done(r.status + ' ' + r.headers.get('content-type') + ' ' + b.byteLength)))"
                    + ".catch(e => done('error ' + e));",
                field("torrent-download").getAttribute("href"));
    assertThat(String.valueOf(downloaded)).startsWith("200 application/x-bittorrent ");

    // The start page lists through search-service, which learns of the upload through Kafka.
    browser.get(Stack.baseUrl() + "/");
    wait.until(
        driver -> {
          driver.navigate().refresh();
          return driver.findElements(By.cssSelector("[data-testid=listing-row]")).stream()
              .anyMatch(row -> row.getText().contains("Mushishi " + username));
        });
  }

  @Test
  void searchSortLanguageAndThemeOnTheStartPage() {
    String username = Api.uniqueName("Sora");
    String token =
        Api.registerVerifiedUser(username, "search page pw").path("accessToken").asString();
    // Unique words, so other tests' torrents never match.
    String shared = "kaidan" + Api.uniqueWord(8);
    String onlyFirst = "mononoke" + Api.uniqueWord(8);
    String first = "Ayakashi " + shared + " " + onlyFirst;
    String second = "Bakemono " + shared + " tatari" + Api.uniqueWord(8);
    for (String title : List.of(first, second)) {
      Api.Response created =
          Torrents.upload(
              Torrents.make(title), Map.of("category", "anime-raw", "title", title), token);
      assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    }
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

    // Search through the form; the index follows the uploads within about a second.
    browser.get(Stack.baseUrl() + "/");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
    field("search-query").sendKeys(onlyFirst);
    field("search-submit").click();
    wait.until(ExpectedConditions.urlContains("q=" + onlyFirst));
    wait.until(
        driver -> {
          List<WebElement> rows = driver.findElements(By.cssSelector("[data-testid=listing-row]"));
          if (rows.isEmpty()) {
            driver.navigate().refresh();
            return false;
          }
          return true;
        });
    assertThat(titles()).containsExactly(first);
    assertThat(field("search-query").getAttribute("value")).isEqualTo(onlyFirst);

    // Both share a word: sort them by title, then flip the order.
    browser.get(Stack.baseUrl() + "/?q=" + shared);
    wait.until(
        driver -> {
          if (titles().size() == 2) {
            return true;
          }
          driver.navigate().refresh();
          return false;
        });
    field("sort-title").click();
    wait.until(ExpectedConditions.urlContains("order=asc"));
    assertThat(browser.getCurrentUrl()).contains("q=" + shared, "sort=title");
    assertThat(field("sort-title").getAttribute("data-sort-direction")).isEqualTo("asc");
    assertThat(titles()).containsExactly(first, second);
    field("sort-title").click();
    wait.until(ExpectedConditions.urlContains("order=desc"));
    assertThat(titles()).containsExactly(second, first);
    // No peers yet: a zero is plain, not bold green or red (issue 14).
    assertThat(field("listing-seeders").getAttribute("class")).contains("count-zero");
    assertThat(field("listing-seeders").getCssValue("color"))
        .isEqualTo(field("listing-leechers").getCssValue("color"));

    // English keeps the search and its order.
    field("lang-en").click();
    wait.until(driver -> "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
    assertThat(browser.getCurrentUrl()).contains("q=" + shared, "order=desc");
    assertThat(field("search-total").getText()).isEqualTo("2 found");
    assertThat(titles()).containsExactly(second, first);

    // The theme toggle still works here and the choice survives a reload.
    String before = theme();
    field("theme-toggle").click();
    String after = theme();
    assertThat(after).isIn("dark", "light").isNotEqualTo(before);
    browser.navigate().refresh();
    assertThat(theme()).isEqualTo(after);
    field("theme-toggle").click();
    assertThat(theme()).isEqualTo(before);
  }

  private static List<String> titles() {
    return browser.findElements(By.cssSelector("[data-testid=listing-title]")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static String theme() {
    return String.valueOf(
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript("return document.documentElement.getAttribute('data-bs-theme');"));
  }

  private static WebElement field(String testId) {
    WebElement element = browser.findElement(By.cssSelector("[data-testid=" + testId + "]"));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        // Instant: Bootstrap's smooth scrolling would still be moving the page when the click is
        // aimed, and the longer upload form (release fields opened) scrolls far.
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
    return element;
  }
}
