package dev.animetracker.torrent.comment;

import dev.animetracker.common.event.comment.CommentCreated;
import dev.animetracker.common.event.comment.CommentDeleted;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.common.web.DomainException;
import dev.animetracker.torrent.core.TorrentExceptions;
import dev.animetracker.torrent.markdown.MarkdownRenderer;
import dev.animetracker.torrent.web.Caller;
import dev.animetracker.torrent.web.Problems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on live torrents. The torrent's {@code comment_count} is kept in the same transaction;
 * {@code comment.created}/{@code comment.deleted} go out through the outbox keyed by torrent id.
 */
@Service
public class CommentService {

  public static final int MAX_LENGTH = 10_000;

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final MarkdownRenderer markdown;

  CommentService(JdbcClient jdbc, Outbox outbox, MarkdownRenderer markdown) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.markdown = markdown;
  }

  private record Row(
      long id,
      long torrentId,
      long authorId,
      String authorUsername,
      String text,
      Instant createdAt,
      Instant updatedAt) {}

  private static Row map(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getLong("torrent_id"),
        rs.getLong("author_id"),
        rs.getString("author_username"),
        rs.getString("text"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static final String SELECT =
      """
      select c.id, c.torrent_id, c.author_id, c.author_username, c.text, c.created_at,
             c.updated_at
      from comment c join torrent t on t.id = c.torrent_id and t.deleted_at is null
      """;

  @Transactional(readOnly = true)
  public List<CommentView> list(long torrentId) {
    requireTorrent(torrentId, false);
    return jdbc
        .sql(SELECT + " where c.torrent_id = :id order by c.created_at, c.id")
        .param("id", torrentId)
        .query(CommentService::map)
        .list()
        .stream()
        .map(this::view)
        .toList();
  }

  @Transactional
  public CommentView create(Caller caller, long torrentId, String text) {
    String clean = validate(text);
    requireTorrent(torrentId, true);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    long id =
        jdbc.sql(
                """
                insert into comment (torrent_id, author_id, author_username, text, created_at,
                    updated_at)
                values (:torrent, :author, :username, :text, :now, :now)
                returning id
                """)
            .param("torrent", torrentId)
            .param("author", caller.id())
            .param("username", caller.username())
            .param("text", clean)
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .single();
    record Counted(long commentCount, String title, long uploaderId) {}
    Counted counted =
        jdbc.sql(
                """
                update torrent set comment_count = comment_count + 1 where id = :id
                returning comment_count, title, uploader_id
                """)
            .param("id", torrentId)
            .query(Counted.class)
            .single();
    outbox.publish(
        Long.toString(torrentId),
        new CommentCreated(
            id,
            torrentId,
            counted.title(),
            counted.uploaderId(),
            caller.id(),
            caller.username(),
            clean,
            now,
            counted.commentCount()));
    return view(one(id));
  }

  @Transactional
  public CommentView edit(Caller caller, long commentId, String text) {
    String clean = validate(text);
    Row row = one(commentId);
    if (row.authorId() != caller.id()) {
      throw Problems.forbidden("Only the author may edit a comment.");
    }
    jdbc.sql("update comment set text = :text, updated_at = now() where id = :id")
        .param("id", commentId)
        .param("text", clean)
        .update();
    return view(one(commentId));
  }

  @Transactional
  public void delete(Caller caller, long commentId) {
    Row row = one(commentId);
    if (!caller.mayModify(row.authorId())) {
      throw Problems.forbidden("Only the author or a moderator may delete a comment.");
    }
    int deleted = jdbc.sql("delete from comment where id = :id").param("id", commentId).update();
    if (deleted == 0) {
      throw notFound();
    }
    long count =
        jdbc.sql(
                """
                update torrent set comment_count = greatest(comment_count - 1, 0) where id = :id
                returning comment_count
                """)
            .param("id", row.torrentId())
            .query(Long.class)
            .single();
    outbox.publish(
        Long.toString(row.torrentId()),
        new CommentDeleted(commentId, row.torrentId(), caller.id(), Instant.now(), count));
  }

  private Row one(long commentId) {
    return jdbc.sql(SELECT + " where c.id = :id")
        .param("id", commentId)
        .query(CommentService::map)
        .optional()
        .orElseThrow(CommentService::notFound);
  }

  private void requireTorrent(long torrentId, boolean lock) {
    jdbc.sql(
            "select id from torrent where id = :id and deleted_at is null"
                + (lock ? " for update" : ""))
        .param("id", torrentId)
        .query(Long.class)
        .optional()
        .orElseThrow(TorrentExceptions::notFound);
  }

  private static String validate(String text) {
    if (text == null || text.isBlank()) {
      throw Problems.validation("text", "NotBlank", "Write something.");
    }
    String clean = text.strip();
    if (clean.length() > MAX_LENGTH) {
      throw Problems.validation(
          "text", "Size", "A comment is at most " + MAX_LENGTH + " characters long.");
    }
    return clean;
  }

  private CommentView view(Row row) {
    return new CommentView(
        row.id(),
        row.torrentId(),
        new CommentView.Author(row.authorId(), row.authorUsername()),
        row.text(),
        markdown.render(row.text()),
        row.createdAt(),
        row.updatedAt(),
        row.updatedAt().isAfter(row.createdAt()));
  }

  static DomainException notFound() {
    return new DomainException(
        HttpStatus.NOT_FOUND, "comment-not-found", "There is no such comment.");
  }
}
