package dev.animetracker.torrent.download;

import dev.animetracker.common.event.torrent.TorrentDownloaded;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.torrent.core.TorrentExceptions;
import dev.animetracker.torrent.core.TorrentRepository;
import dev.animetracker.torrent.web.Caller;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts a download and publishes {@code torrent.downloaded} with the new total, atomically. */
@Service
class DownloadCounter {

  private final TorrentRepository torrents;
  private final Outbox outbox;

  DownloadCounter(TorrentRepository torrents, Outbox outbox) {
    this.torrents = torrents;
    this.outbox = outbox;
  }

  /** 404 {@code torrent-not-found} when the torrent was removed in the meantime. */
  @Transactional
  public void count(Caller caller, long id, String infoHash) {
    Instant now = Instant.now();
    long downloads = torrents.countDownload(id).orElseThrow(TorrentExceptions::notFound);
    outbox.publish(infoHash, new TorrentDownloaded(id, infoHash, caller.id(), now, downloads));
  }
}
