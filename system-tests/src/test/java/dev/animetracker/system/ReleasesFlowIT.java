package dev.animetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.system.Api.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12 end to end through the gateway: real release names fill the release fields on upload, a
 * trusted account's uploads are flagged, the filters, facets, series, Nyaa feed and Torznab find
 * them as a fan or Sonarr would look for them.
 */
class ReleasesFlowIT {

  private static final Duration INDEXED = Duration.ofSeconds(30);

  @BeforeAll
  static void stack() {
    Stack.get();
  }

  @Test
  void releaseNamesFillTheFieldsAndEveryFilterFeedAndSeriesFindsThem() {
    // A show no other test uploads: series are matched by title across the whole catalogue.
    String show = "Sousou no Frieren " + Api.uniqueWord(8);
    String group = "SubsPlease";
    String trustedName = Api.uniqueName("Group");
    String trusted =
        Api.registerVerifiedUser(trustedName, "group password 1").path("accessToken").asString();
    String fan =
        Api.registerVerifiedUser(Api.uniqueName("Fan"), "fan password 12")
            .path("accessToken")
            .asString();
    String admin = Api.adminToken();

    assertThat(
            Api.put("/api/users/" + trustedName + "/trusted", Map.of("trusted", true), fan)
                .status())
        .as("only moderators mark accounts trusted")
        .isEqualTo(403);
    assertThat(
            Api.put("/api/users/" + trustedName + "/trusted", Map.of("trusted", true), admin)
                .status())
        .isEqualTo(200);
    // torrent-service learns the account's trust from user-service's event. Each probe is an
    // upload, and a new account may upload ten a day: probe slowly.
    Awaitility.await()
        .atMost(Duration.ofSeconds(14))
        .pollDelay(Duration.ofSeconds(2))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () ->
                upload("Probe " + Api.uniqueWord(8), Map.of(), trusted)
                    .path("trusted")
                    .asBoolean());

    JsonNode episode =
        upload("[" + group + "] " + show + " - 05 (1080p) [ABCD1234].mkv", Map.of(), trusted);
    JsonNode release = episode.path("release");
    assertThat(release.path("group").asString()).isEqualTo(group);
    assertThat(release.path("title").asString()).isEqualTo(show);
    assertThat(release.path("episodeFrom").asInt()).isEqualTo(5);
    assertThat(release.path("episodeTo").asInt()).isEqualTo(5);
    assertThat(release.path("batch").asBoolean()).isFalse();
    assertThat(release.path("resolution").asString()).isEqualTo("1080p");
    assertThat(release.path("crc32").asString()).isEqualTo("ABCD1234");
    assertThat(episode.path("trusted").asBoolean()).isTrue();

    JsonNode batch =
        upload(
            "[Erai-raws] " + show + " - 01 ~ 28 [1080p][Multiple Subtitle][ENG][POR-BR]",
            Map.of("remake", "true"),
            fan);
    assertThat(batch.path("release").path("batch").asBoolean()).isTrue();
    assertThat(batch.path("release").path("episodeFrom").asInt()).isEqualTo(1);
    assertThat(batch.path("release").path("episodeTo").asInt()).isEqualTo(28);
    assertThat(strings(batch.path("release").path("subtitleLanguages"))).contains("en", "pt");
    assertThat(batch.path("remake").asBoolean()).isTrue();
    assertThat(batch.path("trusted").asBoolean()).isFalse();

    JsonNode sd =
        upload("[" + group + "] " + show + " - 06 (720p) [DEADBEEF].mkv", Map.of(), trusted);
    assertThat(sd.path("release").path("resolution").asString()).isEqualTo("720p");

    // One series for the three releases, found from the parsed title.
    String slug = episode.path("series").path("slug").asString();
    assertThat(slug).isNotBlank();
    assertThat(batch.path("series").path("slug").asString()).isEqualTo(slug);
    assertThat(sd.path("series").path("slug").asString()).isEqualTo(slug);
    JsonNode series = Api.get("/api/series/" + slug, null).json();
    assertThat(series.path("title").asString()).isEqualTo(show);
    List<String> labels = new ArrayList<>();
    series.path("episodes").forEach(e -> labels.add(e.path("label").asString()));
    assertThat(labels)
        .as("the batch first, then episodes in order")
        .startsWith("01–28", "05", "06");

    String words = "frieren " + show.substring(show.lastIndexOf(' ') + 1);
    Awaitility.await()
        .atMost(INDEXED)
        .pollInterval(Duration.ofMillis(300))
        .until(() -> ids(search("q", words)).size() == 3);

