package dev.animetracker.torrent.download;

import dev.animetracker.torrent.TorrentsProperties;
import dev.animetracker.torrent.core.TorrentExceptions;
import dev.animetracker.torrent.metainfo.MetainfoRewriter;
import dev.animetracker.torrent.storage.TorrentFiles;
import dev.animetracker.torrent.web.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The .torrent download: the stored file with our trackers first (see {@link TorrentLinks}),
 * counted for the caller.
 *
 * <p>Not transactional itself: one select by primary key reads the row's few columns and the file
 * ({@link TorrentFiles#downloadable}), the tracker rewrite happens outside any transaction, and
 * {@link DownloadCounter} (a second bean, so its {@code @Transactional} proxy applies) keeps the
 * transaction to the counter update and the outbox row.
 */
@Service
public class DownloadService {

  private final TorrentFiles files;
  private final DownloadCounter counter;
  private final JsonMapper json;
  private final TorrentsProperties properties;
  private final Counter downloads;

  DownloadService(
      TorrentFiles files,
      DownloadCounter counter,
      JsonMapper json,
      TorrentsProperties properties,
      MeterRegistry meters) {
    this.downloads =
        Counter.builder("torrent.downloads")
            .description(".torrent files served to downloaders")
            .register(meters);
    this.files = files;
    this.counter = counter;
    this.json = json;
    this.properties = properties;
  }

  /** A .torrent to send. */
  public record Download(byte[] bytes, String title) {}

  public Download download(Caller caller, long id) {
    TorrentFiles.Downloadable row = files.downloadable(id).orElseThrow(TorrentExceptions::notFound);
    byte[] stored = row.content();
    if (stored == null) {
      throw TorrentExceptions.fileMissing();
    }
    List<List<String>> original =
        json.readValue(row.trackers(), new TypeReference<List<List<String>>>() {});
    byte[] rewritten =
        MetainfoRewriter.withTrackers(
            stored, TorrentLinks.downloadTiers(properties.trackers(), original));
    counter.count(caller, id, row.infoHash());
    downloads.increment();
    return new Download(rewritten, row.title());
  }
}
