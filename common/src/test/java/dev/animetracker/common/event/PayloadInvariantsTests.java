package dev.animetracker.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.common.event.community.BookmarkCommented;
import dev.animetracker.common.event.community.ReleaseMatched;
import dev.animetracker.common.event.community.WatchRef;
import dev.animetracker.common.event.moderation.ModeratorActed;
import dev.animetracker.common.event.moderation.ReportResolved;
import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.CategoryUpdated;
import dev.animetracker.common.event.torrent.SeriesRef;
import dev.animetracker.common.event.torrent.SeriesUpdated;
import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentDeleted;
import dev.animetracker.common.event.torrent.TorrentDownloaded;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.event.torrent.TorrentUpdated;
import dev.animetracker.common.event.tracker.SwarmStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** One test per rule the payload records enforce in their compact constructors. */
class PayloadInvariantsTests {

  static final String V1 = "0123456789abcdef0123456789abcdef01234567";
  static final String V2 = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final CategoryRef ANIME = new CategoryRef(1, "anime", "Аниме", "Anime");

  static TorrentSnapshot snapshot(
      String infoHash, String infoHashV2, String title, CategoryRef category, Instant createdAt) {
    return new TorrentSnapshot(
        1,
        infoHash,
        infoHashV2,
        title,
        "d",
        category,
        List.of(),
        10,
        1,
        7,
        "u",
        createdAt,
        NOW,
        1,
        null,
        false,
        false,
        false,
        null);
  }

  static TorrentSnapshot snapshot() {
    return snapshot(V1, V2, "Title", ANIME, NOW);
  }

  @Test
  void validPayloadsAreAccepted() {
    assertThatCode(
            () -> {
              new TorrentCreated(snapshot());
              new TorrentCreated(snapshot(V1.toUpperCase(), null, "t", ANIME, NOW));
              new TorrentUpdated(snapshot(), 7);
              new TorrentDeleted(1, V1, null, 7, 7, NOW, 2);
              new TorrentDeleted(1, V1, V2, 7, 7, null, 2);
              new TorrentDownloaded(1, V1, 7, NOW, 3);
              new CategoryUpdated(ANIME, NOW);
              new SwarmStats(V1, 1, 2, 3, NOW);
            })
        .doesNotThrowAnyException();
  }

  @Test
  void aSnapshotNeedsAFortyHexInfoHash() {
    refused(() -> snapshot(null, null, "t", ANIME, NOW), "torrent.infoHash");
    refused(() -> snapshot("nothex", null, "t", ANIME, NOW), "torrent.infoHash");
    refused(() -> snapshot(V2, null, "t", ANIME, NOW), "torrent.infoHash");
  }

  @Test
  void aSnapshotsV2HashIsAbsentOrSixtyFourHex() {
    refused(() -> snapshot(V1, V1, "t", ANIME, NOW), "torrent.infoHashV2");
    refused(() -> snapshot(V1, "", "t", ANIME, NOW), "torrent.infoHashV2");
  }

  @Test
  void aSnapshotWithoutWhatOnlyListingsNeedIsStillASnapshot() {
    // The tracker whitelists by hash alone; search-service refuses such a snapshot itself.
    assertThatCode(() -> snapshot(V1, null, null, null, null)).doesNotThrowAnyException();
  }

  @Test
  void createdAndUpdatedCarryASnapshot() {
    refused(() -> new TorrentCreated(null), "torrent");
    refused(() -> new TorrentUpdated(null, 7), "torrent");
  }

  @Test
  void deletedNeedsAFortyHexInfoHashAndAnOptionalV2() {
    refused(() -> new TorrentDeleted(1, null, null, 7, 7, NOW, 2), "infoHash");
    refused(() -> new TorrentDeleted(1, "abc", null, 7, 7, NOW, 2), "infoHash");
    refused(() -> new TorrentDeleted(1, V1, "abc", 7, 7, NOW, 2), "infoHashV2");
  }

