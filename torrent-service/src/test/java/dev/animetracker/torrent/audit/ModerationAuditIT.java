package dev.animetracker.torrent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.moderation.ModeratorActed;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.torrent.TorrentApiTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The moderation log: every moderator action of this service (torrent edit and delete, comment
 * deletion, categories, report resolution) and user-service's {@code moderation.acted} consumed
 * once per event id; the filters; moderators only.
 */
class ModerationAuditIT extends TorrentApiTestSupport {

  private static KafkaProducer<String, String> producer;

  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void producer() {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producer = new KafkaProducer<>(properties);
  }

  @AfterAll
  static void closeProducer() {
    producer.close(Duration.ofSeconds(5));
  }

  private JsonNode audit(String query, User moderator) {
    return get("/api/moderation/audit?size=100&" + query, moderator).assertStatus(200).json();
  }

  private JsonNode entries(String targetType, String target, User moderator) {
    return audit("targetType=" + targetType + "&target=" + target, moderator).get("items");
  }

  @Test
  void moderatorEditsAndDeletionsOfOthersTorrentsAreLoggedTheUploadersOwnAreNot() {
    User owner = user("owner");
    long id =
        uploaded(randomTorrent("audited " + System.nanoTime()), Map.of(), owner).get("id").asLong();
    User moderator = moderator("mod");
    String target = Long.toString(id);

    patchJson("/api/torrents/" + id, Map.of("title", "Owner's title"), owner).assertStatus(200);
    assertThat(entries("torrent", target, moderator)).isEmpty();

    patchJson("/api/torrents/" + id, Map.of("title", "Moderated", "remake", true), moderator)
        .assertStatus(200);
    delete("/api/torrents/" + id, moderator).assertStatus(204);

    JsonNode items = entries("torrent", target, moderator);
    assertThat(items).hasSize(2);
    JsonNode deleted = items.get(0);
    assertThat(deleted.get("action").asString()).isEqualTo("torrent.delete");
    assertThat(deleted.get("actor").asString()).isEqualTo(moderator.username());
    assertThat(deleted.get("before").get("title").asString()).isEqualTo("Moderated");
    assertThat(deleted.get("before").get("uploader").asString()).isEqualTo(owner.username());
    assertThat(deleted.get("after").isNull()).isTrue();
    JsonNode edit = items.get(1);
    assertThat(edit.get("action").asString()).isEqualTo("torrent.update");
    assertThat(edit.get("targetType").asString()).isEqualTo("torrent");
    assertThat(edit.get("target").asString()).isEqualTo(target);
    assertThat(edit.get("before").get("title").asString()).isEqualTo("Owner's title");
    assertThat(edit.get("after").get("title").asString()).isEqualTo("Moderated");
    assertThat(edit.get("before").get("remake").asBoolean()).isFalse();
    assertThat(edit.get("after").get("remake").asBoolean()).isTrue();
    assertThat(Instant.parse(edit.get("at").asString()))
        .isBefore(Instant.parse(deleted.get("at").asString()).plusMillis(1));
  }

