package dev.animetracker.torrent.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.torrent.TorrentApiTestSupport;
import dev.animetracker.torrent.TorrentServiceApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The .torrent files live in PostgreSQL: a second instance with a disk of its own serves what the
 * first stored, a failed upload leaves nothing behind, and the files of an older version's storage
 * directory are imported once at start-up.
 */
class TorrentFileStorageIT extends TorrentApiTestSupport {

  private static final List<String> SHARED =
      List.of(
          "spring.datasource.url",
          "spring.datasource.username",
          "spring.datasource.password",
          "spring.kafka.bootstrap-servers",
          "animetracker.torrents.max-torrent-size",
          "animetracker.torrents.announce-urls",
          "animetracker.torrents.jwt.jwks-uri",
          "animetracker.torrents.jwt.issuer",
          "animetracker.user-service.url");

  @Autowired Environment environment;
  @Autowired JdbcClient jdbc;
  @Autowired LegacyStorageImport legacyImport;

  @TempDir Path disk;

  @Test
  void aSecondInstanceWithItsOwnDiskServesTheSameBytes() throws Exception {
    User uploader = user("shared");
    byte[] torrent = randomTorrent("shared " + System.nanoTime());
    JsonNode created = uploaded(torrent, Map.of(), uploader);
    long id = created.get("id").asLong();
    assertThat(storedFile(created.get("infoHash").asString()))
        .hasValueSatisfying(stored -> assertThat(stored).isEqualTo(torrent));

    Path otherDisk = Files.createDirectories(disk.resolve("other-host"));
    try (ConfigurableApplicationContext second = secondInstance(otherDisk)) {
      int secondPort = port(second);
      byte[] fromFirst =
          get("/api/torrents/" + id + "/download", uploader).assertStatus(200).bytes();
      byte[] fromSecond = download(secondPort, id, uploader).assertStatus(200).bytes();
      assertThat(fromSecond).isEqualTo(fromFirst);

      // And the other way round: uploaded on the second, served by the first.
      byte[] another = randomTorrent("other way " + System.nanoTime());
      long otherId = uploadTo(secondPort, another, uploader).get("id").asLong();
      byte[] backOnFirst =
          get("/api/torrents/" + otherId + "/download", uploader).assertStatus(200).bytes();
      assertThat(backOnFirst).isEqualTo(download(secondPort, otherId, uploader).bytes());
      assertThat(storedFile(jdbcHash(otherId)))
          .hasValueSatisfying(stored -> assertThat(stored).isEqualTo(another));
    }
    try (var files = Files.list(otherDisk)) {
      assertThat(files).as("nothing written to the second instance's disk").isEmpty();
    }
  }

