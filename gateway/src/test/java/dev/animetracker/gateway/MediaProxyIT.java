package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.animetracker.common.mediaproxy.MediaProxyProperties;
import dev.animetracker.common.mediaproxy.MediaProxySigner;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The image proxy against real HTTP servers: an image host on 127.0.0.2 (let through by the
 * test-only allow-list) and a "private service" on 127.0.0.1, which the default policy refuses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MediaProxyIT {

  static final ServiceStubs stubs = new ServiceStubs();

  static final MediaProxySigner SIGNER = new MediaProxySigner(MediaProxyProperties.DEVELOPMENT_KEY);

  static final byte[] PNG =
      bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 200);

  static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  static final HttpServer images = server("127.0.0.2");

  static final HttpServer internal = server("127.0.0.1");

  static final String HOST = "http://127.0.0.2:" + images.getAddress().getPort();

  static final String INTERNAL = "http://127.0.0.1:" + internal.getAddress().getPort();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
    registry.add("animetracker.gateway.media.allowed-networks", () -> "127.0.0.2/32");
    registry.add(
        "animetracker.gateway.media.ports",
        () -> "80,443," + images.getAddress().getPort() + "," + internal.getAddress().getPort());
    registry.add("animetracker.gateway.media.max-bytes", () -> "1MB");
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    client = stubs.client(port);
  }

  @AfterAll
  static void stop() {
    images.stop(0);
    internal.stop(0);
    stubs.close();
  }

  @Test
  void servesASignedImageWithTheSniffedTypeAndSafeHeadersOnceFromTheOrigin() {
    String url = HOST + "/png-as-html?x=1&y=a%20b";
    for (int i = 0; i < 2; i++) {
      byte[] body =
          client
              .get()
              .uri(URI.create("http://127.0.0.1:" + port + SIGNER.proxyPath(url)))
              .exchange()
              .expectStatus()
              .isOk()
              .expectHeader()
              .contentType(MediaType.IMAGE_PNG)
              .expectHeader()
              .valueEquals("X-Content-Type-Options", "nosniff")
              .expectHeader()
              .valueEquals("Content-Security-Policy", "default-src 'none'")
              .expectHeader()
              .value("Cache-Control", v -> assertThat(v).contains("public", "max-age=86400"))
              .expectBody(byte[].class)
              .returnResult()
              .getResponseBody();
      assertThat(body).isEqualTo(PNG);
    }
    // The second answer came from the cache.
    assertThat(hits.get("/png-as-html").get()).isEqualTo(1);
  }

  @Test
  void svgOrHtmlIsNeverServedWhateverItsContentType() {
    expectRefused(HOST + "/svg-as-png", 415, "media-type");
    expectRefused(HOST + "/html", 415, "media-type");
  }

  @Test
  void bodiesOverTheLimitAreCutOffWithOrWithoutALength() {
    expectRefused(HOST + "/huge-chunked", 413, "media-too-large");
    expectRefused(HOST + "/huge-length", 413, "media-too-large");
  }

  @Test
  void tamperedOrMissingSignaturesAreRefusedBeforeAnyFetch() {
    String path = SIGNER.proxyPath(HOST + "/png-a");
    String tampered = path.replace("png-a", "png-b");
    client
        .get()
        .uri(URI.create("http://127.0.0.1:" + port + tampered))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("media-signature");
    client.get().uri("/media/image?u={u}", HOST + "/png-b").exchange().expectStatus().isForbidden();
    client
        .get()
        .uri("/media/image?u={u}&s={s}", HOST + "/png-b", "!!!not-base64")
        .exchange()
        .expectStatus()
        .isForbidden();
    assertThat(hits).doesNotContainKey("/png-b");
  }

  @Test
  void privateLoopbackLinkLocalAndRedirectsToThemAreRefusedWithTheDefaultPolicy() {
    for (String url :
        List.of(
            INTERNAL + "/secret",
            "http://10.0.0.1/x.png",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]:" + internal.getAddress().getPort() + "/secret",
            "http://[::ffff:127.0.0.1]:" + internal.getAddress().getPort() + "/secret",
            "http://100.64.0.1/x.png",
            "http://0.0.0.0:" + internal.getAddress().getPort() + "/secret",
            "http://2130706433:" + internal.getAddress().getPort() + "/secret",
            HOST + "/redirect-internal",
            "ftp://127.0.0.2/x.png",
            "file:///etc/passwd",
            "http://127.0.0.2:22/x.png")) {
      expectRefused(url, 403, "media-refused");
    }
    // A name resolving to loopback is refused by the resolver: never dialled.
    client
        .get()
        .uri(
            URI.create(
                "http://127.0.0.1:"
                    + port
                    + SIGNER.proxyPath(
                        "http://localhost:" + internal.getAddress().getPort() + "/secret")))
        .exchange()
        .expectStatus()
        .value(status -> assertThat(status).isIn(403, 404));
    assertThat(hits).doesNotContainKey("/secret");
  }

  @Test
  void followsAtMostThreeRedirects() {
    // /redirect/n answers n + 1 redirects before the image.
    expectOk(HOST + "/redirect/2");
    expectRefused(HOST + "/redirect/3", 403, "media-refused");
  }

  private void expectOk(String url) {
    client
        .get()
        .uri(URI.create("http://127.0.0.1:" + port + SIGNER.proxyPath(url)))
        .exchange()
        .expectStatus()
        .isOk();
  }

  private void expectRefused(String url, int status, String code) {
    client
        .get()
        .uri(URI.create("http://127.0.0.1:" + port + SIGNER.proxyPath(url)))
        .accept(MediaType.ALL)
        .exchange()
        .expectStatus()
        .value(s -> assertThat(s).as(url).isEqualTo(status))
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo(code);
  }

  private static HttpServer server(String address) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
      server.createContext("/", MediaProxyIT::handle);
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    try (exchange) {
      if (path.startsWith("/redirect/")) {
        int left = Integer.parseInt(path.substring("/redirect/".length()));
        exchange
            .getResponseHeaders()
            .set("Location", left == 0 ? "/png-redirected" : "/redirect/" + (left - 1));
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      switch (path) {
        case "/redirect-internal" -> {
          exchange.getResponseHeaders().set("Location", INTERNAL + "/secret");
          exchange.sendResponseHeaders(302, -1);
        }
        case "/svg-as-png" ->
            send(
                exchange,
                "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                    .getBytes(StandardCharsets.UTF_8));
        case "/html" ->
            send(exchange, "text/html", "<html>hi</html>".getBytes(StandardCharsets.UTF_8));
        case "/huge-length" -> send(exchange, "image/png", bytes(PNG, 2 * 1024 * 1024));
        case "/huge-chunked" -> {
          exchange.getResponseHeaders().set("Content-Type", "image/png");
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          out.write(PNG);
          byte[] chunk = new byte[64 * 1024];
          // Up to 8 MiB; the proxy must hang up long before (the write then fails).
          for (int i = 0; i < 128; i++) {
            out.write(chunk);
          }
        }
        default -> send(exchange, "text/html", PNG);
      }
    } catch (IOException cutOff) {
      // The proxy closed the connection mid-body: what the size test expects.
    }
  }

  private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  private static byte[] bytes(byte[] prefix, int length) {
    byte[] out = new byte[Math.max(length, prefix.length)];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    return out;
  }
}
