package dev.animetracker.torrent.comment;

import dev.animetracker.common.event.comment.CommentCreated;
import dev.animetracker.common.event.comment.CommentDeleted;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.common.web.DomainException;
import dev.animetracker.torrent.audit.ModerationAudit;
import dev.animetracker.torrent.core.TorrentExceptions;
import dev.animetracker.torrent.markdown.MarkdownRenderer;
import dev.animetracker.torrent.quota.WriteQuotas;
import dev.animetracker.torrent.web.Caller;
import dev.animetracker.torrent.web.Problems;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on live torrents. The torrent's {@code comment_count} is kept in the same transaction;
 * {@code comment.created}/{@code comment.deleted} go out through the outbox keyed by torrent id.
 */
@Service
public class CommentService {

  public static final int MAX_LENGTH = 10_000;
  private static final int EXCERPT = 500;

  private final CommentRepository comments;
  private final Outbox outbox;
  private final MarkdownRenderer markdown;
  private final WriteQuotas quotas;
  private final ModerationAudit moderationLog;

  CommentService(
      CommentRepository comments,
      Outbox outbox,
      MarkdownRenderer markdown,
      WriteQuotas quotas,
      ModerationAudit moderationLog) {
    this.moderationLog = moderationLog;
    this.quotas = quotas;
    this.comments = comments;
    this.outbox = outbox;
    this.markdown = markdown;
  }

  @Transactional(readOnly = true)
  public List<CommentView> list(long torrentId) {
    requireTorrent(torrentId, false);
    return comments.ofTorrent(torrentId).stream().map(this::view).toList();
  }

  @Transactional
  public CommentView create(Caller caller, long torrentId, String text) {
    String clean = validate(text);
    String html = markdown.renderForWrite(clean, "text");
    requireTorrent(torrentId, true);
    quotas.consume(caller, WriteQuotas.Kind.COMMENT);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    long id = comments.insert(torrentId, caller.id(), caller.username(), clean, html, now);
    CommentRepository.Counted counted = comments.countOneMore(torrentId);
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
    String html = markdown.renderForWrite(clean, "text");
    CommentRepository.Row row = one(commentId);
    if (row.authorId() != caller.id()) {
      throw Problems.forbidden("Only the author may edit a comment.");
    }
    comments.updateText(commentId, clean, html);
    return view(one(commentId));
  }

  @Transactional
  public void delete(Caller caller, long commentId) {
    delete(caller, commentId, null);
  }

  /**
   * Deletes the comment (author or moderator); a moderator's deletion of someone else's comment
   * goes into the moderation log with {@code reason} and what the comment said.
   */
  @Transactional
  public void delete(Caller caller, long commentId, String reason) {
    CommentRepository.Row row = one(commentId);
    if (!caller.mayModify(row.authorId())) {
      throw Problems.forbidden("Only the author or a moderator may delete a comment.");
    }
    if (!comments.delete(commentId)) {
      throw notFound();
    }
    long count = comments.countOneLess(row.torrentId());
    outbox.publish(
        Long.toString(row.torrentId()),
        new CommentDeleted(commentId, row.torrentId(), caller.id(), Instant.now(), count));
    if (caller.moderator() && caller.id() != row.authorId()) {
      Map<String, Object> before = new LinkedHashMap<>();
      before.put("torrentId", row.torrentId());
      before.put("author", row.authorUsername());
      before.put("text", excerpt(row.text()));
      moderationLog.record(
          caller, "comment.delete", "comment", Long.toString(commentId), reason, before, null);
    }
  }

  /** Enough of a deleted comment for the log to show what it was, not a copy of long texts. */
  private static String excerpt(String text) {
    return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
  }

  private CommentRepository.Row one(long commentId) {
    return comments.find(commentId).orElseThrow(CommentService::notFound);
  }

  private void requireTorrent(long torrentId, boolean lock) {
    if (!comments.torrentIsLive(torrentId, lock)) {
      throw TorrentExceptions.notFound();
    }
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

  private CommentView view(CommentRepository.Row row) {
    return new CommentView(
        row.id(),
        row.torrentId(),
        new CommentView.Author(row.authorId(), row.authorUsername()),
        row.text(),
        row.textHtml() == null ? "" : row.textHtml(),
        row.createdAt(),
        row.updatedAt(),
        row.updatedAt().isAfter(row.createdAt()));
  }

  static DomainException notFound() {
    return new DomainException(
        HttpStatus.NOT_FOUND, "comment-not-found", "There is no such comment.");
  }
}
