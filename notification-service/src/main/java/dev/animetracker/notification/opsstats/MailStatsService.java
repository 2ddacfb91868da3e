package dev.animetracker.notification.opsstats;

import dev.animetracker.common.stats.StatsWindow;
import dev.animetracker.notification.opsstats.MailStatsRepository.MailTimestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles {@link MailStats} from one read-only snapshot. */
@Service
class MailStatsService {

  private final MailStatsRepository repository;

  private final Clock clock = Clock.systemUTC();

  MailStatsService(MailStatsRepository repository) {
    this.repository = repository;
  }

  /** 400 {@code invalid-days} for a bad {@code days}. */
  @Transactional(readOnly = true)
  public MailStats stats(String days) {
    StatsWindow window = StatsWindow.of(days, clock);
    Map<LocalDate, Long> queued = repository.perDay(MailTimestamp.QUEUED, window);
    Map<LocalDate, Long> sent = repository.perDay(MailTimestamp.SENT, window);
    Map<LocalDate, Long> failed = repository.perDay(MailTimestamp.FAILED, window);
    MailStatsRepository.Pending pending = repository.pending();
    return new MailStats(
        window.days(),
        window.first(),
        window.last(),
        pending.count(),
        pending.oldest().orElse(null),
        window.perDay(
            day ->
                new MailStats.Day(
                    day,
                    queued.getOrDefault(day, 0L),
                    sent.getOrDefault(day, 0L),
                    failed.getOrDefault(day, 0L))));
  }
}
