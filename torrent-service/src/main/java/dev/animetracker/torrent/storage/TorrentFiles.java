package dev.animetracker.torrent.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the {@code torrent_file} table: the exact uploaded bytes of each torrent, one row per
 * torrent, with their length and SHA-256. Transactions are the callers': an upload stores its file
 * in the transaction that inserts the row, a removal deletes it in the one that marks the row.
 */
@Repository
public class TorrentFiles {

  private final JdbcClient jdbc;

  TorrentFiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a download needs of a live torrent; {@code content} is null when its file is missing. */
  public record Downloadable(
      long id, String infoHash, String title, String trackers, byte[] content) {}

  /** A live torrent without a stored file; rows from before the table have their old path. */
  public record Pending(long id, String infoHash, String storagePath) {}

  /** Stores the file of a new torrent (in the caller's transaction). */
  public void store(long torrentId, byte[] content) {
    jdbc.sql(
            """
            insert into torrent_file (torrent_id, content, size, sha256)
            values (:id, :content, :size, :sha256)
            """)
        .param("id", torrentId)
        .param("content", content)
        .param("size", content.length)
        .param("sha256", sha256(content))
        .update();
  }

  /** Stores the file of a live torrent unless it has one already; whether this call stored it. */
  public boolean storeIfAbsent(long torrentId, byte[] content) {
    return jdbc.sql(
                """
                insert into torrent_file (torrent_id, content, size, sha256)
                select :id, :content, :size, :sha256
                where exists (select 1 from torrent where id = :id and deleted_at is null)
                on conflict (torrent_id) do nothing
                """)
            .param("id", torrentId)
            .param("content", content)
            .param("size", content.length)
            .param("sha256", sha256(content))
            .update()
        == 1;
  }

  /**
   * What a download of a live torrent needs, in one select by primary keys: the few columns of the
   * row it uses and the bytes.
   */
  public Optional<Downloadable> downloadable(long torrentId) {
    return jdbc.sql(
            """
            select t.id, t.info_hash, t.title, t.trackers, f.content
            from torrent t left join torrent_file f on f.torrent_id = t.id
            where t.id = :id and t.deleted_at is null
            """)
        .param("id", torrentId)
        .query(
            (rs, n) ->
                new Downloadable(
                    rs.getLong("id"),
                    rs.getString("info_hash"),
                    rs.getString("title"),
                    rs.getString("trackers"),
                    rs.getBytes("content")))
        .optional();
  }

  /** The stored bytes of a torrent (live or removed), if it has any. */
  public Optional<byte[]> content(long torrentId) {
    return jdbc.sql("select content from torrent_file where torrent_id = :id")
        .param("id", torrentId)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  /** Removes a torrent's file (in the caller's transaction). */
  public void delete(long torrentId) {
    jdbc.sql("delete from torrent_file where torrent_id = :id").param("id", torrentId).update();
  }

  /** Live torrents without a stored file, by id. */
  public List<Pending> withoutFile() {
    return jdbc.sql(
            """
            select t.id, t.info_hash, t.storage_path from torrent t
            where t.deleted_at is null
              and not exists (select 1 from torrent_file f where f.torrent_id = t.id)
            order by t.id
            """)
        .query(
            (rs, n) ->
                new Pending(
                    rs.getLong("id"), rs.getString("info_hash"), rs.getString("storage_path")))
        .list();
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
