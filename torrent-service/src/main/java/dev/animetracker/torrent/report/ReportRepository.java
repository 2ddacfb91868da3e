package dev.animetracker.torrent.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code report}, and the reported targets as the queue shows them. */
@Repository
class ReportRepository {

  private static final String REPORT_COLUMNS =
      """
      r.id, r.target_type, r.target_id, r.torrent_id, r.reporter_id, r.reporter_username, r.reason,
      r.text, r.target_author_id, r.target_author, r.target_text, r.state, r.created_at,
      r.group_id, r.resolved_by, r.resolved_at, r.action, r.note
      """;

  private final JdbcClient jdbc;

  ReportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a new report is about: the live torrent or comment, as it is now. */
  record Target(
      String type,
      long id,
      long torrentId,
      String title,
      long authorId,
      String author,
      @Nullable String text) {}

  /** One report row. */
  record Row(
      long id,
      String targetType,
      long targetId,
      long torrentId,
      long reporterId,
      String reporterUsername,
      String reason,
      @Nullable String text,
      long targetAuthorId,
      String targetAuthor,
      @Nullable String targetText,
      String state,
      Instant createdAt,
      @Nullable Long groupId,
      @Nullable String resolvedBy,
      @Nullable Instant resolvedAt,
      @Nullable String action,
      @Nullable String note) {}

  /** A reported target in the queue: the group's first report, and the target as it is now. */
  record Group(
      long id,
      String targetType,
      long targetId,
      long torrentId,
      String title,
      String author,
      long authorId,
      @Nullable String text,
      boolean deleted,
      Instant firstReportedAt) {}

  /** A reporter's record: reports made, upheld (resolved by an action) and dismissed. */
  record History(long reporterId, long reports, long upheld, long dismissed) {}

  Optional<Target> liveTorrent(long torrentId) {
    return jdbc.sql(
            """
            select id, title, uploader_id, uploader_username from torrent
            where id = :id and deleted_at is null
            """)
        .param("id", torrentId)
        .query(
            (rs, n) ->
                new Target(
                    "torrent",
                    rs.getLong("id"),
                    rs.getLong("id"),
                    rs.getString("title"),
                    rs.getLong("uploader_id"),
                    rs.getString("uploader_username"),
                    null))
        .optional();
  }

  Optional<Target> liveComment(long commentId) {
    return jdbc.sql(
            """
            select c.id, c.torrent_id, t.title, c.author_id, c.author_username, c.text
            from comment c join torrent t on t.id = c.torrent_id and t.deleted_at is null
            where c.id = :id
            """)
        .param("id", commentId)
        .query(
            (rs, n) ->
                new Target(
                    "comment",
                    rs.getLong("id"),
                    rs.getLong("torrent_id"),
                    rs.getString("title"),
                    rs.getLong("author_id"),
                    rs.getString("author_username"),
                    rs.getString("text")))
        .optional();
  }

  /**
   * Inserts an open report; empty when the reporter already has an open report of this target (the
   * partial unique index decides, so two parallel requests make one report).
   */
  Optional<Row> insert(
      Target target,
      long reporterId,
      String reporterUsername,
      String reason,
      @Nullable String text,
      Instant now) {
    return jdbc.sql(
            """
            insert into report (target_type, target_id, torrent_id, reporter_id, reporter_username,
                                reason, text, target_author_id, target_author, target_text,
                                created_at)
            values (:type, :targetId, :torrentId, :reporterId, :reporter, :reason, :text,
                    :authorId, :author, :targetText, :now)
            on conflict (reporter_id, target_type, target_id) where state = 'open' do nothing
            returning
            """
                + REPORT_COLUMNS.replace("r.", ""))
        .param("type", target.type())
        .param("targetId", target.id())
        .param("torrentId", target.torrentId())
        .param("reporterId", reporterId)
        .param("reporter", reporterUsername)
        .param("reason", reason)
        .param("text", text)
        .param("authorId", target.authorId())
        .param("author", target.author())
        .param("targetText", target.text())
        .param("now", Timestamp.from(now))
        .query(ReportRepository::row)
        .optional();
  }

  Optional<Row> find(long id) {
    return jdbc.sql("select " + REPORT_COLUMNS + " from report r where r.id = :id")
        .param("id", id)
        .query(ReportRepository::row)
        .optional();
  }

  /** The open reports of a target, oldest first, locked until the end of the transaction. */
  List<Row> lockOpen(String targetType, long targetId) {
    return jdbc.sql(
            "select "
                + REPORT_COLUMNS
                + """
                 from report r
                 where r.state = 'open' and r.target_type = :type and r.target_id = :id
                 order by r.id for update
                """)
        .param("type", targetType)
        .param("id", targetId)
        .query(ReportRepository::row)
        .list();
  }

  /** The open reports of a target, oldest first. */
  List<Row> open(String targetType, long targetId) {
    return jdbc.sql(
            "select "
                + REPORT_COLUMNS
                + """
                 from report r
                 where r.state = 'open' and r.target_type = :type and r.target_id = :id
                 order by r.id
                """)
        .param("type", targetType)
        .param("id", targetId)
        .query(ReportRepository::row)
        .list();
  }

  /** The reports resolved together as the group {@code groupId}, oldest first. */
  List<Row> resolvedGroup(long groupId) {
    return jdbc.sql(
            "select " + REPORT_COLUMNS + " from report r where r.group_id = :group order by r.id")
        .param("group", groupId)
        .query(ReportRepository::row)
        .list();
  }

