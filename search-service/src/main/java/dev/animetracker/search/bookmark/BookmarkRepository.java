package dev.animetracker.search.bookmark;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of bookmarks. */
@Repository
class BookmarkRepository {

  private final JdbcClient jdbc;

  BookmarkRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A bookmark on a page. */
  record Entry(long torrentId, Instant bookmarkedAt) {}

  /** What this index knows of a torrent. */
  enum Known {
    LIVE,
    DELETED,
    UNKNOWN
  }

  Known torrent(long torrentId) {
    return jdbc.sql("select live from torrent_doc where id = :id")
        .param("id", torrentId)
        .query(Boolean.class)
        .optional()
        .map(live -> live ? Known.LIVE : Known.DELETED)
        .orElse(Known.UNKNOWN);
  }

  /** Adds the bookmark; an existing one keeps its time. */
  void add(long userId, long torrentId, Instant at) {
    jdbc.sql(
            """
            insert into bookmark (user_id, torrent_id, created_at) values (:u, :t, :at)
            on conflict do nothing
            """)
        .param("u", userId)
        .param("t", torrentId)
        .param("at", Timestamp.from(at))
        .update();
  }

  void remove(long userId, long torrentId) {
    jdbc.sql("delete from bookmark where user_id = :u and torrent_id = :t")
        .param("u", userId)
        .param("t", torrentId)
        .update();
  }

  /** Whether the user bookmarked this torrent and it is still there. */
  boolean has(long userId, long torrentId) {
    return jdbc.sql(
            """
            select exists (select 1 from bookmark b join torrent_doc d on d.id = b.torrent_id
                           where b.user_id = :u and b.torrent_id = :t and d.live)
            """)
        .param("u", userId)
        .param("t", torrentId)
        .query(Boolean.class)
        .single();
  }

  /** A page of the user's bookmarks of live torrents, newest bookmark first. */
  List<Entry> page(long userId, int offset, int limit) {
    return jdbc.sql(
            """
            select b.torrent_id, b.created_at from bookmark b
            join torrent_doc d on d.id = b.torrent_id and d.live
            where b.user_id = :u
            order by b.created_at desc, b.torrent_id desc offset :offset limit :limit
            """)
        .param("u", userId)
        .param("offset", offset)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Entry(rs.getLong("torrent_id"), rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  long count(long userId) {
    return jdbc.sql(
            """
            select count(*) from bookmark b join torrent_doc d on d.id = b.torrent_id and d.live
            where b.user_id = :u
            """)
        .param("u", userId)
        .query(Long.class)
        .single();
  }

  /** Who bookmarked the torrent, but for these users. */
  List<Long> bookmarkers(long torrentId, List<Long> except) {
    return jdbc.sql(
            """
            select user_id from bookmark
            where torrent_id = :t and user_id <> all(cast(:except as bigint[]))
            order by user_id
            """)
        .param("t", torrentId)
        .param("except", except.toArray(Long[]::new))
        .query(Long.class)
        .list();
  }

  void forgetTorrent(long torrentId) {
    jdbc.sql("delete from bookmark where torrent_id = :t").param("t", torrentId).update();
  }
}
