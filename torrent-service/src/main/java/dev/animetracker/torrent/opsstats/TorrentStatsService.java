package dev.animetracker.torrent.opsstats;

import dev.animetracker.common.stats.StatsWindow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles {@link TorrentStats} from one read-only snapshot, so the parts agree. */
@Service
class TorrentStatsService {

  /** How many torrents each top list shows. */
  static final int TOP = 10;

  private final TorrentStatsRepository repository;

  private final SwarmDays swarmDays;

  private final Clock clock = Clock.systemUTC();

  TorrentStatsService(TorrentStatsRepository repository, SwarmDays swarmDays) {
    this.repository = repository;
    this.swarmDays = swarmDays;
  }

  /** 400 {@code invalid-days} for a bad {@code days}. */
  @Transactional(readOnly = true)
  public TorrentStats stats(String days) {
    StatsWindow window = StatsWindow.of(days, clock);
    Map<LocalDate, Long> uploads = repository.uploadsPerDay(window);
    Map<LocalDate, Long> downloads = repository.downloadsPerDay(window);
    Map<LocalDate, SwarmDays.Peaks> peaks = swarmDays.between(window.first(), window.last());
    SwarmDays.Peaks none = new SwarmDays.Peaks(0, 0, 0, 0);
    return new TorrentStats(
        window.days(),
        window.first(),
        window.last(),
        window.perDay(
            day ->
                new TorrentStats.Day(
                    day,
                    uploads.getOrDefault(day, 0L),
                    downloads.getOrDefault(day, 0L),
                    peaks.getOrDefault(day, none).swarms(),
                    peaks.getOrDefault(day, none).peers())),
        repository.topByDownloads(window, TOP),
        repository.topBySeeders(TOP),
        repository.swarms());
  }
}
