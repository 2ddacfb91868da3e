package dev.animetracker.gateway.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The services' moderator stats answers, as the stats page reads them (leniently). */
public final class StatsDtos {

  private StatsDtos() {}

  /** torrent-service: uploads and downloads per day, top torrents, the swarms now. */
  public record TorrentStats(
      @Nullable List<TorrentDay> perDay,
      @Nullable List<Top> topByDownloads,
      @Nullable List<Top> topBySeeders,
      @Nullable Swarms swarms) {

    public List<TorrentDay> days() {
      return perDay == null ? List.of() : perDay;
    }

    public List<Top> byDownloads() {
      return topByDownloads == null ? List.of() : topByDownloads;
    }

    public List<Top> bySeeders() {
      return topBySeeders == null ? List.of() : topBySeeders;
    }

    public Swarms swarmsNow() {
      return swarms == null ? new Swarms(0, 0, 0) : swarms;
    }
  }

  /** One UTC day of torrent-service's counts and the day's peaks of the swarm sums. */
  public record TorrentDay(
      LocalDate day, long uploads, long downloads, long peakSwarms, long peakPeers) {}

  /** A torrent of a top list. */
  public record Top(long id, @Nullable String title, long downloads, int seeders, int leechers) {}

  /** The swarms now: torrents with peers, and the peers summed. */
  public record Swarms(long active, long seeders, long leechers) {

    public long peers() {
      return seeders + leechers;
    }
  }

  /** search-service: searches per day. */
  public record SearchStats(@Nullable List<SearchDay> perDay) {

    public List<SearchDay> days() {
      return perDay == null ? List.of() : perDay;
    }
  }

  /** One UTC day of searches. */
  public record SearchDay(LocalDate day, long searches) {}

  /** notification-service: the mail queue now and mails per day. */
  public record MailStats(
      long pending, @Nullable Instant oldestPending, @Nullable List<MailDay> perDay) {

    public List<MailDay> days() {
      return perDay == null ? List.of() : perDay;
    }
  }

  /** One UTC day of mails. */
  public record MailDay(LocalDate day, long queued, long sent, long failed) {}
}
