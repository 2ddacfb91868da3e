package dev.animetracker.torrent.release;

import dev.animetracker.common.event.torrent.TorrentUpdated;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.torrent.catalog.Tag;
import dev.animetracker.torrent.core.TorrentRepository;
import dev.animetracker.torrent.core.TorrentRow;
import dev.animetracker.torrent.series.SeriesMatcher;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One transaction of {@link ReleaseBackfill}: a batch of rows, their releases and events. */
@Service
class ReleaseBackfillBatch {

  /** {@code changedBy} of the events: no user changed these torrents. */
  static final long SYSTEM = 0;

  private final TorrentRepository torrents;
  private final Releases releases;
  private final Outbox outbox;
  private final SeriesMatcher series;

  ReleaseBackfillBatch(
      TorrentRepository torrents, Releases releases, Outbox outbox, SeriesMatcher series) {
    this.torrents = torrents;
    this.releases = releases;
    this.outbox = outbox;
    this.series = series;
  }

  /**
   * Fills up to {@code size} unset releases this transaction can lock; how many it filled. The
   * series backfill skips rows without a release, so each row's series is decided here, from the
   * release just parsed, and announced in the same event.
   */
  @Transactional
  public int fill(int size) {
    List<TorrentRow> rows = torrents.lockUnparsed(size);
    if (rows.isEmpty()) {
      return 0;
    }
    Map<Long, List<Tag>> tags = torrents.tags(rows.stream().map(TorrentRow::id).toList());
    int filled = 0;
    Map<Long, ParsedRelease> parsed = new HashMap<>();
    rows.forEach(row -> parsed.put(row.id(), releases.parse(row)));
    List<TorrentRow> ordered =
        rows.stream()
            .sorted(Comparator.comparing(row -> parsed.get(row.id()), SeriesMatcher.CLAIM_ORDER))
            .toList();
    for (TorrentRow row : ordered) {
      ParsedRelease release = parsed.get(row.id());
      if (!torrents.fillRelease(row.id(), release)) {
        continue;
      }
      series.decide(row.id(), release);
      TorrentRow updated = torrents.find(row.id()).orElseThrow();
      outbox.publish(
          updated.infoHash(),
          new TorrentUpdated(updated.snapshot(tags.getOrDefault(row.id(), List.of())), SYSTEM));
      filled++;
    }
    return filled;
  }
}
