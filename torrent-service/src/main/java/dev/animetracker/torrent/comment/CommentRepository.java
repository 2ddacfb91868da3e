package dev.animetracker.torrent.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the {@code comment} table and of the torrent's {@code comment_count}. Comments of
 * removed torrents are invisible: every read joins the live torrent.
 */
@Repository
class CommentRepository {

  private static final String SELECT =
      """
      select c.id, c.torrent_id, c.author_id, c.author_username, c.text, c.text_html, c.created_at,
             c.updated_at
      from comment c join torrent t on t.id = c.torrent_id and t.deleted_at is null
      """;

  private final JdbcClient jdbc;

  CommentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Row(
      long id,
      long torrentId,
      long authorId,
      String authorUsername,
      String text,
      String textHtml,
      Instant createdAt,
      Instant updatedAt) {}

  /** The torrent's comment count after a change, with what the event names of the torrent. */
  record Counted(long commentCount, String title, long uploaderId) {}

  private static Row map(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getLong("torrent_id"),
        rs.getLong("author_id"),
        rs.getString("author_username"),
        rs.getString("text"),
        rs.getString("text_html"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  /** Whether the torrent is live; {@code lock} holds its row until the end of the transaction. */
  boolean torrentIsLive(long torrentId, boolean lock) {
    return jdbc.sql(
            "select id from torrent where id = :id and deleted_at is null"
                + (lock ? " for update" : ""))
        .param("id", torrentId)
        .query(Long.class)
        .optional()
        .isPresent();
  }

  List<Row> ofTorrent(long torrentId) {
    return jdbc.sql(SELECT + " where c.torrent_id = :id order by c.created_at, c.id")
        .param("id", torrentId)
        .query(CommentRepository::map)
        .list();
  }

  Optional<Row> find(long commentId) {
    return jdbc.sql(SELECT + " where c.id = :id")
        .param("id", commentId)
        .query(CommentRepository::map)
        .optional();
  }

  long insert(
      long torrentId,
      long authorId,
      String authorUsername,
      String text,
      String textHtml,
      Instant now) {
    return jdbc.sql(
            """
            insert into comment (torrent_id, author_id, author_username, text, text_html,
                created_at, updated_at)
            values (:torrent, :author, :username, :text, :textHtml, :now, :now)
            returning id
            """)
        .param("torrent", torrentId)
        .param("author", authorId)
        .param("username", authorUsername)
        .param("text", text)
        .param("textHtml", textHtml)
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  Counted countOneMore(long torrentId) {
    return jdbc.sql(
            """
            update torrent set comment_count = comment_count + 1 where id = :id
            returning comment_count, title, uploader_id
            """)
        .param("id", torrentId)
        .query(Counted.class)
        .single();
  }

  void updateText(long commentId, String text, String textHtml) {
    jdbc.sql(
            "update comment set text = :text, text_html = :textHtml, updated_at = now()"
                + " where id = :id")
        .param("textHtml", textHtml)
        .param("id", commentId)
        .param("text", text)
        .update();
  }

  /** Whether the comment was still there to delete. */
  boolean delete(long commentId) {
    return jdbc.sql("delete from comment where id = :id").param("id", commentId).update() > 0;
  }

  /** The new count; never below zero. */
  long countOneLess(long torrentId) {
    return jdbc.sql(
            """
            update torrent set comment_count = greatest(comment_count - 1, 0) where id = :id
            returning comment_count
            """)
        .param("id", torrentId)
        .query(Long.class)
        .single();
  }
}
