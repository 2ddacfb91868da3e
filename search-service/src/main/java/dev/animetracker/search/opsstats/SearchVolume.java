package dev.animetracker.search.opsstats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Counts searches in memory (a search must not wait for a write) and adds the count per UTC day to
 * {@code search_day} every {@link SearchStatsProperties#flushInterval()}, and once more on
 * shutdown. A failed flush keeps its counts for the next one.
 */
@Component
public class SearchVolume implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SearchVolume.class);

  private final SearchDays days;

  private final SearchStatsProperties properties;

  private final Clock clock;

  private final Map<LocalDate, LongAdder> pending = new ConcurrentHashMap<>();

  private volatile ScheduledExecutorService flusher;

  @Autowired
  SearchVolume(SearchDays days, SearchStatsProperties properties) {
    this(days, properties, Clock.systemUTC());
  }

  /** With a clock of its own: tests count on another day. */
  SearchVolume(SearchDays days, SearchStatsProperties properties, Clock clock) {
    this.days = days;
    this.properties = properties;
    this.clock = clock;
  }

  /** Counts one search, today (UTC). */
  public void count() {
    pending
        .computeIfAbsent(LocalDate.now(clock.withZone(ZoneOffset.UTC)), day -> new LongAdder())
        .increment();
  }

  /** Adds what was counted since the last flush to {@code search_day}. */
  public synchronized void flush() {
    for (Map.Entry<LocalDate, LongAdder> entry : pending.entrySet()) {
      long searches = entry.getValue().sumThenReset();
      if (searches == 0) {
        // An idle past day: drop it (a racing count re-creates it and is flushed next time).
        pending.remove(entry.getKey(), entry.getValue());
        continue;
      }
      try {
        days.add(entry.getKey(), searches);
      } catch (RuntimeException e) {
        entry.getValue().add(searches);
        log.warn("search volume not flushed, kept for the next try: {}", e.toString());
        return;
      }
    }
  }

  @Override
  public void start() {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("search-volume").daemon().unstarted(runnable));
    long millis = properties.flushInterval().toMillis();
    executor.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
    flusher = executor;
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = flusher;
    flusher = null;
    if (executor != null) {
      executor.shutdownNow();
      flush();
    }
  }

  @Override
  public boolean isRunning() {
    return flusher != null;
  }

  /** Stopped before the data source (a late phase starts first and stops first). */
  @Override
  public int getPhase() {
    return DEFAULT_PHASE - 1;
  }
}
