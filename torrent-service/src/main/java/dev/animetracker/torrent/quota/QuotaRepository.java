package dev.animetracker.torrent.quota;

import dev.animetracker.torrent.core.TorrentRow;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code account_first_seen} and {@code write_log}. */
@Repository
class QuotaRepository {

  private final JdbcClient jdbc;

  QuotaRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * How many writes of a kind fell in the window, and when the oldest of the newest {@code limit}
   * of them was written (the slot that frees first once the window is full).
   */
  record Window(long count, @Nullable Instant freesAt) {}

  Optional<Instant> firstSeen(long userId) {
    return jdbc.sql("select first_seen_at from account_first_seen where user_id = :id")
        .param("id", userId)
        .query((rs, n) -> TorrentRow.instant(rs, "first_seen_at"))
        .optional();
  }

  /** The account's first-seen time, recorded now if it is new; its row stays locked. */
  Instant lockAccount(long userId) {
    jdbc.sql(
            "insert into account_first_seen (user_id) values (:id) on conflict (user_id) do nothing")
        .param("id", userId)
        .update();
    return jdbc.sql("select first_seen_at from account_first_seen where user_id = :id for update")
        .param("id", userId)
        .query((rs, n) -> TorrentRow.instant(rs, "first_seen_at"))
        .single();
  }

  Window window(long userId, String kind, Instant since, int limit) {
    return jdbc.sql(
            """
            select count(*) as used,
                   (select min(at) from (select at from write_log
                        where user_id = :id and kind = :kind and at > :since
                        order by at desc limit :limit) newest) as frees_at
            from write_log where user_id = :id and kind = :kind and at > :since
            """)
        .param("id", userId)
        .param("kind", kind)
        .param("since", Timestamp.from(since))
        .param("limit", Math.max(limit, 1))
        .query((rs, n) -> new Window(rs.getLong("used"), TorrentRow.instant(rs, "frees_at")))
        .single();
  }

  void log(long userId, String kind, Instant at) {
    jdbc.sql("insert into write_log (user_id, kind, at) values (:id, :kind, :at)")
        .param("id", userId)
        .param("kind", kind)
        .param("at", Timestamp.from(at))
        .update();
  }

  void purgeOlderThan(long userId, Instant before) {
    jdbc.sql("delete from write_log where user_id = :id and at < :before")
        .param("id", userId)
        .param("before", Timestamp.from(before))
        .update();
  }
}
