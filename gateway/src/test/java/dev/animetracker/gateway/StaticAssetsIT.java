package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * Issue 14's delivery part 2 on the real gateway with the build's static files: hashed asset URLs
 * cached immutable, .br/.gz for every stylesheet and script, the favicon, a meta description on
 * every page family, pages cacheable privately only (back/forward cache allowed), no on-the-fly
 * compression of signed-in pages, and a purge that kept every class the templates and scripts use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaticAssetsIT {

  static final ServiceStubs stubs = new ServiceStubs();

  /** What Spring's content version strategy puts in a file name: the MD5 of the file. */
  static final Pattern HASHED = Pattern.compile("-[0-9a-f]{32}\\.[a-z0-9]+$");

  static final Pattern LOCAL_ASSET =
      Pattern.compile("(?:href|src)=\"(/(?:css|js|favicon)[^\"?#]*)\"");

  static final Set<String> IMMUTABLE = Set.of("public", "max-age=31536000", "immutable");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    stubs.torrents.answer("GET /api/categories", r -> Answer.json(200, "[]"));
    stubs.torrents.answer("GET /api/tags", r -> Answer.json(200, "[]"));
    stubs.torrents.answer("GET /api/torrents/5", r -> Answer.json(200, torrent()));
    stubs.torrents.answer("GET /api/torrents/5/comments", r -> Answer.json(200, "[]"));
    stubs.search.answer(
        "GET /api/search",
        r -> Answer.json(200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}"));
    stubs.client(port);
    // Reactor Netty without compress(true) (Spring's default connector turns it on and would
    // decode gzip silently): the test sees the bytes and Content-Encoding the server sent.
    client =
        WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create()))
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  // --- hashed URLs, immutable ---

  @Test
  void everyAssetAPageLinksHasAHashedUrlAndIsImmutable() {
    List<String> assets = assetsOf(page("/").getResponseBody());
    assertThat(assets)
        .as("the layout links the stylesheet, the scripts and the favicons")
        .anyMatch(a -> a.startsWith("/css/site-"))
        .anyMatch(a -> a.startsWith("/js/theme-"))
        .anyMatch(a -> a.startsWith("/js/bootstrap-"))
        .anyMatch(a -> a.startsWith("/favicon-") && a.endsWith(".svg"));
    for (String asset : assets) {
      if (asset.equals("/favicon.ico")) {
        continue; // a fixed name: browsers ask for it by name (below)
      }
      assertThat(asset).as("hashed URL").containsPattern(HASHED);
      EntityExchangeResult<byte[]> answer = get(asset, "identity");
      assertThat(answer.getStatus().value()).as(asset).isEqualTo(200);
      assertThat(directives(answer)).as(asset + " Cache-Control").isEqualTo(IMMUTABLE);
    }
    // The page scripts of other families go through the same links.
    assertThat(assetsOf(page("/torrents/5").getResponseBody()))
        .allMatch(a -> a.equals("/favicon.ico") || HASHED.matcher(a).find());
  }

  @Test
  void theIconFontNamedInTheStylesheetIsServedImmutable() {
    String css = text(get(siteCss(), "identity"));
    Matcher font = Pattern.compile("url\\(\"?([^\")]+\\.woff2)\"?\\)").matcher(css);
    assertThat(font.find()).as("the stylesheet names the icon font").isTrue();
    String url = font.group(1).startsWith("/") ? font.group(1) : "/css/" + font.group(1);
    EntityExchangeResult<byte[]> answer = get(url, "identity");
    assertThat(answer.getStatus().value()).isEqualTo(200);
    assertThat(directives(answer)).isEqualTo(IMMUTABLE);
  }

  // --- compression ---

  @Test
  void stylesheetsAndScriptsAreSentBrotliOrGzipCompressed() {
    List<String> texts =
        assetsOf(page("/").getResponseBody()).stream()
            .filter(a -> a.endsWith(".css") || a.endsWith(".js") || a.endsWith(".svg"))
            .toList();
    assertThat(texts).hasSizeGreaterThanOrEqualTo(3);
    for (String asset : texts) {
      EntityExchangeResult<byte[]> plain = get(asset, "identity");
      assertThat(plain.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isNull();

      EntityExchangeResult<byte[]> br = get(asset, "br, gzip");
      assertThat(br.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING))
          .as(asset + " to br, gzip")
          .isEqualTo("br");
      assertThat(br.getResponseBody().length).isLessThan(plain.getResponseBody().length);
      assertThat(br.getResponseHeaders().getVary()).contains(HttpHeaders.ACCEPT_ENCODING);
      assertThat(directives(br)).isEqualTo(IMMUTABLE);

      EntityExchangeResult<byte[]> gzip = get(asset, "gzip");
      assertThat(gzip.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING))
          .as(asset + " to gzip")
          .isEqualTo("gzip");
      assertThat(gunzip(gzip.getResponseBody())).isEqualTo(plain.getResponseBody());
    }
  }

  @Test
  void anonymousPagesAreBrotliOrGzipCompressedButSignedInPagesAreNot() {
    EntityExchangeResult<byte[]> brotli =
        client
            .get()
            .uri("/login")
            .accept(MediaType.TEXT_HTML)
            .header(HttpHeaders.ACCEPT_ENCODING, "br, gzip")
            .exchange()
            .expectBody()
            .returnResult();
    assertThat(brotli.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("br");

    EntityExchangeResult<byte[]> anonymous =
        client
            .get()
            .uri("/login")
            .accept(MediaType.TEXT_HTML)
            .header(HttpHeaders.ACCEPT_ENCODING, "gzip")
            .exchange()
            .expectBody()
            .returnResult();
    assertThat(anonymous.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING))
        .isEqualTo("gzip");
    assertThat(new String(gunzip(anonymous.getResponseBody()), StandardCharsets.UTF_8))
        .contains("<html");

    // BREACH: a signed-in page holds secrets next to reflected input; never compressed on the fly.
    EntityExchangeResult<byte[]> signedIn =
        client
            .get()
            .uri("/?q=secret")
            .accept(MediaType.TEXT_HTML)
            .cookie("AT", stubs.token("erin"))
            .header(HttpHeaders.ACCEPT_ENCODING, "br, gzip")
            .exchange()
            .expectBody()
            .returnResult();
    assertThat(signedIn.getStatus().value()).isEqualTo(200);
    assertThat(signedIn.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isNull();
    assertThat(new String(signedIn.getResponseBody(), StandardCharsets.UTF_8)).contains("erin");
  }

  // --- favicon, robots ---

  @Test
  void faviconIcoAndRobotsTxtAreServedAtTheirFixedNames() {
    EntityExchangeResult<byte[]> ico = get("/favicon.ico", "identity");
    assertThat(ico.getStatus().value()).isEqualTo(200);
    // An ICO file: reserved 0, type 1.
    assertThat(Arrays.copyOf(ico.getResponseBody(), 4)).containsExactly(0, 0, 1, 0);
    // A fixed name may change content with a release: a day, not a year.
    assertThat(directives(ico)).contains("max-age=86400").doesNotContain("immutable");

    EntityExchangeResult<byte[]> robots = get("/robots.txt", "identity");
    assertThat(robots.getStatus().value()).isEqualTo(200);
    assertThat(text(robots)).contains("User-agent: *");
  }

  // --- meta description, page caching ---

  @Test
  void everyPageFamilyHasAMetaDescriptionInItsLanguage() {
    for (String path : List.of("/", "/login", "/register", "/torrents/5", "/no-such-page")) {
      String ru = description(page(path).getResponseBody());
      String en =
          description(page(path + (path.contains("?") ? "&" : "?") + "lang=en").getResponseBody());
      assertThat(ru).as(path + " ru").isNotBlank().containsPattern("[а-яА-Я]");
      assertThat(en).as(path + " en").isNotBlank().doesNotContainPattern("[а-яА-Я]");
    }
    assertThat(description(page("/torrents/5?lang=en").getResponseBody()))
        .startsWith("Frieren S01 1080p");
  }

  @Test
  void pagesAreCachedPrivatelyAndNeverNoStoreSoTheBackForwardCacheWorks() throws IOException {
    for (boolean signedIn : List.of(false, true)) {
      var request = client.get().uri("/").accept(MediaType.TEXT_HTML);
      if (signedIn) {
        request = request.cookie("AT", stubs.token("erin"));
      }
      EntityExchangeResult<String> answer =
          request.exchange().expectStatus().isOk().expectBody(String.class).returnResult();
      // private: no proxy or CDN may keep a page that names its viewer or holds a CSRF token.
      assertThat(directives(answer)).as("signed in: " + signedIn).contains("private", "no-cache");
      assertThat(directives(answer)).doesNotContain("no-store", "public");
      assertThat(answer.getResponseBody()).doesNotContain("onunload", "onbeforeunload");
    }
    // No script listens for unload either (it would keep pages out of the back/forward cache).
    for (Path file : files(Path.of("src/main/resources/static/js"), ".js")) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContain("unload");
    }
    // The API keeps Spring Security's no-store.
    EntityExchangeResult<byte[]> api = get("/api/categories", "identity");
    assertThat(directives(api)).contains("no-store");
  }

  // --- the purge ---

  @Test
  void thePurgeKeptEveryClassTheTemplatesAndScriptsUse() throws IOException {
    Path main = Path.of("src/main");
    Set<String> used = new TreeSet<>();
    for (Path file : files(main.resolve("resources/templates"), ".html")) {
      used.addAll(templateClasses(Files.readString(file)));
    }
    for (Path file : files(main.resolve("resources/static/js"), ".js")) {
      used.addAll(scriptClasses(Files.readString(file)));
    }
    assertThat(used).as("classes found in the templates").contains("navbar", "table", "bi");

    Path modules = main.resolve("frontend/node_modules");
    Set<String> defined = new TreeSet<>();
    for (Path css :
        List.of(
            modules.resolve("bootstrap/dist/css/bootstrap.css"),
            modules.resolve("bootstrap-icons/font/bootstrap-icons.css"),
            main.resolve("resources/static/css/app.css"))) {
      defined.addAll(cssClasses(Files.readString(css)));
    }
    Set<String> kept = cssClasses(text(get(siteCss(), "identity")));

    Set<String> dropped =
        used.stream()
            .filter(defined::contains)
            .filter(c -> !kept.contains(c))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(dropped).as("used classes the purge dropped").isEmpty();
    // And it did purge: most of Bootstrap and the icons is gone.
    assertThat(kept.size()).isLessThan(defined.size() / 3);
  }

  // --- helpers ---

  private EntityExchangeResult<byte[]> page(String path) {
    return client
        .get()
        .uri(path)
        .accept(MediaType.TEXT_HTML)
        .header(HttpHeaders.ACCEPT_ENCODING, "identity")
        .exchange()
        .expectBody()
        .returnResult();
  }

  private EntityExchangeResult<byte[]> get(String path, String acceptEncoding) {
    return client
        .get()
        .uri(path)
        .header(HttpHeaders.ACCEPT_ENCODING, acceptEncoding)
        .exchange()
        .expectBody()
        .returnResult();
  }

  private String siteCss() {
    return assetsOf(page("/").getResponseBody()).stream()
        .filter(a -> a.startsWith("/css/site-"))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> assetsOf(byte[] html) {
    Matcher m = LOCAL_ASSET.matcher(new String(html, StandardCharsets.UTF_8));
    Set<String> found = new LinkedHashSet<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return List.copyOf(found);
  }

  private static String description(byte[] html) {
    Matcher m =
        Pattern.compile("<meta name=\"description\"\\s+content=\"([^\"]*)\"")
            .matcher(new String(html, StandardCharsets.UTF_8));
    return m.find() ? m.group(1) : "";
  }

  private static Set<String> directives(EntityExchangeResult<?> answer) {
    String value = answer.getResponseHeaders().getCacheControl();
    return value == null
        ? Set.of()
        : Arrays.stream(value.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());
  }

  private static String text(EntityExchangeResult<byte[]> answer) {
    return new String(answer.getResponseBody(), StandardCharsets.UTF_8);
  }

  private static byte[] gunzip(byte[] bytes) {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).toList();
    }
  }

  /** Class names in class="…" and the quoted literals of th:class / th:classappend. */
  static Set<String> templateClasses(String html) {
    Set<String> classes = new TreeSet<>();
    Matcher plain = Pattern.compile("\\sclass=\"([^\"]*)\"").matcher(html);
    while (plain.find()) {
      classes.addAll(words(plain.group(1)));
    }
    Matcher dynamic = Pattern.compile("th:class(?:append)?=\"([^\"]*)\"").matcher(html);
    while (dynamic.find()) {
      Matcher literal = Pattern.compile("'([^']*)'").matcher(dynamic.group(1));
      while (literal.find()) {
        classes.addAll(words(literal.group(1)));
      }
    }
    return classes;
  }

  /** Class names a script adds: classList.add/remove/toggle('…') and className = '…'. */
  static Set<String> scriptClasses(String js) {
    Set<String> classes = new TreeSet<>();
    Matcher calls =
        Pattern.compile(
                "classList\\.(?:add|remove|toggle|replace)\\(([^)]*)\\)|className\\s*=\\s*([^;]*)")
            .matcher(js);
    while (calls.find()) {
      String args = calls.group(1) != null ? calls.group(1) : calls.group(2);
      Matcher literal = Pattern.compile("['\"]([^'\"]*)['\"]").matcher(args);
      while (literal.find()) {
        classes.addAll(words(literal.group(1)));
      }
    }
    return classes;
  }

  static Set<String> cssClasses(String css) {
    String withoutUrls = css.replaceAll("url\\([^)]*\\)", "");
    Matcher m = Pattern.compile("\\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)").matcher(withoutUrls);
    Set<String> classes = new TreeSet<>();
    while (m.find()) {
      classes.add(m.group(1));
    }
    return classes;
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.trim().split("\\s+"))
        .filter(w -> w.matches("[a-zA-Z][a-zA-Z0-9_-]*"))
        .toList();
  }

  private static String torrent() {
    return "{\"id\":5,\"title\":\"Frieren S01 1080p\",\"description\":\"\",\"descriptionHtml\":\"\","
        + "\"category\":{\"slug\":\"tv\",\"name\":\"TV\"},\"tags\":[],"
        + "\"uploader\":{\"id\":42,\"username\":\"uploader\"},"
        + "\"infoHash\":\"0123456789abcdef0123456789abcdef01234567\",\"infoHashV2\":null,"
        + "\"size\":1024,\"fileCount\":1,\"files\":[{\"path\":\"a.mkv\",\"size\":1024}],"
        + "\"createdAt\":\"2025-03-05T14:03:00Z\",\"updatedAt\":\"2025-03-05T14:03:00Z\","
        + "\"seeders\":1,\"leechers\":0,\"completed\":0,\"downloads\":0,\"commentCount\":0,"
        + "\"magnetUri\":\"magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567\"}";
  }
}
