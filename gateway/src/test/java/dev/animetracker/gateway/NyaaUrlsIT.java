package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** Nyaa's addresses (docs/nyaa.md) against a stub search-service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NyaaUrlsIT {

  static final ServiceStubs stubs = new ServiceStubs();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    stubs.search.answer(
        "GET /rss",
        r -> new Answer(200, "application/rss+xml;charset=UTF-8", "<rss version=\"2.0\"/>"));
    client = stubs.client(port);
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  @Test
  void nyaaFeedIsOurRssWithTranslatedParameters() {
    client
        .get()
        .uri("/?page=rss&q={q}&c=1_2&f=2&u=SubsPlease&m&apikey=k1", "frieren & 1080p")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.parseMediaType("application/rss+xml"))
        .expectBody(String.class)
        .isEqualTo("<rss version=\"2.0\"/>");
    MultiValueMap<String, String> seen = decoded(stubs.search.requestsTo("/rss").getLast().query());
    assertThat(seen.toSingleValueMap())
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of(
                "q", "frieren & 1080p",
                "category", "anime-eng",
                "filter", "2",
                "uploader", "SubsPlease",
                "magnets", "true",
                "apikey", "k1"));
  }

  @Test
  void nyaaFeedWithAllCategoriesAndNoFilterSendsNeither() {
    client.get().uri("/?page=rss&c=0_0&f=0").exchange().expectStatus().isOk();
    MultiValueMap<String, String> seen = decoded(stubs.search.requestsTo("/rss").getLast().query());
    assertThat(seen).isEmpty();
  }

  @Test
  void nyaaFeedWithAWholeMainCategorySendsEverySlugOfIt() {
    client.get().uri("/?page=rss&c=1_0").exchange().expectStatus().isOk();
    assertThat(decoded(stubs.search.requestsTo("/rss").getLast().query()).get("category"))
        .containsExactly("anime-rus-subs,anime-rus-voice,anime-eng,anime-raw");
  }

  @Test
  void unknownCategoryCodeIsAReadable400() {
    int before = stubs.search.requestsTo("/rss").size();
    client
        .get()
        .uri("/?page=rss&c=9_9")
        .accept(MediaType.APPLICATION_XML)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("nyaa-category");
    client
        .get()
        .uri("/?c=1_2'><script>")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML);
    assertThat(stubs.search.requestsTo("/rss")).hasSize(before);
  }

  @Test
  void nyaaBrowseAddressRedirectsToOurNames() {
    URI location =
        client
            .get()
            .uri("/?q={q}&c=1_4&f=1&u=erin&s=downloads&o=asc&p=3", "a&b=c")
            .exchange()
            .expectStatus()
            .isFound()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getLocation();
    assertThat(location).isNotNull();
    assertThat(location.getHost()).isNull();
    assertThat(location.getRawPath()).isEqualTo("/");
    assertThat(decoded(location.getRawQuery()).toSingleValueMap())
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of(
                "q", "a&b=c",
                "category", "anime-raw",
                "filter", "1",
                "uploader", "erin",
                "sort", "completed",
                "order", "asc",
                "page", "3"));
  }

  @Test
  void ourOwnBrowseAddressIsNotRedirected() {
    stubs.search.answer("GET /api/search", r -> Answer.json(200, "{\"items\":[],\"total\":0}"));
    stubs.torrents.answer("GET /api/categories", r -> Answer.json(200, "[]"));
    stubs.torrents.answer("GET /api/tags", r -> Answer.json(200, "[]"));
    client.get().uri("/?q=frieren&page=2").exchange().expectStatus().isOk();
  }

  @Test
  void viewUserAndDownloadRedirectToOurs() {
    client
        .get()
        .uri("/view/1234")
        .exchange()
        .expectStatus()
        .isEqualTo(301)
        .expectHeader()
        .location("/torrents/1234");
    client
        .get()
        .uri("/user/Sub_Group-1")
        .exchange()
        .expectStatus()
        .isEqualTo(301)
        .expectHeader()
        .location("/users/Sub_Group-1");
    client
        .get()
        .uri("/download/77.torrent")
        .exchange()
        .expectStatus()
        .isFound()
        .expectHeader()
        .location("/api/torrents/77/download");
    client
        .get()
        .uri("/download/77.torrent?apikey={k}", "a b&c")
        .exchange()
        .expectStatus()
        .isFound()
        .expectHeader()
        .location("/api/torrents/77/download?apikey=a%20b%26c");
  }

  @Test
  void hostileIdsAndNamesAre404NeverARedirect() {
    for (String path :
        new String[] {
          "/view/abc",
          "/view/-1",
          "/view/99999999999999999999",
          "/view/1.5",
          "/download/12",
          "/download/x.torrent",
          "/user/a",
          "/user/evil.com",
          "/user/%2F%2Fevil.com",
          "/view/%2F%2Fevil.com"
        }) {
      client
          .get()
          .uri(URI.create("http://localhost:" + port + path))
          .accept(MediaType.TEXT_HTML)
          .exchange()
          .expectStatus()
          .value(status -> assertThat(status).as(path).isIn(400, 404))
          .expectHeader()
          .doesNotExist("Location");
    }
  }

  private static MultiValueMap<String, String> decoded(String query) {
    MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
    if (query == null || query.isEmpty()) {
      return values;
    }
    UriComponentsBuilder.fromUriString("/?" + query)
        .build()
        .getQueryParams()
        .forEach(
            (name, list) ->
                list.forEach(
                    value ->
                        values.add(
                            name,
                            value == null ? "" : UriUtils.decode(value, StandardCharsets.UTF_8))));
    return values;
  }
}
