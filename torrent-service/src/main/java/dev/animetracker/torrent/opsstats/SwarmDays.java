package dev.animetracker.torrent.opsstats;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Repository;

/**
 * The swarm sums' peak per UTC day ({@code swarm_day}): every {@link
 * TorrentStatsProperties#swarmSampleInterval()} each instance sums the tracker's last counts over
 * live torrents and raises the day's peaks with {@code greatest}, one statement, so any number of
 * instances sampling at any time agree. Costs one aggregate over the torrent table per interval.
 */
@Repository
@EnableConfigurationProperties(TorrentStatsProperties.class)
class SwarmDays implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SwarmDays.class);

  private final JdbcClient jdbc;

  private final TaskScheduler scheduler;

  private final TorrentStatsProperties properties;

  private volatile ScheduledFuture<?> sampling;

  SwarmDays(JdbcClient jdbc, TaskScheduler scheduler, TorrentStatsProperties properties) {
    this.jdbc = jdbc;
    this.scheduler = scheduler;
    this.properties = properties;
  }

  /** A day's peaks. */
  record Peaks(long swarms, long peers, long seeders, long leechers) {}

  /** Samples the sums now into today's (UTC) peaks. */
  void sample() {
    jdbc.sql(
            """
            insert into swarm_day (day, swarms, peers, seeders, leechers)
            select (now() at time zone 'UTC')::date,
                   count(*) filter (where seeders + leechers > 0),
                   coalesce(sum(seeders + leechers), 0),
                   coalesce(sum(seeders), 0), coalesce(sum(leechers), 0)
              from torrent where deleted_at is null
            on conflict (day) do update
               set swarms = greatest(swarm_day.swarms, excluded.swarms),
                   peers = greatest(swarm_day.peers, excluded.peers),
                   seeders = greatest(swarm_day.seeders, excluded.seeders),
                   leechers = greatest(swarm_day.leechers, excluded.leechers)
            """)
        .update();
  }

  /** The peaks from {@code first} to {@code last}; days never sampled are absent. */
  Map<LocalDate, Peaks> between(LocalDate first, LocalDate last) {
    Map<LocalDate, Peaks> days = new HashMap<>();
    jdbc.sql(
            "select day, swarms, peers, seeders, leechers from swarm_day where day between :first and :last")
        .param("first", first)
        .param("last", last)
        .query(
            (rs, row) ->
                Map.entry(
                    rs.getObject("day", LocalDate.class),
                    new Peaks(
                        rs.getLong("swarms"),
                        rs.getLong("peers"),
                        rs.getLong("seeders"),
                        rs.getLong("leechers"))))
        .list()
        .forEach(entry -> days.put(entry.getKey(), entry.getValue()));
    return days;
  }

  private void sampleLogged() {
    try {
      sample();
    } catch (RuntimeException e) {
      log.warn(
          "swarm sample failed, next one in {}: {}",
          properties.swarmSampleInterval(),
          e.toString());
    }
  }

  @Override
  public void start() {
    sampling =
        scheduler.scheduleWithFixedDelay(this::sampleLogged, properties.swarmSampleInterval());
  }

  @Override
  public void stop() {
    ScheduledFuture<?> running = sampling;
    sampling = null;
    if (running != null) {
      running.cancel(false);
    }
  }

  @Override
  public boolean isRunning() {
    return sampling != null;
  }
}