  @Test
  void downloadedNeedsAFortyHexInfoHash() {
    refused(() -> new TorrentDownloaded(1, null, 7, NOW, 3), "infoHash");
    refused(() -> new TorrentDownloaded(1, V2, 7, NOW, 3), "infoHash");
  }

  @Test
  void categoryUpdatedNeedsCategoryAndTime() {
    refused(() -> new CategoryUpdated(null, NOW), "category");
    refused(() -> new CategoryUpdated(ANIME, null), "updatedAt");
  }

  @Test
  void seriesUpdatedNeedsSlugTitleAndTimeAndCopiesItsTitles() {
    SeriesRef frieren = new SeriesRef("sousou-no-frieren", "Sousou no Frieren");
    refused(() -> new SeriesUpdated(null, List.of(), 1, NOW), "series");
    refused(() -> new SeriesUpdated(new SeriesRef(null, "t"), List.of(), 1, NOW), "series.slug");
    refused(() -> new SeriesUpdated(new SeriesRef("s", null), List.of(), 1, NOW), "series.title");
    refused(() -> new SeriesUpdated(frieren, List.of(), 1, null), "updatedAt");
    assertThat(new SeriesUpdated(frieren, null, 1, NOW).alternativeTitles()).isEmpty();
    List<String> titles = new ArrayList<>(List.of("Frieren"));
    SeriesUpdated event = new SeriesUpdated(frieren, titles, 1, NOW);
    titles.add("later");
    assertThat(event.alternativeTitles()).containsExactly("Frieren");
  }

  @Test
  void swarmStatsNeedAFortyHexInfoHashAndObservation() {
    refused(() -> new SwarmStats("not-a-hash", 1, 1, 1, NOW), "infoHash");
    refused(() -> new SwarmStats(null, 1, 1, 1, NOW), "infoHash");
    refused(() -> new SwarmStats(V1, 1, 1, 1, null), "observedAt");
  }

  @Test
  void aReleaseMatchNamesAtLeastOneValidWatch() {
    WatchRef group = new WatchRef(3, "group", "SubsPlease", "instant");
    assertThatCode(() -> new ReleaseMatched(5, 9, "t", "u", List.of(group), NOW))
        .doesNotThrowAnyException();
    refused(() -> new ReleaseMatched(5, 9, "t", "u", List.of(), NOW), "matchedBy");
    refused(() -> new ReleaseMatched(5, 9, "t", "u", null, NOW), "matchedBy");
    refused(() -> new ReleaseMatched(5, 9, null, "u", List.of(group), NOW), "title");
    refused(() -> new WatchRef(3, "tag", "x", "instant"), "kind");
    refused(() -> new WatchRef(3, "group", "x", "weekly"), "delivery");
    refused(() -> new WatchRef(3, "group", null, "none"), "label");
  }

  @Test
  void aBookmarkCommentKeepsAnEmptyExcerptAndNeedsItsNames() {
    assertThat(new BookmarkCommented(5, 9, "t", 4, "a", null, NOW).excerpt()).isEmpty();
    refused(() -> new BookmarkCommented(5, 9, "t", 4, null, "x", NOW), "author");
  }

  @Test
  void moderationEventsNeedTheirNamesAndAKnownAction() {
    assertThatCode(
            () -> {
              new ModeratorActed(1, "mod", "user.ban", "user", "bob", "spam", null, null, NOW);
              new ReportResolved(1, 2, "torrent", 9, 9, "t", "fake", "dismiss", null, "mod", NOW);
            })
        .doesNotThrowAnyException();
    refused(
        () -> new ModeratorActed(1, "mod", null, "user", "bob", null, null, null, NOW), "action");
    refused(
        () -> new ReportResolved(1, 2, "torrent", 9, 9, "t", "fake", "burn", null, "mod", NOW),
        "action");
  }

  private static void refused(ThrowingCallable construction, String field) {
    assertThatThrownBy(construction)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + " ");
  }
}
