package dev.animetracker.torrent.series;

import dev.animetracker.common.event.torrent.TorrentUpdated;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.torrent.catalog.Tag;
import dev.animetracker.torrent.core.TorrentRepository;
import dev.animetracker.torrent.core.TorrentRow;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One transaction of {@link SeriesBackfill}: a batch of rows, their series and events. */
@Service
class SeriesBackfillBatch {

  /** {@code changedBy} of the events: no user changed these torrents. */
  static final long SYSTEM = 0;

  private final TorrentRepository torrents;
  private final SeriesMatcher matcher;
  private final Outbox outbox;

  SeriesBackfillBatch(TorrentRepository torrents, SeriesMatcher matcher, Outbox outbox) {
    this.torrents = torrents;
    this.matcher = matcher;
    this.outbox = outbox;
  }

  /**
   * What a batch did.
   *
   * @param decided rows whose series it decided (0 = nothing left)
   * @param matched rows of those that got a series
   */
  record Result(int decided, int matched) {}

  @Transactional
  public Result fill(int size) {
    List<TorrentRow> rows = torrents.lockUnmatched(size);
    if (rows.isEmpty()) {
      return new Result(0, 0);
    }
    Map<Long, List<Tag>> tags = torrents.tags(rows.stream().map(TorrentRow::id).toList());
    int matched = 0;
    List<TorrentRow> ordered =
        rows.stream()
            .sorted(Comparator.comparing(TorrentRow::knownRelease, SeriesMatcher.CLAIM_ORDER))
            .toList();
    for (TorrentRow row : ordered) {
      if (matcher.decide(row.id(), row.knownRelease())) {
        TorrentRow updated = torrents.find(row.id()).orElseThrow();
        outbox.publish(
            updated.infoHash(),
            new TorrentUpdated(updated.snapshot(tags.getOrDefault(row.id(), List.of())), SYSTEM));
        matched++;
      }
    }
    return new Result(rows.size(), matched);
  }
}