  @Test
  void aModeratorsCommentDeletionIsLoggedTheAuthorsOwnIsNot() {
    User owner = user("owner");
    long id =
        uploaded(randomTorrent("comments " + System.nanoTime()), Map.of(), owner)
            .get("id")
            .asLong();
    User author = user("author");
    String path = "/api/torrents/" + id + "/comments";
    long own =
        postJson(path, Map.of("text", "mine"), author).assertStatus(201).json().get("id").asLong();
    long rude =
        postJson(path, Map.of("text", "rude words"), author)
            .assertStatus(201)
            .json()
            .get("id")
            .asLong();
    User moderator = moderator("mod");

    delete("/api/comments/" + own, author).assertStatus(204);
    delete("/api/comments/" + rude, moderator).assertStatus(204);

    assertThat(entries("comment", Long.toString(own), moderator)).isEmpty();
    JsonNode items = entries("comment", Long.toString(rude), moderator);
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("action").asString()).isEqualTo("comment.delete");
    assertThat(items.get(0).get("before").get("text").asString()).isEqualTo("rude words");
    assertThat(items.get(0).get("before").get("author").asString()).isEqualTo(author.username());
    assertThat(items.get(0).get("before").get("torrentId").asLong()).isEqualTo(id);
  }

  @Test
  void categoriesTakeAPositionAndTheirChangesAreLogged() {
    User moderator = moderator("cat");
    String slug = "audited-" + UUID.randomUUID().toString().substring(0, 8);

    postJson(
            "/api/categories",
            Map.of("slug", slug, "nameRu", "Р", "nameEn", "E", "position", -1),
            moderator)
        .assertProblem(400, "validation-failed");
    JsonNode created =
        postJson(
                "/api/categories",
                Map.of("slug", slug, "nameRu", "Р", "nameEn", "E", "position", 1),
                moderator)
            .assertStatus(201)
            .json();
    assertThat(created.get("position").asInt()).isEqualTo(1);
    JsonNode list = get("/api/categories").assertStatus(200).json();
    assertThat(list.get(0).get("slug").asString()).isEqualTo(slug);

    patchJson(
            "/api/categories/" + slug, Map.of("position", 100_000, "nameEn", "English"), moderator)
        .assertStatus(200);
    patchJson("/api/categories/" + slug, Map.of("position", 100_000), moderator).assertStatus(200);
    JsonNode reordered = get("/api/categories").json();
    assertThat(reordered.get(reordered.size() - 1).get("slug").asString()).isEqualTo(slug);
    for (int i = 1; i < reordered.size(); i++) {
      assertThat(reordered.get(i).get("position").asInt())
          .isGreaterThanOrEqualTo(reordered.get(i - 1).get("position").asInt());
    }

    JsonNode items = entries("category", slug, moderator);
    assertThat(items).hasSize(2);
    assertThat(items.get(0).get("action").asString()).isEqualTo("category.update");
    assertThat(items.get(0).get("before").get("position").asInt()).isEqualTo(1);
    assertThat(items.get(0).get("after").get("position").asInt()).isEqualTo(100_000);
    assertThat(items.get(0).get("after").get("nameEn").asString()).isEqualTo("English");
    assertThat(items.get(0).get("after").has("nameRu")).isFalse();
    assertThat(items.get(1).get("action").asString()).isEqualTo("category.create");
    assertThat(items.get(1).get("after").get("nameRu").asString()).isEqualTo("Р");
    patchJson("/api/categories/" + slug, Map.of("position", 1), user("plain"))
        .assertProblem(403, "forbidden");
  }

  @Test
  void aResolutionIsLogged() {
    long id =
        uploaded(randomTorrent("resolved " + System.nanoTime()), Map.of(), user("up"))
            .get("id")
            .asLong();
    long report =
        postJson("/api/torrents/" + id + "/reports", Map.of("reason", "fake"), user("rep"))
            .assertStatus(201)
            .json()
            .get("id")
            .asLong();
    User moderator = moderator("mod");
    postJson(
            "/api/moderation/reports/" + report + "/resolve",
            Map.of("action", "dismiss", "note", "fine"),
            moderator)
        .assertStatus(200);

    JsonNode items = entries("report", Long.toString(report), moderator);
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("action").asString()).isEqualTo("report.resolve");
    assertThat(items.get(0).get("reason").asString()).isEqualTo("fine");
    assertThat(items.get(0).get("after").get("action").asString()).isEqualTo("dismiss");
    assertThat(items.get(0).get("after").get("targetId").asLong()).isEqualTo(id);
  }

  @Test
  void userServicesModerationActedIsLoggedOncePerEventAndTheFiltersFindIt() throws Exception {
    String name = "banned_" + UUID.randomUUID().toString().substring(0, 8);
    String actor = "Mod_" + UUID.randomUUID().toString().substring(0, 8);
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    ModeratorActed acted =
        new ModeratorActed(
            7,
            actor,
            "user.ban",
            "user",
            name,
            "spam",
            "{\"banned\":false}",
            "{\"banned\":true,\"until\":\"2030-01-01T00:00:00Z\"}",
            at);
    EventEnvelope envelope = EventEnvelope.wrap("user-" + name, acted, JSON);
    String value = JSON.writeValueAsString(envelope);
    producer
        .send(new ProducerRecord<>(Topics.MODERATION_EVENTS, "user-" + name, value))
        .get(10, TimeUnit.SECONDS);
    producer
        .send(new ProducerRecord<>(Topics.MODERATION_EVENTS, "user-" + name, value))
        .get(10, TimeUnit.SECONDS);
    ModeratorActed unban =
        new ModeratorActed(
            7,
            actor,
            "user.unban",
            "user",
            name,
            null,
            "{\"banned\":true}",
            "{\"banned\":false}",
            at.plusSeconds(1));
    producer
        .send(
            new ProducerRecord<>(
                Topics.MODERATION_EVENTS,
                "user-" + name,
                JSON.writeValueAsString(EventEnvelope.wrap("user-" + name, unban, JSON))))
        .get(10, TimeUnit.SECONDS);
    User moderator = moderator("reader");

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> entries("user", name, moderator).size() == 2);
    // The unban came after the repeat on the same partition: the repeat was consumed by now.
    JsonNode items = entries("user", name, moderator);
    assertThat(items.get(0).get("action").asString()).isEqualTo("user.unban");
    JsonNode ban = items.get(1);
    assertThat(ban.get("action").asString()).isEqualTo("user.ban");
    assertThat(ban.get("actor").asString()).isEqualTo(actor);
    assertThat(ban.get("reason").asString()).isEqualTo("spam");
    assertThat(ban.get("before").get("banned").asBoolean()).isFalse();
    assertThat(ban.get("after").get("until").asString()).isEqualTo("2030-01-01T00:00:00Z");
    assertThat(Instant.parse(ban.get("at").asString())).isEqualTo(at);
    assertThat(
            jdbc.sql("select count(*) from moderation_audit where source_event_id = :id")
                .param("id", envelope.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // Filters: actor case-insensitively, action, both; paging and totals.
    JsonNode byActor = audit("actor=" + actor.toLowerCase(), moderator);
    assertThat(byActor.get("total").asLong()).isEqualTo(2);
    JsonNode byAction = audit("actor=" + actor + "&action=user.ban", moderator);
    assertThat(byAction.get("total").asLong()).isEqualTo(1);
    assertThat(byAction.get("items").get(0).get("target").asString()).isEqualTo(name);
    JsonNode paged =
        get("/api/moderation/audit?size=1&page=1&actor=" + actor, moderator)
            .assertStatus(200)
            .json();
    assertThat(paged.get("items")).hasSize(1);
    assertThat(paged.get("items").get(0).get("action").asString()).isEqualTo("user.ban");
    assertThat(paged.get("page").asInt()).isEqualTo(1);
    assertThat(paged.get("size").asInt()).isEqualTo(1);
    assertThat(
            audit("action=user.ban&target=" + name + "&targetType=torrent", moderator)
                .get("total")
                .asLong())
        .isZero();
    get("/api/moderation/audit?targetType=planet", moderator)
        .assertProblem(400, "validation-failed");
    get("/api/moderation/audit?size=0", moderator).assertProblem(400, "validation-failed");
    get("/api/moderation/audit?page=x", moderator).assertProblem(400, "validation-failed");
    get("/api/moderation/audit?actor=" + "a".repeat(201), moderator)
        .assertProblem(400, "validation-failed");
  }

  @Test
  void everyModerationRouteIsForModeratorsOnly() {
    User plain = user("plain");
    for (String path :
        List.of(
            "/api/moderation/reports",
            "/api/moderation/reports?state=resolved",
            "/api/moderation/audit")) {
      get(path, plain).assertProblem(403, "forbidden");
      get(path).assertProblem(401, "unauthorized");
    }
    postJson("/api/moderation/reports/1/resolve", Map.of("action", "dismiss"), plain)
        .assertProblem(403, "forbidden");
    postJson("/api/moderation/reports/1/resolve", Map.of("action", "dismiss"), null)
        .assertProblem(401, "unauthorized");
    get("/api/moderation/anything", plain).assertProblem(403, "forbidden");
  }
}