  /** Marks these open reports resolved as one group. */
  int resolve(
      Collection<Long> ids,
      long groupId,
      long moderatorId,
      String moderator,
      String action,
      @Nullable String note,
      Instant at) {
    return jdbc.sql(
            """
            update report set state = 'resolved', group_id = :group, resolved_by_id = :byId,
                   resolved_by = :by, resolved_at = :at, action = :action, note = :note
            where id in (:ids) and state = 'open'
            """)
        .param("ids", ids)
        .param("group", groupId)
        .param("byId", moderatorId)
        .param("by", moderator)
        .param("at", Timestamp.from(at))
        .param("action", action)
        .param("note", note)
        .update();
  }

  private static final String GROUP_TARGET =
      """
      t.title,
      case when g.target_type = 'torrent' then t.uploader_username else g.target_author end
        as author,
      g.target_author_id as author_id,
      case when g.target_type = 'comment' then coalesce(c.text, g.target_text) end as text,
      (t.deleted_at is not null or (g.target_type = 'comment' and c.id is null)) as deleted
      from groups g
      join torrent t on t.id = g.torrent_id
      left join comment c on g.target_type = 'comment' and c.id = g.target_id
      """;

  /** Open targets, the longest waiting first. */
  List<Group> openGroups(int page, int size) {
    return jdbc.sql(
            """
            with firsts as (
              select target_type, target_id, min(id) as id, min(created_at) as first_at
              from report where state = 'open' group by target_type, target_id
              order by min(created_at), min(id) limit :limit offset :offset),
            groups as (
              select f.id, f.target_type, f.target_id, f.first_at, r.torrent_id,
                     r.target_author_id, r.target_author, r.target_text
              from firsts f join report r on r.id = f.id)
            select g.id, g.target_type, g.target_id, g.torrent_id, g.first_at,
            """
                + GROUP_TARGET
                + " order by g.first_at, g.id")
        .param("limit", size)
        .param("offset", (long) page * size)
        .query(ReportRepository::group)
        .list();
  }

  long openGroupCount() {
    return jdbc.sql(
            "select count(*) from (select 1 from report where state = 'open'"
                + " group by target_type, target_id) g")
        .query(Long.class)
        .single();
  }

  /** Resolved groups, the latest resolution first. */
  List<Group> resolvedGroups(int page, int size) {
    return jdbc.sql(
            """
            with firsts as (
              select group_id as id, min(created_at) as first_at, max(resolved_at) as resolved_at
              from report where group_id is not null group by group_id
              order by max(resolved_at) desc, group_id desc limit :limit offset :offset),
            groups as (
              select f.id, r.target_type, r.target_id, f.first_at, f.resolved_at, r.torrent_id,
                     r.target_author_id, r.target_author, r.target_text
              from firsts f join report r on r.id = f.id)
            select g.id, g.target_type, g.target_id, g.torrent_id, g.first_at,
            """
                + GROUP_TARGET
                + " order by g.resolved_at desc, g.id desc")
        .param("limit", size)
        .param("offset", (long) page * size)
        .query(ReportRepository::group)
        .list();
  }

  long resolvedGroupCount() {
    return jdbc.sql("select count(distinct group_id) from report where group_id is not null")
        .query(Long.class)
        .single();
  }

  /** The group of one report id, as the queue shows it. */
  Optional<Group> groupOf(Row first) {
    return jdbc.sql(
            """
            with groups as (
              select cast(:id as bigint) as id, cast(:type as text) as target_type,
                     cast(:targetId as bigint) as target_id,
                     cast(:torrentId as bigint) as torrent_id,
                     cast(:authorId as bigint) as target_author_id,
                     cast(:author as text) as target_author,
                     cast(:targetText as text) as target_text)
            select g.id, g.target_type, g.target_id, g.torrent_id,
                   cast(:firstAt as timestamptz) as first_at,
            """
                + GROUP_TARGET)
        .param("id", first.id())
        .param("type", first.targetType())
        .param("targetId", first.targetId())
        .param("torrentId", first.torrentId())
        .param("authorId", first.targetAuthorId())
        .param("author", first.targetAuthor())
        .param("targetText", first.targetText())
        .param("firstAt", Timestamp.from(first.createdAt()))
        .query(ReportRepository::group)
        .optional();
  }

  List<History> histories(Collection<Long> reporterIds) {
    if (reporterIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select reporter_id, count(*) as reports,
                   count(*) filter (where state = 'resolved' and action <> 'dismiss') as upheld,
                   count(*) filter (where state = 'resolved' and action = 'dismiss') as dismissed
            from report where reporter_id in (:ids) group by reporter_id
            """)
        .param("ids", reporterIds)
        .query(
            (rs, n) ->
                new History(
                    rs.getLong("reporter_id"),
                    rs.getLong("reports"),
                    rs.getLong("upheld"),
                    rs.getLong("dismissed")))
        .list();
  }

  private static Group group(ResultSet rs, int n) throws SQLException {
    return new Group(
        rs.getLong("id"),
        rs.getString("target_type"),
        rs.getLong("target_id"),
        rs.getLong("torrent_id"),
        rs.getString("title"),
        rs.getString("author"),
        rs.getLong("author_id"),
        rs.getString("text"),
        rs.getBoolean("deleted"),
        rs.getTimestamp("first_at").toInstant());
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    Timestamp resolvedAt = rs.getTimestamp("resolved_at");
    return new Row(
        rs.getLong("id"),
        rs.getString("target_type"),
        rs.getLong("target_id"),
        rs.getLong("torrent_id"),
        rs.getLong("reporter_id"),
        rs.getString("reporter_username"),
        rs.getString("reason"),
        rs.getString("text"),
        rs.getLong("target_author_id"),
        rs.getString("target_author"),
        rs.getString("target_text"),
        rs.getString("state"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getObject("group_id", Long.class),
        rs.getString("resolved_by"),
        resolvedAt == null ? null : resolvedAt.toInstant(),
        rs.getString("action"),
        rs.getString("note"));
  }
}
