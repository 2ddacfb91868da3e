package dev.animetracker.torrent.torrent;

import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentDeleted;
import dev.animetracker.common.event.torrent.TorrentDownloaded;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.event.torrent.TorrentUpdated;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.common.torrent.MagnetUri;
import dev.animetracker.torrent.TorrentsProperties;
import dev.animetracker.torrent.catalog.Catalogue;
import dev.animetracker.torrent.catalog.Category;
import dev.animetracker.torrent.catalog.Language;
import dev.animetracker.torrent.catalog.Tag;
import dev.animetracker.torrent.catalog.TagNames;
import dev.animetracker.torrent.markdown.MarkdownRenderer;
import dev.animetracker.torrent.metainfo.Metainfo;
import dev.animetracker.torrent.metainfo.MetainfoRewriter;
import dev.animetracker.torrent.storage.TorrentStorage;
import dev.animetracker.torrent.web.Caller;
import dev.animetracker.torrent.web.Problems;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Torrents: upload (file and row kept consistent), reading, download counting, edits and removal.
 * Every change publishes its event through the outbox in the same transaction.
 */
@Service
public class TorrentService {

  public static final int MAX_TITLE = 200;
  public static final int MAX_DESCRIPTION = 50_000;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Outbox outbox;
  private final Catalogue catalogue;
  private final TorrentStorage storage;
  private final MarkdownRenderer markdown;
  private final JsonMapper json;
  private final TorrentsProperties properties;

