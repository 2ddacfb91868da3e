package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.common.bencode.BEncoder;
import dev.animetracker.common.bencode.BList;
import dev.animetracker.common.bencode.BString;
import dev.animetracker.common.bencode.BValue;
import dev.animetracker.gateway.StubServer.Answer;
import dev.animetracker.testsupport.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The upload page's prefill script ({@code /js/upload-prefill.js}) in Debian's headless Chromium:
 * choosing a .torrent reads its name and files in the browser, asks {@code /api/releases/parse}
 * through the gateway (CSRF header and all) and fills only the fields nobody typed into.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadPrefillBrowserIT {

  static final ServiceStubs stubs = new ServiceStubs();

  private static final String FRIEREN = "[SubsPlease] Sousou no Frieren - 05 (1080p) [ABCD1234]";

  private static final String DANDADAN = "[Erai-raws] Dandadan - 07 [720p]";

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

  @BeforeEach
  void logIn() {
    stubs.client(port);
    stubs.torrents.answer(
        "GET /api/categories",
        r -> Answer.json(200, "[{\"id\":1,\"slug\":\"tv\",\"nameRu\":\"ТВ\",\"nameEn\":\"TV\"}]"));
    stubs.torrents.answer(
        "POST /api/releases/parse",
        r ->
            Answer.json(
                200,
                r.body().contains("Dandadan")
                    ? parsed("Erai-raws", 7, "720p", null, List.of("en"), List.of())
                    : parsed("SubsPlease", 5, "1080p", "ABCD1234", List.of("en"), List.of("ja"))));
    browser.get(base() + "/actuator/health");
    browser.manage().deleteAllCookies();
    browser.manage().addCookie(new Cookie("AT", stubs.token("uploader"), "/"));
  }

  @Test
  void choosingATorrentFillsTheTitleAndTheEmptyReleaseFieldsButNothingTyped() throws Exception {
    browser.get(base() + "/upload?lang=en");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    // The user typed one release field before choosing the file: it must survive. The fields
    // fold away again afterwards, so that the script has to open them.
    WebElement summary = field("upload-release").findElement(By.tagName("summary"));
    summary.click();
    field("upload-resolution").sendKeys("2160p");
    summary.click();
    assertThat(field("upload-release").getAttribute("open")).isNull();
    field("upload-file").sendKeys(torrent(FRIEREN, true).toString());

    wait.until(driver -> !value("upload-group").isEmpty());
    assertThat(value("upload-title")).isEqualTo(FRIEREN);
    assertThat(value("upload-group")).isEqualTo("SubsPlease");
    assertThat(value("upload-episodeFrom")).isEqualTo("5");
    assertThat(value("upload-crc32")).isEqualTo("ABCD1234");
    assertThat(value("upload-subtitleLanguages")).isEqualTo("en");
    assertThat(value("upload-audioLanguages")).isEqualTo("ja");
    assertThat(value("upload-resolution")).as("typed by the user").isEqualTo("2160p");
    assertThat(value("upload-season")).as("nothing found, nothing filled").isEmpty();
    assertThat(field("upload-release").getAttribute("open")).isNotNull();
    assertThat(field("upload-prefill-status").getText())
        .isEqualTo(
            "The release fields were filled from the .torrent file — check them before uploading.");

    StubServer.Recorded parse = stubs.torrents.requestsTo("/api/releases/parse").getLast();
    Map<String, Object> body = BrowserForms.json(parse.body());
    assertThat(body).containsEntry("name", FRIEREN);
    assertThat(body.get("files"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        // The BEP 47 pad file is no content.
        .containsExactly(FRIEREN + ".mkv", "Extras/NCOP1.mkv");
    assertThat(parse.headers().getFirst("X-XSRF-TOKEN")).isNotBlank();

    // Another file replaces what the script filled, still not what the user typed.
    field("upload-group").clear();
    field("upload-group").sendKeys("MyGroup");
    field("upload-file").sendKeys(torrent(DANDADAN, false).toString());
    wait.until(driver -> "7".equals(value("upload-episodeFrom")));
    assertThat(value("upload-title")).isEqualTo(DANDADAN);
    assertThat(value("upload-group")).isEqualTo("MyGroup");
    assertThat(value("upload-crc32")).as("filled by the script before: replaced").isEmpty();
    assertThat(value("upload-resolution")).isEqualTo("2160p");
  }

  @Test
  void aTypedTitleIsKeptAndIsTheNameThatIsParsed() throws Exception {
    browser.get(base() + "/upload");
    field("upload-title").sendKeys("[Erai-raws] Dandadan - 07 [720p] (my title)");
    int before = stubs.torrents.requestsTo("/api/releases/parse").size();
    field("upload-file").sendKeys(torrent(FRIEREN, false).toString());
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(driver -> !value("upload-group").isEmpty());
    assertThat(value("upload-title")).isEqualTo("[Erai-raws] Dandadan - 07 [720p] (my title)");
    assertThat(value("upload-group")).isEqualTo("Erai-raws");
    List<StubServer.Recorded> parses = stubs.torrents.requestsTo("/api/releases/parse");
    assertThat(parses).hasSize(before + 1);
    assertThat(BrowserForms.json(parses.getLast().body()))
        .containsEntry("name", "[Erai-raws] Dandadan - 07 [720p] (my title)")
        .containsEntry("files", List.of(FRIEREN));
  }

  @Test
  void aFileThatIsNoTorrentChangesNothing() throws Exception {
    browser.get(base() + "/upload");
    int before = stubs.torrents.requestsTo("/api/releases/parse").size();
    Path junk = Files.createTempFile("junk", ".torrent");
    Files.writeString(junk, "d4:infod4:name");
    field("upload-file").sendKeys(junk.toString());
    // The script's work is synchronous up to the request: a settled page is a checked one.
    ((JavascriptExecutor) browser)
        .executeAsyncScript("const done = arguments[arguments.length - 1]; setTimeout(done, 300);");
    assertThat(value("upload-title")).isEmpty();
    assertThat(value("upload-group")).isEmpty();
    assertThat(field("upload-release").getAttribute("open")).isNull();
    assertThat(stubs.torrents.requestsTo("/api/releases/parse")).hasSize(before);
  }

  // --- helpers ---

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private static WebElement field(String testId) {
    WebElement element = browser.findElement(By.cssSelector("[data-testid=" + testId + "]"));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
  }

  private static String value(String testId) {
    return String.valueOf(field(testId).getDomProperty("value"));
  }

  /**
   * A .torrent named {@code name}: one file, or (multi) a video, an extra and a BEP 47 pad file
   * that the script must leave out.
   */
  private static Path torrent(String name, boolean multi) throws Exception {
    BDictionary.Builder info =
        BDictionary.builder()
            .put("name", name)
            .put("piece length", 16_384L)
            .put("pieces", BString.of(new byte[20]));
    if (multi) {
      List<BValue> files = new ArrayList<>();
      files.add(file(100, null, name + ".mkv"));
      files.add(file(10, "p", ".pad", "16"));
      files.add(file(50, null, "Extras", "NCOP1.mkv"));
      info.put("files", new BList(files));
    } else {
      info.put("length", 1000L);
    }
    byte[] bytes = BEncoder.encode(BDictionary.builder().put("info", info.build()).build());
    Path dir = Files.createTempDirectory("prefill");
    return Files.write(dir.resolve("release.torrent"), bytes);
  }

  private static BDictionary file(long length, String attr, String... path) {
    BDictionary.Builder file =
        BDictionary.builder()
            .put("length", length)
            .put(
                "path",
                new BList(List.of(path).stream().map(p -> (BValue) BString.of(p)).toList()));
    if (attr != null) {
      file.put("attr", attr);
    }
    return file.build();
  }

  private static String parsed(
      String group,
      int episode,
      String resolution,
      String crc,
      List<String> subtitles,
      List<String> audio) {
    return "{\"group\":\""
        + group
        + "\",\"title\":\"x\",\"alternativeTitles\":[],\"season\":null,\"episodeFrom\":"
        + episode
        + ",\"episodeTo\":"
        + episode
        + ",\"batch\":false,\"version\":null,\"resolution\":\""
        + resolution
        + "\",\"source\":null,\"videoCodec\":null,\"audioCodec\":null,\"crc32\":"
        + (crc == null ? "null" : "\"" + crc + "\"")
        + ",\"subtitleLanguages\":"
        + json(subtitles)
        + ",\"audioLanguages\":"
        + json(audio)
        + "}";
  }

  private static String json(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").toList().toString().replace(" ", "");
  }
}
