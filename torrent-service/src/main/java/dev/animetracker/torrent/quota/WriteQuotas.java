package dev.animetracker.torrent.quota;

import dev.animetracker.torrent.TorrentsProperties;
import dev.animetracker.torrent.web.Caller;
import dev.animetracker.torrent.web.RateLimited;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-account limits on uploads, comments and series made by hand: a burst window (uploads and
 * series per hour, comments per minute) and a day, lower for new accounts (uploads, comments).
 * Counted in the database so every instance of the service shares them. Only writes that commit
 * count: {@link #consume} runs in the writer's transaction, so a rejected upload or comment costs
 * its author nothing.
 *
 * <p>An account's age is the time this service first saw it write: the access token carries no
 * creation time ({@code sub}, {@code iat}, {@code roles} only), and asking user-service on every
 * write would cost a call per upload. An old account that writes for the first time is therefore
 * "new" for a day; that errs on the safe side.
 */
@Service
public class WriteQuotas {

  /** What is being written. */
  public enum Kind {
    UPLOAD("upload-quota-exceeded", Duration.ofHours(1)),
    COMMENT("comment-quota-exceeded", Duration.ofMinutes(1)),
    /**
     * Series created by hand ({@code POST /api/series}; an upload's own series is the upload's).
     */
    SERIES("series-quota-exceeded", Duration.ofHours(1)),
    /** Reports of torrents and comments; the code the API agreed for them (api13). */
    REPORT("rate-limited", Duration.ofHours(1));

    final String code;
    final Duration burstWindow;

    Kind(String code, Duration burstWindow) {
      this.code = code;
      this.burstWindow = burstWindow;
    }
  }

  static final Duration DAY = Duration.ofDays(1);

  private final QuotaRepository repository;
  private final TorrentsProperties.Quotas limits;

  WriteQuotas(QuotaRepository repository, TorrentsProperties properties) {
    this.repository = repository;
    this.limits = properties.quotas();
  }

  /**
   * Cheap early refusal before expensive work (an upload is read and parsed before its
   * transaction): 429 when the account is already at a limit. Not exact under concurrency; {@link
   * #consume} is.
   */
  @Transactional(readOnly = true)
  public void check(Caller caller, Kind kind) {
    Instant now = Instant.now();
    Instant firstSeen = repository.firstSeen(caller.id()).orElse(now);
    enforce(caller.id(), kind, firstSeen, now);
  }

  /**
   * Counts one write of {@code kind} by {@code caller} in the current transaction, or throws 429
   * {@code upload-quota-exceeded}/{@code comment-quota-exceeded} with {@code Retry-After}. The
   * account's row is locked until the transaction ends, so one account's parallel writes are
   * counted one after the other.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void consume(Caller caller, Kind kind) {
    Instant now = Instant.now();
    Instant firstSeen = repository.lockAccount(caller.id());
    enforce(caller.id(), kind, firstSeen, now);
    repository.purgeOlderThan(caller.id(), now.minus(DAY));
    repository.log(caller.id(), kind.name(), now);
  }

  private void enforce(long userId, Kind kind, Instant firstSeen, Instant now) {
    boolean newAccount = firstSeen.isAfter(now.minus(limits.newAccountAge()));
    int burst =
        switch (kind) {
          case UPLOAD -> limits.uploadsPerHour();
          case COMMENT -> limits.commentsPerMinute();
          case SERIES -> limits.seriesPerHour();
          case REPORT -> limits.reportsPerHour();
        };
    int daily =
        switch (kind) {
          case UPLOAD -> newAccount ? limits.newAccountUploadsPerDay() : limits.uploadsPerDay();
          case COMMENT -> newAccount ? limits.newAccountCommentsPerDay() : limits.commentsPerDay();
          case SERIES -> limits.seriesPerDay();
          case REPORT -> limits.reportsPerDay();
        };
    refuseIfFull(userId, kind, kind.burstWindow, burst, now);
    refuseIfFull(userId, kind, DAY, daily, now);
  }

  private void refuseIfFull(long userId, Kind kind, Duration window, int limit, Instant now) {
    Instant since = now.minus(window);
    QuotaRepository.Window used = repository.window(userId, kind.name(), since, limit);
    if (used.count() < limit) {
      return;
    }
    // The slot that frees first is the limit-th newest write's: it leaves the window then.
    Duration retry =
        used.freesAt() == null ? window : Duration.between(now, used.freesAt().plus(window));
    throw new RateLimited(
        kind.code,
        "At most "
            + limit
            + switch (kind) {
              case UPLOAD -> " uploads";
              case COMMENT -> " comments";
              case SERIES -> " new series";
              case REPORT -> " reports";
            }
            + " per "
            + (window.equals(DAY) ? "day" : kind == Kind.COMMENT ? "minute" : "hour")
            + ".",
        retry.isNegative() ? Duration.ofSeconds(1) : retry);
  }
}
