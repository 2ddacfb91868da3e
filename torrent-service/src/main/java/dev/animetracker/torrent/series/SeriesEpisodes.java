package dev.animetracker.torrent.series;

import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.torrent.core.TorrentRow;
import dev.animetracker.torrent.listing.TorrentView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Groups a series' torrents the way its page shows them: batches first, then episodes in order
 * (season by season), releases without an episode last; in each, the groups by their best seeded
 * torrent, and each group's torrents best seeded first.
 */
final class SeriesEpisodes {

  private SeriesEpisodes() {}

  /** What places a release: its kind (0 batch, 1 episode, 2 other), season and range. */
  private record Slot(int kind, int season, @Nullable Integer from, @Nullable Integer to) {

    static Slot of(@Nullable ParsedRelease release) {
      if (release == null) {
        return new Slot(2, 1, null, null);
      }
      int season = release.season() == null ? 1 : release.season();
      if (release.batch()) {
        return new Slot(0, season, release.episodeFrom(), release.episodeTo());
      }
      if (release.episodeFrom() != null) {
        return new Slot(1, season, release.episodeFrom(), release.episodeTo());
      }
      return new Slot(2, 1, null, null);
    }

    String label() {
      if (kind == 2) {
        return "other";
      }
      if (from == null) {
        return "batch";
      }
      return Objects.equals(from, to) || to == null
          ? "%02d".formatted(from)
          : "%02d–%02d".formatted(from, to);
    }
  }

  private static final Comparator<Slot> ORDER =
      Comparator.comparingInt(Slot::kind)
          .thenComparingInt(Slot::season)
          .thenComparing(Slot::from, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Slot::to, Comparator.nullsFirst(Comparator.naturalOrder()));

  /**
   * The episodes of {@code rows}, which come best seeded first (their order is kept inside each
   * group, and a group's first torrent is its best).
   */
  static List<SeriesView.Episode> of(
      List<TorrentRow> rows, Function<TorrentRow, TorrentView> view) {
    Map<Slot, Map<String, List<TorrentRow>>> slots = new LinkedHashMap<>();
    Map<Slot, Integer> seasons = new LinkedHashMap<>();
    for (TorrentRow row : rows) {
      ParsedRelease release = row.knownRelease();
      Slot slot = Slot.of(release);
      String group = release == null || release.group() == null ? "" : release.group();
      slots
          .computeIfAbsent(slot, key -> new LinkedHashMap<>())
          .computeIfAbsent(group.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
          .add(row);
      if (release != null && release.season() != null && slot.kind() != 2) {
        seasons.putIfAbsent(slot, release.season());
      }
    }
    List<SeriesView.Episode> episodes = new ArrayList<>();
    slots.keySet().stream()
        .sorted(ORDER)
        .forEach(
            slot -> {
              // Groups appear in the order of their best torrent, as the rows are sorted.
              List<SeriesView.Group> groups =
                  slots.get(slot).values().stream()
                      .map(
                          torrents -> {
                            ParsedRelease first = torrents.getFirst().knownRelease();
                            return new SeriesView.Group(
                                first == null ? null : first.group(),
                                torrents.stream().map(view).toList());
                          })
                      .toList();
              episodes.add(
                  new SeriesView.Episode(
                      slot.label(),
                      seasons.get(slot),
                      slot.from(),
                      slot.to(),
                      slot.kind() == 0,
                      groups));
            });
    return episodes;
  }
}
