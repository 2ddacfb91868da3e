package dev.animetracker.torrent.download;

import dev.animetracker.common.event.torrent.TorrentDownloaded;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.torrent.core.TorrentExceptions;
import dev.animetracker.torrent.core.TorrentRepository;
import dev.animetracker.torrent.opsstats.DownloadDays;
import dev.animetracker.torrent.web.Caller;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts a download (the total and the day's count) and publishes {@code torrent.downloaded} with
 * the new total, atomically.
 */
@Service
class DownloadCounter {

  private final TorrentRepository torrents;
  private final Outbox outbox;
  private final DownloadDays days;

  DownloadCounter(TorrentRepository torrents, Outbox outbox, DownloadDays days) {
    this.torrents = torrents;
    this.outbox = outbox;
    this.days = days;
  }

  /** 404 {@code torrent-not-found} when the torrent was removed in the meantime. */
  @Transactional
  public void count(Caller caller, long id, String infoHash) {
    Instant now = Instant.now();
    long downloads = torrents.countDownload(id).orElseThrow(TorrentExceptions::notFound);
    days.count(id, now);
    outbox.publish(infoHash, new TorrentDownloaded(id, infoHash, caller.id(), now, downloads));
  }
}
