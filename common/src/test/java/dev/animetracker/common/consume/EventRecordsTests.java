package dev.animetracker.common.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.comment.CommentCreated;
import dev.animetracker.common.event.comment.CommentDeleted;
import dev.animetracker.common.event.comment.CommentEvent;
import dev.animetracker.common.event.community.BookmarkCommented;
import dev.animetracker.common.event.community.CommunityEvent;
import dev.animetracker.common.event.community.ReleaseMatched;
import dev.animetracker.common.event.moderation.ModerationEvent;
import dev.animetracker.common.event.moderation.ModeratorActed;
import dev.animetracker.common.event.moderation.ReportResolved;
import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.CategoryUpdated;
import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentDeleted;
import dev.animetracker.common.event.torrent.TorrentDownloaded;
import dev.animetracker.common.event.torrent.TorrentEvent;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.event.torrent.TorrentUpdated;
import dev.animetracker.common.event.tracker.SwarmStats;
import dev.animetracker.common.event.tracker.TrackerEvent;
import dev.animetracker.common.event.user.ModeratorChanged;
import dev.animetracker.common.event.user.PasswordChanged;
import dev.animetracker.common.event.user.PasswordResetRequested;
import dev.animetracker.common.event.user.TrustedChanged;
import dev.animetracker.common.event.user.UserEvent;
import dev.animetracker.common.event.user.UserRegistered;
import dev.animetracker.common.event.user.UserVerified;
import dev.animetracker.common.event.user.VerificationRequested;
import dev.animetracker.common.release.ReleaseParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventRecordsTests {

  private static final String V1 = "0123456789abcdef0123456789abcdef01234567";
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final CategoryRef ANIME = new CategoryRef(1, "anime", "Аниме", "Anime");

  private final JsonMapper mapper = JsonMapper.builder().build();

  @Test
  void everyFamilyKnowsItsTypesByWireName() {
    assertThat(EventRecords.members(TorrentEvent.class))
        .containsOnlyKeys(
            "torrent.created",
            "torrent.updated",
            "torrent.deleted",
            "torrent.downloaded",
            "category.updated",
            "series.updated");
    assertThat(EventRecords.members(UserEvent.class))
        .containsOnly(
            Map.entry("user.registered", UserRegistered.class),
            Map.entry("user.verified", UserVerified.class),
            Map.entry("user.verification-requested", VerificationRequested.class),
            Map.entry("user.password-reset-requested", PasswordResetRequested.class),
            Map.entry("user.password-changed", PasswordChanged.class),
            Map.entry("user.moderator-changed", ModeratorChanged.class),
            Map.entry("user.trusted-changed", TrustedChanged.class));
    assertThat(EventRecords.members(CommentEvent.class))
        .containsOnly(
            Map.entry("comment.created", CommentCreated.class),
            Map.entry("comment.deleted", CommentDeleted.class));
    assertThat(EventRecords.members(TrackerEvent.class))
        .containsOnly(Map.entry("tracker.stats", SwarmStats.class));
    assertThat(EventRecords.members(CommunityEvent.class))
        .containsOnly(
            Map.entry("release.matched", ReleaseMatched.class),
            Map.entry("bookmark.commented", BookmarkCommented.class));
    assertThat(EventRecords.members(ModerationEvent.class))
        .containsOnly(
            Map.entry("moderation.acted", ModeratorActed.class),
            Map.entry("report.resolved", ReportResolved.class));
    assertThatThrownBy(() -> EventRecords.members(Object.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A snapshot with every field set, release and flags included. */
  private static TorrentSnapshot releaseSnapshot() {
    return new TorrentSnapshot(
        4,
        V1,
        null,
        "Title",
        null,
        ANIME,
        List.of(),
        10,
        1,
        7,
        "u",
        NOW,
        NOW,
        2,
        new ReleaseParser().parse("[SubsPlease] Sousou no Frieren - 05 (1080p) [ABCD1234].mkv"),
        true,
        true,
        true,
        null);
  }

  @Test
  void aRecordIsDecodedIntoItsTypedPayloadWithTheEnvelope() {
    TorrentSnapshot snapshot = releaseSnapshot();
    assertThat(snapshot.release()).isNotNull();
    assertThat(snapshot.release().group()).isEqualTo("SubsPlease");
    List<TorrentEvent> sent =
        List.of(
            new TorrentCreated(snapshot),
            new TorrentUpdated(snapshot, 7),
            new TorrentDeleted(4, V1, null, 7, 7, NOW, 3),
            new TorrentDownloaded(4, V1, 9, NOW, 5),
            new CategoryUpdated(ANIME, NOW));
    for (TorrentEvent event : sent) {
      EventEnvelope envelope = EventEnvelope.wrap(V1, event, mapper);
      Optional<Received<TorrentEvent>> received =
          EventRecords.decode(
              record(mapper.writeValueAsString(envelope)), TorrentEvent.class, mapper);
      assertThat(received)
          .hasValueSatisfying(
              r -> {
                assertThat(r.event()).isEqualTo(event);
                assertThat(r.id()).isEqualTo(envelope.id());
                assertThat(r.type()).isEqualTo(envelope.type());
                assertThat(r.occurredAt()).isEqualTo(envelope.occurredAt());
              });
    }
  }

  @Test
  void aSnapshotFromAProducerWithoutReleaseFieldsDecodesWithNoneAndNoFlags() {
    String older =
        """
        {"id":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"torrent.created","version":1,
         "occurredAt":"2026-11-24T10:00:00Z","key":"%s","payload":{"torrent":{"torrentId":4,
         "infoHash":"%s","title":"Title","category":{"id":1,"slug":"anime","nameRu":"Аниме",
         "nameEn":"Anime"},"tags":[],"size":10,"fileCount":1,"uploaderId":7,
         "uploaderUsername":"u","createdAt":"2026-11-24T10:00:00Z",
         "updatedAt":"2026-11-24T10:00:00Z","version":2}}}
        """
            .formatted(V1, V1);
    Optional<Received<TorrentEvent>> received =
        EventRecords.decode(record(older), TorrentEvent.class, mapper);
    assertThat(received)
        .hasValueSatisfying(
            r -> {
              TorrentSnapshot torrent = ((TorrentCreated) r.event()).torrent();
              assertThat(torrent.title()).isEqualTo("Title");
              assertThat(torrent.release()).isNull();
              assertThat(torrent.trusted()).isFalse();
              assertThat(torrent.remake()).isFalse();
              assertThat(torrent.complete()).isFalse();
            });
  }

  @Test
  void typesOutsideTheFamilyAreIgnoredForForwardCompatibility() {
    String future =
        """
        {"id":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"torrent.renamed-in-2030",
         "version":1,"occurredAt":"2026-11-24T10:00:00Z","key":"k","payload":{"x":1}}
        """;
    assertThat(EventRecords.decode(record(future), TorrentEvent.class, mapper)).isEmpty();
    String stats =
        mapper.writeValueAsString(EventEnvelope.wrap(V1, new SwarmStats(V1, 1, 2, 3, NOW), mapper));
    assertThat(EventRecords.decode(record(stats), TorrentEvent.class, mapper)).isEmpty();
    assertThat(EventRecords.decode(record(stats), TrackerEvent.class, mapper)).isPresent();
  }

  @Test
  void recordsThatAreNoEnvelopeArePoison() {
    assertThatThrownBy(() -> EventRecords.decode(record(null), TorrentEvent.class, mapper))
        .isInstanceOf(PoisonEventException.class);
    assertThatThrownBy(
            () -> EventRecords.decode(record("not json at all"), TorrentEvent.class, mapper))
        .isInstanceOf(PoisonEventException.class);
    assertThatThrownBy(
            () ->
                EventRecords.decode(
                    record("{\"id\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\"}"),
                    TorrentEvent.class,
                    mapper))
        .isInstanceOf(PoisonEventException.class);
  }

  @Test
  void missingOrUnreadablePayloadsArePoison() {
    String id = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    assertThatThrownBy(
            () ->
                EventRecords.decode(
                    record("{\"id\":\"" + id + "\",\"type\":\"torrent.created\",\"version\":1}"),
                    TorrentEvent.class,
                    mapper))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("without a payload");
    assertThatThrownBy(
            () ->
                EventRecords.decode(
                    record("{\"id\":\"" + id + "\",\"type\":\"torrent.created\",\"payload\":[1]}"),
                    TorrentEvent.class,
                    mapper))
        .isInstanceOf(PoisonEventException.class);
    assertThatThrownBy(
            () ->
                EventRecords.decode(
                    record(
                        "{\"id\":\""
                            + id
                            + "\",\"type\":\"tracker.stats\",\"payload\":{\"seeders\":\"many\"}}"),
                    TrackerEvent.class,
                    mapper))
        .isInstanceOf(PoisonEventException.class);
  }

  @Test
  void payloadsBreakingTheirInvariantsArePoisonNotRetried() {
    TorrentSnapshot snapshot = releaseSnapshot();
    ObjectNode created = envelope(new TorrentCreated(snapshot));
    ((ObjectNode) created.get("payload").get("torrent")).put("infoHash", "nothex");
    assertThatThrownBy(() -> decode(created, TorrentEvent.class))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("torrent.infoHash must be 40 hex digits");

    ObjectNode stats = envelope(new SwarmStats(V1, 1, 2, 3, NOW));
    ((ObjectNode) stats.get("payload")).remove("observedAt");
    assertThatThrownBy(() -> decode(stats, TrackerEvent.class))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("observedAt is required");

    ObjectNode updated = envelope(new TorrentUpdated(snapshot, 1));
    ((ObjectNode) updated.get("payload")).remove("torrent");
    assertThatThrownBy(() -> decode(updated, TorrentEvent.class))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("torrent is required");
  }

  private ObjectNode envelope(Object payload) {
    return (ObjectNode) mapper.valueToTree(EventEnvelope.wrap(V1, payload, mapper));
  }

  private <E> Optional<Received<E>> decode(ObjectNode envelope, Class<E> family) {
    return EventRecords.decode(record(mapper.writeValueAsString(envelope)), family, mapper);
  }

  private static ConsumerRecord<String, String> record(String value) {
    return new ConsumerRecord<>("torrent-events", 0, 12, "key", value);
  }
}
