package dev.animetracker.torrent.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.torrent.TorrentApiTestSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CatalogueIT extends TorrentApiTestSupport {

  @Test
  void categoriesAreListedInRussianOrEnglish() {
    JsonNode ru = get("/api/categories").assertStatus(200).json();
    assertThat(ru.size()).isGreaterThanOrEqualTo(8);
    JsonNode subs = find(ru, "anime-rus-subs");
    assertThat(subs.get("name").asString()).isEqualTo("Аниме: русские субтитры");
    assertThat(subs.get("nameEn").asString()).isEqualTo("Anime: Russian subtitles");
    assertThat(subs.has("torrentCount")).isTrue();
    assertThat(find(ru, "anime-rus-voice").get("name").asString())
        .isEqualTo("Аниме: русская озвучка");

    JsonNode en =
        send(
                "GET",
                "/api/categories",
                null,
                null,
                null,
                Map.of("Accept-Language", "en-US,en;q=0.9"))
            .assertStatus(200)
            .json();
    assertThat(find(en, "anime-eng").get("name").asString()).isEqualTo("Anime: English-translated");
    List<String> slugs = new ArrayList<>();
    ru.forEach(c -> slugs.add(c.get("slug").asString()));
    assertThat(slugs).contains("anime-raw", "music-ost", "manga", "live-action", "other");
  }

  @Test
  void onlyModeratorsCreateAndEditCategories() {
    String slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> body = Map.of("slug", slug, "nameRu", "Тест", "nameEn", "Test");
    postJson("/api/categories", body, null).assertProblem(401, "unauthorized");
    postJson("/api/categories", body, user("u")).assertProblem(403, "forbidden");
    User moderator = moderator("mod");
    Response created = postJson("/api/categories", body, moderator).assertStatus(201);
    assertThat(created.json().get("name").asString()).isEqualTo("Тест");
    assertThat(created.json().get("torrentCount").asLong()).isZero();
    JsonNode announced =
        awaitEvent(
            "category.updated",
            payload -> payload.path("category").path("slug").asString().equals(slug));
    assertThat(announced.get("payload").get("category").get("nameEn").asString()).isEqualTo("Test");
    postJson("/api/categories", body, moderator).assertProblem(409, "category-exists");
    postJson("/api/categories", Map.of("slug", "Bad Slug", "nameRu", "a", "nameEn", "b"), moderator)
        .assertProblem(400, "validation-failed");

    patchJson("/api/categories/" + slug, Map.of("nameEn", "Tested"), user("u"))
        .assertProblem(403, "forbidden");
    JsonNode patched =
        patchJson("/api/categories/" + slug, Map.of("nameEn", "Tested"), moderator)
            .assertStatus(200)
            .json();
    assertThat(patched.get("nameEn").asString()).isEqualTo("Tested");
    assertThat(patched.get("nameRu").asString()).isEqualTo("Тест");
    JsonNode renamed =
        awaitEvent(
            "category.updated",
            payload ->
                payload.path("category").path("slug").asString().equals(slug)
                    && payload.path("category").path("nameEn").asString().equals("Tested"));
    assertThat(renamed.get("payload").get("category").get("nameRu").asString()).isEqualTo("Тест");
    assertThat(Instant.parse(renamed.get("payload").get("updatedAt").asString()))
        .isAfter(Instant.parse(announced.get("payload").get("updatedAt").asString()));
    assertThat(renamed.get("_key").asString()).isEqualTo("category-" + patched.get("id").asLong());
    patchJson("/api/categories/no-such", Map.of("nameEn", "x"), moderator)
        .assertProblem(404, "category-not-found");

    uploaded(randomTorrent("in new category"), Map.of("category", slug), user("u"));
    assertThat(find(get("/api/categories").json(), slug).get("torrentCount").asLong()).isEqualTo(1);
  }

  @Test
  void categoriesWithoutTorrentsAreAnnouncedAtStartUp() {
    // Read models learn categories from events; the seeded ones were never created through the API.
    JsonNode manga =
        awaitEvent(
            "category.updated",
            payload -> payload.path("category").path("slug").asString().equals("manga"));
    JsonNode category = manga.get("payload").get("category");
    assertThat(category.get("nameRu").asString()).isNotBlank();
    assertThat(category.get("nameEn").asString())
        .isEqualTo(find(get("/api/categories").json(), "manga").get("nameEn").asString());
    assertThat(manga.get("payload").get("updatedAt").asString()).isNotBlank();
  }

  @Test
  void tagsComeWithCountsMostUsedFirst() {
    String unique = "t" + UUID.randomUUID().toString().substring(0, 6);
    User user = user("tagger");
    uploaded(randomTorrent("a"), Map.of("tags", unique + "-popular, " + unique + "-rare"), user);
    uploaded(randomTorrent("b"), Map.of("tags", unique + "-popular"), user);
    uploaded(randomTorrent("c"), Map.of("tags", unique + "-Popular"), user);

    JsonNode tags = get("/api/tags?q=" + unique).assertStatus(200).json();
    assertThat(tags).hasSize(2);
    assertThat(tags.get(0).get("slug").asString()).isEqualTo(unique + "-popular");
    assertThat(tags.get(0).get("count").asLong()).isEqualTo(3);
    assertThat(tags.get(1).get("count").asLong()).isEqualTo(1);
    assertThat(tags.get(0).has("id")).isTrue();
    assertThat(get("/api/tags?q=" + unique + "&limit=1").json()).hasSize(1);
    get("/api/tags?limit=0").assertProblem(400, "validation-failed");
  }

  @Test
  void listingPagesNewestFirstAndFiltersByUploaderAndCategory() {
    User user = user("Lister");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(
          uploaded(randomTorrent("list " + i), Map.of("category", "music-ost"), user)
              .get("id")
              .asLong());
    }
    uploaded(randomTorrent("other"), Map.of("category", "other"), user);

    JsonNode page0 =
        get("/api/torrents?uploader="
                + user.username().toUpperCase()
                + "&category=music-ost&size=2")
            .assertStatus(200)
            .json();
    assertThat(page0.get("total").asLong()).isEqualTo(5);
    assertThat(page0.get("page").asInt()).isZero();
    assertThat(page0.get("size").asInt()).isEqualTo(2);
    assertThat(page0.get("items")).hasSize(2);
    assertThat(page0.get("items").get(0).get("id").asLong()).isEqualTo(ids.get(4));
    assertThat(page0.get("items").get(1).get("id").asLong()).isEqualTo(ids.get(3));
    assertThat(page0.get("items").get(0).has("files")).isFalse();
    assertThat(page0.get("items").get(0).has("magnetUri")).isTrue();

    JsonNode page2 =
        get("/api/torrents?uploader=" + user.username() + "&category=music-ost&size=2&page=2")
            .json();
    assertThat(page2.get("items")).hasSize(1);
    assertThat(page2.get("items").get(0).get("id").asLong()).isEqualTo(ids.get(0));

    assertThat(get("/api/torrents?uploader=" + user.username()).json().get("total").asLong())
        .isEqualTo(6);
    assertThat(get("/api/torrents").json().get("size").asInt()).isEqualTo(50);
    get("/api/torrents?size=101").assertProblem(400, "validation-failed");
    get("/api/torrents?page=-1").assertProblem(400, "validation-failed");
    get("/api/torrents?page=abc").assertProblem(400, "validation-failed");
    get("/api/torrents?category=nope").assertProblem(400, "validation-failed");
  }

  private static JsonNode find(JsonNode categories, String slug) {
    for (JsonNode category : categories) {
      if (slug.equals(category.get("slug").asString())) {
        return category;
      }
    }
    throw new AssertionError("no category " + slug + " in " + categories);
  }
}
