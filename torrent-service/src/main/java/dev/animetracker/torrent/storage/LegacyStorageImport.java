package dev.animetracker.torrent.storage;

import dev.animetracker.torrent.TorrentsProperties;
import dev.animetracker.torrent.metainfo.MetainfoException;
import dev.animetracker.torrent.metainfo.MetainfoParser;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The one-off import of the .torrent files an older version kept on disk ({@code
 * <legacy-storage-dir>/torrents/ab/cd/<infohash>.torrent}, the path in {@code
 * torrent.storage_path}) into {@code torrent_file}. Runs at start-up, before the instance reports
 * ready, whenever a live torrent has no stored file; once every row has its file it only runs that
 * one query, and the old directory can be deleted.
 *
 * <p>Several instances may start together: a session advisory lock lets one import while the others
 * wait, and they then find nothing left. Each file commits on its own ({@code on conflict do
 * nothing}), so an interrupted import resumes where it stopped. A file that is missing, unreadable
 * or not the torrent of its row is reported (log, gauge {@code torrent.storage.missing.files}) and
 * skipped: the torrent answers {@code torrent-file-missing} until someone restores the file.
 */
@Component
public class LegacyStorageImport implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(LegacyStorageImport.class);
  private static final String LOCK = "torrent-service:legacy-storage-import";
  private static final String TORRENTS_DIR = "torrents";

  private final TorrentFiles files;
  private final DataSource dataSource;
  private final MetainfoParser parser;
  private final TorrentsProperties properties;
  private final AtomicLong missing = new AtomicLong();

  LegacyStorageImport(
      TorrentFiles files,
      DataSource dataSource,
      MetainfoParser parser,
      TorrentsProperties properties,
      MeterRegistry registry) {
    this.files = files;
    this.dataSource = dataSource;
    this.parser = parser;
    this.properties = properties;
    Gauge.builder("torrent.storage.missing.files", missing, AtomicLong::get)
        .description("Live torrents without a stored .torrent file, as of the last start-up import")
        .register(registry);
  }

  /**
   * What one run did: files imported, and the ids of live torrents still without a file because
   * theirs was missing, unreadable or another torrent.
   */
  public record Report(int imported, List<Long> missing, List<Long> unusable) {}

  @Override
  public void run(ApplicationArguments args) {
    importFrom(properties.legacyStorageDir());
  }

  /** Imports what is missing from {@code root} (null: no old directory, only counts). */
  public Report importFrom(Path root) {
    if (files.withoutFile().isEmpty()) {
      missing.set(0);
      return new Report(0, List.of(), List.of());
    }
    try (Connection lock = dataSource.getConnection()) {
      advisoryLock(lock, "select pg_advisory_lock(hashtextextended(?, 0))");
      try {
        return importLocked(root);
      } finally {
        advisoryLock(lock, "select pg_advisory_unlock(hashtextextended(?, 0))");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the legacy import lock", e);
    }
  }

  private Report importLocked(Path root) {
    // Read again under the lock: another instance may have imported meanwhile.
    List<TorrentFiles.Pending> pending = files.withoutFile();
    Path torrents = root == null ? null : root.toAbsolutePath().normalize().resolve(TORRENTS_DIR);
    boolean haveDirectory = torrents != null && Files.isDirectory(torrents);
    int imported = 0;
    List<Long> absent = new ArrayList<>();
    List<Long> unusable = new ArrayList<>();
    for (TorrentFiles.Pending row : pending) {
      Path file = haveDirectory ? resolve(torrents, row.storagePath()) : null;
      if (file == null) {
        absent.add(row.id());
        continue;
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        absent.add(row.id());
        continue;
      } catch (IOException e) {
        log.warn("Cannot read legacy .torrent file {} of torrent {}", file, row.id(), e);
        unusable.add(row.id());
        continue;
      }
      if (!isTorrentOf(bytes, row)) {
        log.warn("Legacy file {} is not the .torrent of torrent {}", file, row.id());
        unusable.add(row.id());
        continue;
      }
      if (files.storeIfAbsent(row.id(), bytes)) {
        imported++;
      }
    }
    missing.set(absent.size() + unusable.size());
    if (imported > 0 || !pending.isEmpty()) {
      log.info(
          "Legacy storage import from {}: {} file(s) imported, {} missing, {} unusable",
          haveDirectory ? torrents.getParent() : root + " (absent)",
          imported,
          absent.size(),
          unusable.size());
    }
    if (!absent.isEmpty() || !unusable.isEmpty()) {
      log.error(
          "{} live torrent(s) have no .torrent file and answer torrent-file-missing: missing {},"
              + " unusable {}",
          absent.size() + unusable.size(),
          head(absent),
          head(unusable));
    }
    return new Report(imported, List.copyOf(absent), List.copyOf(unusable));
  }

  /** The file of a stored path, or null when the path is not one inside the old directory. */
  private static Path resolve(Path torrents, String storagePath) {
    if (storagePath == null) {
      return null;
    }
    Path file = torrents.getParent().resolve(storagePath).normalize();
    return file.startsWith(torrents) ? file : null;
  }

  private boolean isTorrentOf(byte[] bytes, TorrentFiles.Pending row) {
    try {
      return parser.parse(bytes).trackerKey().equals(row.infoHash());
    } catch (MetainfoException e) {
      return false;
    }
  }

  private static void advisoryLock(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, LOCK);
      statement.execute();
    }
  }

  private static List<Long> head(List<Long> ids) {
    return ids.size() > 20 ? ids.subList(0, 20) : ids;
  }
}