  TorrentService(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      Outbox outbox,
      Catalogue catalogue,
      TorrentStorage storage,
      MarkdownRenderer markdown,
      JsonMapper json,
      TorrentsProperties properties) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactionManager);
    this.outbox = outbox;
    this.catalogue = catalogue;
    this.storage = storage;
    this.markdown = markdown;
    this.json = json;
    this.properties = properties;
  }

  /** A validated upload. */
  public record Upload(
      byte[] bytes,
      Metainfo metainfo,
      String title,
      String description,
      Category category,
      List<TagNames.Wanted> tags) {}

  // ---------------------------------------------------------------- upload

  /**
   * Stores the file and inserts the row: temp file written and fsynced first; row, tags, audit and
   * event inserted in one transaction, the file renamed into place before the commit and removed
   * again if the commit fails. The unique indexes decide races: the loser gets 409 and its temp
   * file is deleted.
   */
  public long upload(Caller caller, Upload upload) {
    Metainfo meta = upload.metainfo();
    rejectDuplicate(meta);
    String path = TorrentStorage.relativePath(meta.trackerKey());
    Path temp = storage.writeTemp(path, upload.bytes());
    try {
      return tx.execute(status -> insert(caller, upload, path, temp));
    } catch (DuplicateKeyException e) {
      rejectDuplicate(meta);
      throw e;
    } finally {
      TorrentStorage.deleteQuietly(temp);
    }
  }

  private long insert(Caller caller, Upload upload, String path, Path temp) {
    Metainfo meta = upload.metainfo();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<Map<String, Object>> files = new ArrayList<>();
    meta.files()
        .forEach(
            file -> {
              Map<String, Object> entry = new LinkedHashMap<>();
              entry.put("path", file.fullPath());
              entry.put("size", file.size());
              files.add(entry);
            });
    List<List<String>> trackers = new ArrayList<>(meta.announceList());
    if (trackers.isEmpty() && meta.announce() != null) {
      trackers.add(List.of(meta.announce()));
    }
    long id =
        jdbc.sql(
                """
                insert into torrent (info_hash, info_hash_v1, info_hash_v2, kind, title,
                    description, category_id, uploader_id, uploader_username, size, file_count,
                    files, piece_length, private, created_by, storage_path, trackers,
                    created_at, updated_at)
                values (:infoHash, :v1, :v2, :kind, :title, :description, :categoryId,
                    :uploaderId, :uploaderUsername, :size, :fileCount, :files, :pieceLength,
                    :private, :createdBy, :path, :trackers, :now, :now)
                returning id
                """)
            .param("infoHash", meta.trackerKey())
            .param("v1", meta.v1InfoHash())
            .param("v2", meta.v2InfoHash())
            .param("kind", meta.kind().name())
            .param("title", upload.title())
            .param("description", upload.description())
            .param("categoryId", upload.category().id())
            .param("uploaderId", caller.id())
            .param("uploaderUsername", caller.username())
            .param("size", meta.totalSize())
            .param("fileCount", meta.fileCount())
            .param("files", json.writeValueAsString(files))
            .param("pieceLength", meta.pieceLength())
            .param("private", meta.privateTorrent())
            .param("createdBy", meta.createdBy())
            .param("path", path)
            .param("trackers", json.writeValueAsString(trackers))
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .single();
    setTags(id, catalogue.ensureTags(upload.tags()));
    TorrentRow row = row(id, false).orElseThrow();
    outbox.publish(row.infoHash(), new TorrentCreated(snapshot(row)));
    audit(id, caller, "create", Map.of("title", row.title(), "infoHash", row.infoHash()));
    Object fileKey = storage.moveIntoPlace(temp, path);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED) {
              storage.deleteIfSame(path, fileKey);
            }
          }
        });
    return id;
  }

  private void rejectDuplicate(Metainfo meta) {
    jdbc.sql(
            """
            select id, deleted_at is not null as deleted from torrent
            where info_hash = :key or info_hash_v1 = :v1 or info_hash_v2 = :v2
            order by id limit 1
            """)
        .param("key", meta.trackerKey())
        .param("v1", meta.v1InfoHash())
        .param("v2", meta.v2InfoHash())
        .query(
            (rs, n) -> {
              throw rs.getBoolean("deleted")
                  ? TorrentExceptions.removed()
                  : TorrentExceptions.duplicate(rs.getLong("id"));
            })
        .optional();
  }

  // ---------------------------------------------------------------- reading

  Optional<TorrentRow> row(long id, boolean forUpdate) {
    return jdbc.sql(
            "select "
                + TorrentRow.COLUMNS
                + TorrentRow.FROM
                + " where t.id = :id and t.deleted_at is null"
                + (forUpdate ? " for update of t" : ""))
        .param("id", id)
        .query(TorrentRow.MAPPER)
        .optional();
  }

  public TorrentView get(long id, Language language) {
    TorrentRow row = row(id, false).orElseThrow(TorrentExceptions::notFound);
    return view(row, tags(List.of(id)).getOrDefault(id, List.of()), language, true);
  }

  /** A page of the listing. */
  public record Page(List<TorrentView> items, int page, int size, long total) {}

  public Page list(int page, int size, String uploader, Long categoryId, Language language) {
    String where =
        " where t.deleted_at is null"
            + " and (cast(:uploader as text) is null"
            + " or lower(t.uploader_username) = lower(cast(:uploader as text)))"
            + " and (cast(:category as bigint) is null or t.category_id = :category)";
    long total =
        jdbc.sql("select count(*)" + TorrentRow.FROM + where)
            .param("uploader", uploader)
            .param("category", categoryId)
            .query(Long.class)
            .single();
    List<TorrentRow> rows =
        jdbc.sql(
                "select "
                    + TorrentRow.COLUMNS
                    + TorrentRow.FROM
                    + where
                    + " order by t.created_at desc, t.id desc limit :limit offset :offset")
            .param("uploader", uploader)
            .param("category", categoryId)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(TorrentRow.MAPPER)
            .list();
    Map<Long, List<Tag>> tags = tags(rows.stream().map(TorrentRow::id).toList());
    List<TorrentView> items =
        rows.stream()
            .map(row -> view(row, tags.getOrDefault(row.id(), List.of()), language, false))
            .toList();
    return new Page(items, page, size, total);
  }

  /** The info hashes of every live torrent (the tracker's whitelist). */
  public record WhitelistEntry(String infoHash, String infoHashV2) {}

  public List<WhitelistEntry> whitelist() {
    return jdbc.sql(
            "select info_hash, info_hash_v2 from torrent where deleted_at is null order by id")
        .query((rs, n) -> new WhitelistEntry(rs.getString(1), rs.getString(2)))
        .list();
  }

  // ---------------------------------------------------------------- download

  /** A .torrent to send. */
  public record Download(byte[] bytes, String title) {}

  /**
   * The stored file with our trackers first; counts the download and publishes {@code
   * torrent.downloaded} in one transaction.
   */
  public Download download(Caller caller, long id) {
    TorrentRow row = row(id, false).orElseThrow(TorrentExceptions::notFound);
    byte[] stored = storage.read(row.storagePath()).orElseThrow(TorrentExceptions::fileMissing);
    List<List<String>> original =
        json.readValue(row.trackers(), new TypeReference<List<List<String>>>() {});
    byte[] rewritten =
        MetainfoRewriter.withTrackers(
            stored, TorrentLinks.downloadTiers(properties.trackers(), original));
    tx.executeWithoutResult(
        status -> {
          Instant now = Instant.now();
          long downloads =
              jdbc.sql(
                      """
                      update torrent set downloads = downloads + 1
                      where id = :id and deleted_at is null
                      returning downloads
                      """)
                  .param("id", id)
                  .query(Long.class)
                  .optional()
                  .orElseThrow(TorrentExceptions::notFound);
          outbox.publish(
              row.infoHash(),
              new TorrentDownloaded(id, row.infoHash(), caller.id(), now, downloads));
        });
    return new Download(rewritten, row.title());
  }

  // ---------------------------------------------------------------- changes

  /** Requested changes; null = unchanged. */
  public record Changes(
      String title, String description, Category category, List<TagNames.Wanted> tags) {}

  public TorrentView update(Caller caller, long id, Changes changes, Language language) {
    tx.executeWithoutResult(
        status -> {
          TorrentRow row = row(id, true).orElseThrow(TorrentExceptions::notFound);
          requireOwnerOrModerator(caller, row);
          Map<String, Object> details = new LinkedHashMap<>();
          String title = row.title();
          if (changes.title() != null && !changes.title().equals(row.title())) {
            details.put("title", Map.of("from", row.title(), "to", changes.title()));
            title = changes.title();
          }
          String description = row.description();
          if (changes.description() != null) {
            String wanted = changes.description().isBlank() ? null : changes.description();
            if (!java.util.Objects.equals(wanted, row.description())) {
              details.put("description", "changed");
              description = wanted;
            }
          }
          long categoryId = row.categoryId();
          if (changes.category() != null && changes.category().id() != row.categoryId()) {
            details.put(
                "category", Map.of("from", row.categorySlug(), "to", changes.category().slug()));
            categoryId = changes.category().id();
          }
          if (changes.tags() != null) {
            List<String> before =
                tags(List.of(id)).getOrDefault(id, List.of()).stream().map(Tag::slug).toList();
            List<String> after = changes.tags().stream().map(TagNames.Wanted::slug).toList();
            if (!before.equals(after)) {
              details.put("tags", Map.of("from", before, "to", after));
              jdbc.sql("delete from torrent_tag where torrent_id = :id").param("id", id).update();
              setTags(id, catalogue.ensureTags(changes.tags()));
            }
          }
          if (details.isEmpty()) {
            return;
          }
          jdbc.sql(
                  """
                  update torrent set title = :title, description = :description,
                      category_id = :categoryId, version = version + 1, updated_at = :now
                  where id = :id
                  """)
              .param("id", id)
              .param("title", title)
              .param("description", description)
              .param("categoryId", categoryId)
              .param("now", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
              .update();
          TorrentRow updated = row(id, false).orElseThrow();
          outbox.publish(updated.infoHash(), new TorrentUpdated(snapshot(updated), caller.id()));
          audit(id, caller, "update", details);
        });
    return get(id, language);
  }

  public void delete(Caller caller, long id) {
    String path =
        tx.execute(
            status -> {
              TorrentRow row = row(id, true).orElseThrow(TorrentExceptions::notFound);
              requireOwnerOrModerator(caller, row);
              Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
              long version =
                  jdbc.sql(
                          """
                          update torrent set deleted_at = :now, deleted_by = :by,
                              version = version + 1, updated_at = :now
                          where id = :id
                          returning version
                          """)
                      .param("id", id)
                      .param("now", Timestamp.from(now))
                      .param("by", caller.id())
                      .query(Long.class)
                      .single();
              outbox.publish(
                  row.infoHash(),
                  new TorrentDeleted(
                      id,
                      row.infoHash(),
                      row.infoHashV2(),
                      row.uploaderId(),
                      caller.id(),
                      now,
                      version));
              audit(
                  id,
                  caller,
                  "delete",
                  Map.of(
                      "title",
                      row.title(),
                      "byModerator",
                      caller.moderator() && caller.id() != row.uploaderId()));
              return row.storagePath();
            });
    // Only after the commit: a rolled-back removal keeps its file.
    storage.delete(path);
  }

  private static void requireOwnerOrModerator(Caller caller, TorrentRow row) {
    if (!caller.mayModify(row.uploaderId())) {
      throw Problems.forbidden("Only the uploader or a moderator may change this torrent.");
    }
  }

  // ---------------------------------------------------------------- helpers

  private void setTags(long torrentId, List<Tag> tags) {
    for (int i = 0; i < tags.size(); i++) {
      jdbc.sql(
              """
              insert into torrent_tag (torrent_id, tag_id, position) values (:torrent, :tag, :pos)
              on conflict do nothing
              """)
          .param("torrent", torrentId)
          .param("tag", tags.get(i).id())
          .param("pos", i)
          .update();
    }
  }

  Map<Long, List<Tag>> tags(Collection<Long> torrentIds) {
    Map<Long, List<Tag>> result = new LinkedHashMap<>();
    if (torrentIds.isEmpty()) {
      return result;
    }
    jdbc.sql(
            """
            select tt.torrent_id, g.id, g.slug, g.name from torrent_tag tt
            join tag g on g.id = tt.tag_id
            where tt.torrent_id in (:ids)
            order by tt.torrent_id, tt.position
            """)
        .param("ids", torrentIds)
        .query(
            (rs, n) -> {
              result
                  .computeIfAbsent(rs.getLong(1), key -> new ArrayList<>())
                  .add(new Tag(rs.getLong(2), rs.getString(3), rs.getString(4)));
              return null;
            })
        .list();
    return result;
  }

  private TorrentSnapshot snapshot(TorrentRow row) {
    Category category =
        new Category(
            row.categoryId(), row.categorySlug(), row.categoryNameRu(), row.categoryNameEn(), null);
    return new TorrentSnapshot(
        row.id(),
        row.infoHash(),
        row.infoHashV2(),
        row.title(),
        row.description(),
        category.ref(),
        tags(List.of(row.id())).getOrDefault(row.id(), List.of()).stream().map(Tag::ref).toList(),
        row.size(),
        row.fileCount(),
        row.uploaderId(),
        row.uploaderUsername(),
        row.createdAt(),
        row.updatedAt(),
        row.version());
  }

  private TorrentView view(TorrentRow row, List<Tag> tags, Language language, boolean files) {
    List<TorrentView.FileView> fileViews =
        files
            ? json.readValue(row.files(), new TypeReference<List<TorrentView.FileView>>() {})
            : null;
    return new TorrentView(
        row.id(),
        row.title(),
        row.description(),
        markdown.render(row.description()),
        new TorrentView.CategoryView(
            row.categorySlug(),
            language.pick(row.categoryNameRu(), row.categoryNameEn()),
            row.categoryNameRu(),
            row.categoryNameEn()),
        tags.stream().map(tag -> new TorrentView.TagView(tag.slug(), tag.name())).toList(),
        new TorrentView.UploaderView(row.uploaderId(), row.uploaderUsername()),
        row.infoHash(),
        row.infoHashV2(),
        row.size(),
        row.fileCount(),
        fileViews,
        row.createdAt(),
        row.updatedAt(),
        row.seeders(),
        row.leechers(),
        row.completed(),
        row.downloads(),
        row.commentCount(),
        MagnetUri.of(row.infoHashV1(), row.infoHashV2(), row.title(), properties.trackers()),
        row.kind().toLowerCase(java.util.Locale.ROOT),
        row.privateTorrent(),
        row.createdBy(),
        row.version());
  }

  private void audit(long torrentId, Caller caller, String action, Map<String, Object> details) {
    jdbc.sql(
            """
            insert into torrent_audit (torrent_id, actor_id, actor_username, action, details)
            values (:torrent, :actor, :username, :action, cast(:details as jsonb))
            """)
        .param("torrent", torrentId)
        .param("actor", caller.id())
        .param("username", caller.username())
        .param("action", action)
        .param("details", json.writeValueAsString(details))
        .update();
  }
}
