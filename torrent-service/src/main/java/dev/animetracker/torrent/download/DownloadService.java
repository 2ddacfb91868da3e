package dev.animetracker.torrent.download;

import dev.animetracker.torrent.TorrentsProperties;
import dev.animetracker.torrent.core.TorrentExceptions;
import dev.animetracker.torrent.core.TorrentRepository;
import dev.animetracker.torrent.core.TorrentRow;
import dev.animetracker.torrent.metainfo.MetainfoRewriter;
import dev.animetracker.torrent.storage.TorrentStorage;
import dev.animetracker.torrent.web.Caller;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The .torrent download: the stored file with our trackers first (see {@link TorrentLinks}),
 * counted for the caller.
 *
 * <p>Not transactional itself: reading the file and rewriting its trackers happen before the
 * transaction, which {@link DownloadCounter} (a second bean, so its {@code @Transactional} proxy
 * applies) keeps to the counter update and the outbox row; no connection is held during the file
 * work on this hot path.
 */
@Service
public class DownloadService {

  private final TorrentRepository torrents;
  private final TorrentStorage storage;
  private final DownloadCounter counter;
  private final JsonMapper json;
  private final TorrentsProperties properties;

  DownloadService(
      TorrentRepository torrents,
      TorrentStorage storage,
      DownloadCounter counter,
      JsonMapper json,
      TorrentsProperties properties) {
    this.torrents = torrents;
    this.storage = storage;
    this.counter = counter;
    this.json = json;
    this.properties = properties;
  }

  /** A .torrent to send. */
  public record Download(byte[] bytes, String title) {}

  public Download download(Caller caller, long id) {
    TorrentRow row = torrents.find(id).orElseThrow(TorrentExceptions::notFound);
    byte[] stored = storage.read(row.storagePath()).orElseThrow(TorrentExceptions::fileMissing);
    List<List<String>> original =
        json.readValue(row.trackers(), new TypeReference<List<List<String>>>() {});
    byte[] rewritten =
        MetainfoRewriter.withTrackers(
            stored, TorrentLinks.downloadTiers(properties.trackers(), original));
    counter.count(caller, id, row.infoHash());
    return new Download(rewritten, row.title());
  }
}