  @Test
  void aFailedUploadLeavesNeitherRowNorFile() {
    String marker = "fail upload " + UUID.randomUUID();
    // The audit entry is the last write of the upload's transaction: failing it forces a rollback
    // after the row and its file were written.
    jdbc.sql(
            """
            create or replace function it_fail_marked_upload() returns trigger language plpgsql as $$
            begin
              if new.details ->> 'title' like 'fail upload %' then
                raise exception 'forced by the test';
              end if;
              return new;
            end $$
            """)
        .update();
    jdbc.sql(
            """
            create trigger it_fail_marked_upload before insert on torrent_audit
            for each row execute function it_fail_marked_upload()
            """)
        .update();
    byte[] torrent = randomTorrent("doomed " + System.nanoTime());
    long filesBefore = storedFileCount();
    try {
      Response failed =
          upload(torrent, Map.of("category", "anime-eng", "title", marker), user("doomed"));
      assertThat(failed.status()).as(failed.body()).isEqualTo(500);
    } finally {
      jdbc.sql("drop trigger it_fail_marked_upload on torrent_audit").update();
    }
    assertThat(
            jdbc.sql("select count(*) from torrent where title = :title")
                .param("title", marker)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(storedFileCount()).isEqualTo(filesBefore);
    // Nothing half-written is left in the way: the same torrent uploads fine now.
    JsonNode created = uploaded(torrent, Map.of(), user("retry"));
    assertThat(storedFile(created.get("infoHash").asString()))
        .hasValueSatisfying(stored -> assertThat(stored).isEqualTo(torrent));
  }

  @Test
  void theLegacyDirectoryIsImportedOnceAtStartUpReportingWhatIsMissing() throws Exception {
    User uploader = user("legacy");
    Path legacy = Files.createDirectories(disk.resolve("legacy"));
    byte[] present = randomTorrent("legacy present " + System.nanoTime());
    byte[] absent = randomTorrent("legacy absent " + System.nanoTime());
    byte[] wrong = randomTorrent("legacy wrong " + System.nanoTime());
    long presentId = asLegacy(uploaded(present, Map.of(), uploader), legacy, present);
    long absentId = asLegacy(uploaded(absent, Map.of(), uploader), legacy, null);
    // A file at the right place whose content is another torrent.
    long wrongId = asLegacy(uploaded(wrong, Map.of(), uploader), legacy, present);
    get("/api/torrents/" + presentId + "/download", uploader)
        .assertProblem(404, "torrent-file-missing");

    try (ConfigurableApplicationContext second = secondInstance(legacy)) {
      assertThat(contentOf(presentId)).isEqualTo(present);
      assertThat(storedFileOf(absentId)).isZero();
      assertThat(storedFileOf(wrongId)).isZero();
      byte[] fromSecond = download(port(second), presentId, uploader).assertStatus(200).bytes();
      assertThat(
              get("/api/torrents/" + presentId + "/download", uploader).assertStatus(200).bytes())
          .isEqualTo(fromSecond);
      download(port(second), absentId, uploader).assertProblem(404, "torrent-file-missing");

      // A rerun (the next start) imports nothing and reports the same rows.
      LegacyStorageImport.Report rerun =
          second.getBean(LegacyStorageImport.class).importFrom(legacy);
      assertThat(rerun.imported()).isZero();
      assertThat(rerun.missing()).containsExactly(absentId);
      assertThat(rerun.unusable()).containsExactly(wrongId);
      assertThat(contentOf(presentId)).isEqualTo(present);

      // Two instances importing at once: the advisory lock lets one store the file.
      jdbc.sql("delete from torrent_file where torrent_id = :id").param("id", presentId).update();
      List<Callable<LegacyStorageImport.Report>> both =
          List.of(
              () -> legacyImport.importFrom(legacy),
              () -> second.getBean(LegacyStorageImport.class).importFrom(legacy));
      List<LegacyStorageImport.Report> reports = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
        for (Future<LegacyStorageImport.Report> report : pool.invokeAll(both)) {
          reports.add(report.get());
        }
      }
      assertThat(reports.stream().mapToInt(LegacyStorageImport.Report::imported).sum())
          .isEqualTo(1);
      assertThat(contentOf(presentId)).isEqualTo(present);
    }
    // Without the directory (deleted after the import) the rows left are reported, nothing fails.
    LegacyStorageImport.Report gone = legacyImport.importFrom(disk.resolve("deleted"));
    assertThat(gone.imported()).isZero();
    assertThat(gone.missing()).containsExactlyInAnyOrder(absentId, wrongId);
    // Leave no torrents without files for the other tests of this database.
    jdbc.sql("update torrent set deleted_at = now() where id in (:ids)")
        .param("ids", List.of(absentId, wrongId))
        .update();
  }

  /**
   * Turns an uploaded torrent into one an older version stored on disk: no row in {@code
   * torrent_file}, its path in {@code storage_path}, and {@code file} (if any) at that path.
   */
  private long asLegacy(JsonNode created, Path legacy, byte[] file) throws Exception {
    long id = created.get("id").asLong();
    String hash = created.get("infoHash").asString();
    String path =
        "torrents/" + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash + ".torrent";
    jdbc.sql("delete from torrent_file where torrent_id = :id").param("id", id).update();
    jdbc.sql("update torrent set storage_path = :path where id = :id")
        .param("path", path)
        .param("id", id)
        .update();
    if (file != null) {
      Path target = legacy.resolve(path);
      Files.createDirectories(target.getParent());
      Files.write(target, file);
    }
    return id;
  }

  private byte[] contentOf(long id) {
    return jdbc.sql("select content from torrent_file where torrent_id = :id")
        .param("id", id)
        .query((rs, n) -> rs.getBytes(1))
        .single();
  }

  private long storedFileOf(long id) {
    return jdbc.sql("select count(*) from torrent_file where torrent_id = :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  private String jdbcHash(long id) {
    return jdbc.sql("select info_hash from torrent where id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  /** Another instance of the service on the same database and Kafka, with a disk of its own. */
  private ConfigurableApplicationContext secondInstance(Path legacyDir) {
    Map<String, Object> properties = new LinkedHashMap<>();
    SHARED.forEach(key -> properties.put(key, environment.getRequiredProperty(key)));
    properties.put("server.port", "0");
    properties.put("spring.datasource.hikari.maximum-pool-size", "4");
    properties.put("spring.kafka.consumer.group-id", "torrent-service-it-" + UUID.randomUUID());
    properties.put("animetracker.torrents.legacy-storage-dir", legacyDir.toString());
    // As command-line arguments: they must win over application.yml, as the test context's do.
    String[] arguments =
        properties.entrySet().stream()
            .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(TorrentServiceApplication.class)
        .profiles("test")
        .run(arguments);
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  private Response download(int otherPort, long id, User user) {
    return onPort(otherPort, () -> get("/api/torrents/" + id + "/download", user));
  }

  private JsonNode uploadTo(int otherPort, byte[] torrent, User user) {
    return onPort(otherPort, () -> uploaded(torrent, Map.of(), user));
  }

  /** Runs a request of the support class against another instance's port. */
  private <T> T onPort(int otherPort, java.util.function.Supplier<T> request) {
    int own = port;
    synchronized (this) {
      port = otherPort;
      try {
        return request.get();
      } finally {
        port = own;
      }
    }
  }
}