    assertThat(
            titles(search("q", words, "group", "subsplease", "resolution", "1080p", "filter", "2")))
        .containsExactly(title(episode));
    assertThat(titles(search("q", words, "filter", "1")))
        .as("no remakes")
        .containsExactlyInAnyOrder(title(episode), title(sd));
    assertThat(titles(search("q", words, "batch", "true"))).containsExactly(title(batch));
    assertThat(titles(search("q", words, "episode", "6")))
        .as("the episode, and the batch whose range holds it")
        .containsExactlyInAnyOrder(title(sd), title(batch));
    assertThat(titles(search("q", words, "subs", "pt"))).containsExactly(title(batch));
    assertThat(titles(search("series", slug))).hasSize(3);
    JsonNode facets = search("q", words).path("facets");
    assertThat(count(facets.path("group"), group)).isEqualTo(2);
    assertThat(count(facets.path("group"), "Erai-raws")).isEqualTo(1);
    assertThat(count(facets.path("resolution"), "1080p")).isEqualTo(2);

    // An alternative title entered by the uploader makes every release findable by it.
    String russian = "Провожающая в последний путь " + Api.uniqueWord(8);
    Response patched =
        Api.patch("/api/series/" + slug, Map.of("titles", Map.of("russian", russian)), trusted);
    assertThat(patched.status()).as(patched.raw().body()).isEqualTo(200);
    assertThat(Api.patch("/api/series/" + slug, Map.of("malId", 52991), fan).status())
        .as("the uploader of a remake in the series may edit it too")
        .isEqualTo(200);
    Awaitility.await()
        .atMost(INDEXED)
        .pollInterval(Duration.ofMillis(300))
        .until(() -> ids(search("q", russian)).size() == 3);
    JsonNode found = Api.get("/api/series?q=" + encode(russian), null).json();
    assertThat(found.path("items").findValuesAsString("slug")).containsExactly(slug);

    // Nyaa's feed URL with its trusted-only filter, and with magnets as links.
    String nyaa = text("/?page=rss&q=" + encode(words) + "&f=2");
    assertThat(nyaa).contains("<nyaa:trusted>Yes</nyaa:trusted>").doesNotContain("Erai-raws");
    assertThat(occurrences(nyaa, "<item>")).isEqualTo(2);
    String magnets = text("/?page=rss&q=" + encode(words) + "&m");
    assertThat(magnets).contains("<link>magnet:?xt=urn:btih:");
    assertThat(magnets).contains("<nyaa:remake>Yes</nyaa:remake>");

    // Sonarr's episode search also finds the season pack that holds the episode.
    String torznab = text("/torznab/api?t=tvsearch&q=" + encode(words) + "&ep=5");
    assertThat(torznab)
        .contains(episode.path("title").asString().replace("&", "&amp;"))
        .contains(batch.path("title").asString().replace("&", "&amp;"))
        .doesNotContain("[DEADBEEF]")
        .contains("name=\"team\" value=\"" + group + "\"")
        .contains("name=\"resolution\"");

    // The pages a fan sees.
    String seriesPage = text("/series/" + slug);
    assertThat(seriesPage).contains(show).contains(russian).contains("myanimelist.net/anime/52991");
    String torrentPage = text("/torrents/" + id(episode));
    assertThat(torrentPage).contains("/series/" + slug).contains("ABCD1234");
  }

  private static JsonNode upload(String title, Map<String, String> extra, String token) {
    Map<String, String> fields = new HashMap<>(extra);
    fields.put("title", title);
    fields.put("category", "anime-eng");
    Response created =
        Torrents.upload(Torrents.make("release " + Api.uniqueWord(8)), fields, token);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return created.json();
  }

  /** A page or feed as text (Api reads JSON); 200 required. */
  private static String text(String path) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(Stack.baseUrl() + path))
                      .timeout(Duration.ofSeconds(30))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode search(String... pairs) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      query.append(query.isEmpty() ? "?" : "&").append(pairs[i]).append('=');
      query.append(encode(pairs[i + 1]));
    }
    Response response = Api.get("/api/search" + query, null);
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    return response.json();
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.path("items").forEach(item -> ids.add(item.path("id").asLong()));
    return ids;
  }

  private static List<String> titles(JsonNode page) {
    List<String> titles = new ArrayList<>();
    page.path("items").forEach(item -> titles.add(item.path("title").asString()));
    return titles;
  }

  private static String title(JsonNode torrent) {
    return torrent.path("title").asString();
  }

  private static long id(JsonNode torrent) {
    return torrent.path("id").asLong();
  }

  private static long count(JsonNode facet, String value) {
    for (JsonNode entry : facet) {
      if (entry.path("value").asString().equals(value)) {
        return entry.path("count").asLong();
      }
    }
    return 0;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asString()));
    return values;
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  /** Eight lower-case letters: a word the search tokenises as one, unique to this run. */
  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
