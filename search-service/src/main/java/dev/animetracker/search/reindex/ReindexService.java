package dev.animetracker.search.reindex;

import dev.animetracker.common.event.torrent.SeriesRef;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.web.DomainException;
import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.index.ReadModelWriter;
import dev.animetracker.search.torrents.TorrentServiceClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientException;

/**
 * Rebuilds the read model from torrent-service: every page of live torrents goes through the same
 * version rules as the events (so a reindex running beside the consumers never rolls anything
 * back), then live rows torrent-service no longer lists are tombstoned. Safe to repeat; one at a
 * time across all instances ({@link ReindexLock}).
 */
@Service
public class ReindexService {

  private static final Logger log = LoggerFactory.getLogger(ReindexService.class);

  /** What a reindex did. */
  public record Report(
      int listed,
      int snapshotsApplied,
      int statsApplied,
      int downloadsApplied,
      int commentsApplied,
      int seriesApplied,
      int tombstoned,
      long millis) {}

  private static final Duration UNLISTED_MARGIN = Duration.ofMinutes(1);

  private final TorrentServiceClient torrentService;
  private final ReadModelWriter writer;
  private final SearchProperties properties;
  private final ReindexLock lock;

  ReindexService(
      TorrentServiceClient torrentService,
      ReadModelWriter writer,
      SearchProperties properties,
      ReindexLock lock) {
    this.torrentService = torrentService;
    this.lock = lock;
    this.writer = writer;
    this.properties = properties;
  }

  /**
   * Rebuilds the read model, unless a reindex runs already on this or any other instance.
   *
   * @throws DomainException {@code 409 reindex-running} while another reindex holds the lock
   */
  public Report reindex() {
    ReindexLock.Held held =
        lock.tryAcquire()
            .orElseThrow(
                () ->
                    new DomainException(
                        HttpStatus.CONFLICT, "reindex-running", "A reindex is already running."));
    try (held) {
      return run();
    } catch (RestClientException e) {
      log.warn("Reindex stopped: torrent-service did not answer ({})", e.getMessage());
      throw new DomainException(
          HttpStatus.BAD_GATEWAY,
          "torrent-service-unavailable",
          "torrent-service did not answer; the read model was partly refreshed, run it again.");
    }
  }

  private Report run() {
    Instant started = Instant.now();
    // Series first: the torrents listed next then take all their series' titles into their tsv.
    int series = reindexSeries();
    long[] listedIds = new long[1024];
    int listed = 0;
    int snapshots = 0;
    int stats = 0;
    int downloads = 0;
    int comments = 0;
    long afterId = 0;
    while (true) {
      TorrentServiceClient.Page page = torrentService.page(afterId, properties.reindexPageSize());
      List<TorrentServiceClient.Item> items = page.items() == null ? List.of() : page.items();
      List<TorrentSnapshot> snapshotList = new ArrayList<>();
      List<ReadModelWriter.Stats> statsList = new ArrayList<>();
      List<ReadModelWriter.Downloads> downloadList = new ArrayList<>();
      List<ReadModelWriter.Comments> commentList = new ArrayList<>();
      for (TorrentServiceClient.Item item : items) {
        if (listed == listedIds.length) {
          listedIds = Arrays.copyOf(listedIds, listed * 2);
        }
        listedIds[listed++] = item.torrentId();
        snapshotList.add(
            new TorrentSnapshot(
                item.torrentId(),
                item.infoHash(),
                item.infoHashV2(),
                item.title(),
                item.description(),
                item.category(),
                item.tags() == null ? List.of() : item.tags(),
                item.size(),
                item.fileCount(),
                item.uploaderId(),
                item.uploaderUsername(),
                item.createdAt(),
                item.updatedAt(),
                item.version(),
                item.release(),
                Boolean.TRUE.equals(item.trusted()),
                Boolean.TRUE.equals(item.remake()),
                Boolean.TRUE.equals(item.complete()),
                item.series()));
        if (item.statsObservedAt() != null) {
          statsList.add(
              new ReadModelWriter.Stats(
                  item.infoHash(),
                  item.seeders(),
                  item.leechers(),
                  item.completed(),
                  item.statsObservedAt()));
        }
        downloadList.add(new ReadModelWriter.Downloads(item.infoHash(), item.downloads()));
        commentList.add(
            new ReadModelWriter.Comments(item.torrentId(), item.commentCount(), page.asOf()));
      }
      snapshots += writer.snapshots(snapshotList);
      stats += writer.stats(statsList);
      downloads += writer.downloads(downloadList);
      comments += writer.comments(commentList);
      if (page.nextAfterId() == null || items.isEmpty()) {
        break;
      }
      afterId = page.nextAfterId();
    }
    int tombstoned = tombstoneUnlisted(Arrays.copyOf(listedIds, listed), started);
    Report report =
        new Report(
            listed,
            snapshots,
            stats,
            downloads,
            comments,
            series,
            tombstoned,
            Duration.between(started, Instant.now()).toMillis());
    log.info("Reindex done: {}", report);
    return report;
  }

  /** Every series, through the version rule of series.updated; returns how many changed. */
  private int reindexSeries() {
    int applied = 0;
    String after = null;
    int limit = properties.reindexPageSize();
    while (true) {
      TorrentServiceClient.SeriesPage page = torrentService.series(after, limit);
      List<TorrentServiceClient.Series> items = page.items() == null ? List.of() : page.items();
      for (TorrentServiceClient.Series series : items) {
        if (series.slug() == null || series.title() == null) {
          throw new IllegalStateException("torrent-service listed a series without slug or title");
        }
        List<String> alternatives =
            series.alternativeTitles() == null ? List.of() : series.alternativeTitles();
        if (writer.series(
                new SeriesRef(series.slug(), series.title()),
                alternatives,
                series.version(),
                series.updatedAt())
            >= 0) {
          applied++;
        }
      }
      if (page.nextAfter() == null || items.isEmpty()) {
        return applied;
      }
      after = page.nextAfter();
    }
  }

  /**
   * Live rows torrent-service did not list are gone from it, unless they may be uploads newer than
   * the listing: a row counts as missing when it was created a minute before the reindex started
   * (clock skew and open transactions) or before the start with an id at most the highest listed.
   */
  private int tombstoneUnlisted(long[] listedIds, Instant started) {
    long maxListed = listedIds.length == 0 ? 0 : listedIds[listedIds.length - 1];
    Arrays.sort(listedIds);
    List<Long> missing = new ArrayList<>();
    for (long id : writer.liveIdsBefore(started.minus(UNLISTED_MARGIN), started, maxListed)) {
      if (Arrays.binarySearch(listedIds, id) < 0) {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      log.info("Tombstoning {} torrents torrent-service no longer lists", missing.size());
    }
    return missing.isEmpty() ? 0 : writer.tombstoneMissing(missing);
  }
}
