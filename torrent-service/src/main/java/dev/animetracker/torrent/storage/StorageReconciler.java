package dev.animetracker.torrent.storage;

import dev.animetracker.torrent.TorrentsProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares the storage with the database: logs (and exposes as gauges {@code
 * torrent.storage.orphan.files} and {@code torrent.storage.missing.files}) files without a live row
 * and live rows without a file, and deletes temp files older than {@code orphan-temp-age} (counted
 * in {@code torrent.storage.temp.deleted}). Orphan files themselves are only reported, never
 * deleted: a human decides.
 */
@Component
public class StorageReconciler {

  private static final Logger log = LoggerFactory.getLogger(StorageReconciler.class);

  private final JdbcClient jdbc;
  private final TorrentStorage storage;
  private final TorrentsProperties properties;
  private final Clock clock;
  private final AtomicLong orphanFiles = new AtomicLong();
  private final AtomicLong missingFiles = new AtomicLong();
  private final Counter tempDeleted;

  StorageReconciler(
      JdbcClient jdbc,
      TorrentStorage storage,
      TorrentsProperties properties,
      MeterRegistry registry) {
    this.jdbc = jdbc;
    this.storage = storage;
    this.properties = properties;
    this.clock = Clock.systemUTC();
    Gauge.builder("torrent.storage.orphan.files", orphanFiles, AtomicLong::get)
        .description("Stored .torrent files without a live torrent row")
        .register(registry);
    Gauge.builder("torrent.storage.missing.files", missingFiles, AtomicLong::get)
        .description("Live torrent rows whose .torrent file is missing")
        .register(registry);
    this.tempDeleted =
        Counter.builder("torrent.storage.temp.deleted")
            .description("Abandoned temp files deleted by the reconciler")
            .register(registry);
  }

  /** What one run found. */
  public record Report(List<String> orphanFiles, List<String> missingFiles, int tempFilesDeleted) {}

  @Scheduled(
      initialDelayString = "${animetracker.torrents.reconcile-initial-delay:1m}",
      fixedDelayString = "${animetracker.torrents.reconcile-interval:10m}")
  void scheduled() {
    try {
      reconcile();
    } catch (RuntimeException e) {
      log.warn("Storage reconciliation failed", e);
    }
  }

  public Report reconcile() {
    Path torrents = storage.root().resolve(TorrentStorage.TORRENTS_DIR);
    Set<String> rowsWithFiles = new HashSet<>();
    List<String> live =
        jdbc.sql("select storage_path from torrent where deleted_at is null")
            .query(String.class)
            .list();
    Instant tempCutoff = clock.instant().minus(properties.orphanTempAge());
    List<String> orphans = new java.util.ArrayList<>();
    int deletedTemps = 0;
    if (Files.isDirectory(torrents)) {
      Set<String> liveSet = new HashSet<>(live);
      try (Stream<Path> files = Files.walk(torrents)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          String relative = storage.root().relativize(file).toString().replace('\\', '/');
          if (file.getFileName().toString().endsWith(TorrentStorage.TEMP_SUFFIX)) {
            if (Files.getLastModifiedTime(file).toInstant().isBefore(tempCutoff)) {
              TorrentStorage.deleteQuietly(file);
              deletedTemps++;
              tempDeleted.increment();
              log.info("Deleted abandoned temp file {}", relative);
            }
          } else if (liveSet.contains(relative)) {
            rowsWithFiles.add(relative);
          } else {
            orphans.add(relative);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<String> missing = live.stream().filter(path -> !rowsWithFiles.contains(path)).toList();
    orphanFiles.set(orphans.size());
    missingFiles.set(missing.size());
    if (!orphans.isEmpty()) {
      log.warn(
          "{} stored .torrent file(s) without a live torrent: {}", orphans.size(), head(orphans));
    }
    if (!missing.isEmpty()) {
      log.error("{} torrent(s) whose .torrent file is missing: {}", missing.size(), head(missing));
    }
    return new Report(List.copyOf(orphans), missing, deletedTemps);
  }

  private static List<String> head(List<String> paths) {
    return paths.size() > 20 ? paths.subList(0, 20) : paths;
  }
}
