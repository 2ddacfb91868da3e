package dev.animetracker.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses torrents made at test time by real tools — mktorrent, transmission-create and libtorrent
 * (v1, v2, hybrid) — and compares with libtorrent's own view: info hashes, names, file lists and
 * sizes with pad files excluded. A missing tool fails the test with the apt package to install.
 */
class MetainfoRealToolsTests {

  private static final String PYTHON = "/usr/bin/python3";
  private static final String ROOT_NAME = "Аниме テスト [1080p]";
  private static final String SINGLE_NAME = "Сериал 第01話.mkv";

  @TempDir static Path work;

  private static Path content;
  private static Path single;
  private static Path out;
  private static JsonNode libtorrentView;

  private final MetainfoParser parser = new MetainfoParser();

  @BeforeAll
  static void makeTorrents() throws Exception {
    requireTool("mktorrent", "mktorrent");
    requireTool("transmission-create", "transmission-cli");
    if (!Files.isExecutable(Path.of(PYTHON))) {
      fail(PYTHON + " is missing: apt-get install -y python3 python3-libtorrent");
    }
    String probe =
        run(List.of(PYTHON, "-c", "import libtorrent; print(libtorrent.__version__)"), true);
    if (probe == null) {
      fail("libtorrent for " + PYTHON + " is missing: apt-get install -y python3-libtorrent");
    }

    content = work.resolve(ROOT_NAME);
    Random random = new Random(42);
    writeRandom(content.resolve("Episode 01.mkv"), 100_000, random);
    writeRandom(content.resolve("Субтитры/日本語 字幕.ass"), 40_000, random);
    writeRandom(content.resolve("Субтитры/extra/deep/notes.txt"), 1_234, random);
    writeRandom(content.resolve("cover.jpg"), 70_000, random);
    single = work.resolve(SINGLE_NAME);
    writeRandom(single, 50_000, random);
    out = Files.createDirectories(work.resolve("out"));

    String announce = SyntheticTorrents.ANNOUNCE;
    run(
        List.of(
            "mktorrent",
            "-a",
            announce,
            "-a",
            "udp://backup.example:6969/announce",
            "-c",
            "Привет from mktorrent",
            "-l",
            "15",
            "-p",
            "-w",
            "http://seed.example/files/",
            "-o",
            out.resolve("mktorrent.torrent").toString(),
            content.toString()),
        false);
    run(
        List.of(
            "mktorrent",
            "-a",
            announce,
            "-l",
            "16",
            "-o",
            out.resolve("mktorrent-single.torrent").toString(),
            single.toString()),
        false);
    run(
        List.of(
            "transmission-create",
            "-t",
            announce,
            "-s",
            "32",
            "-c",
            "transmission",
            "-o",
            out.resolve("transmission.torrent").toString(),
            content.toString()),
        false);
    run(
        List.of(
            "transmission-create",
            "-t",
            announce,
            "-p",
            "-o",
            out.resolve("transmission-single.torrent").toString(),
            single.toString()),
        false);
    Path helper = work.resolve("libtorrent_helper.py");
    try (InputStream script =
        MetainfoRealToolsTests.class.getResourceAsStream("/metainfo/libtorrent_helper.py")) {
      Files.copy(script, helper);
    }
    run(
        List.of(PYTHON, helper.toString(), "create", content.toString(), out.toString(), "16384"),
        false);

    List<String> describe = new ArrayList<>(List.of(PYTHON, helper.toString(), "describe"));
    try (var files = Files.list(out)) {
      files.map(Path::toString).sorted().forEach(describe::add);
    }
    libtorrentView = JsonMapper.builder().build().readTree(run(describe, false));
  }

  @Test
  void mktorrentV1MultiFile() throws IOException {
    Metainfo metainfo = check("mktorrent.torrent", TorrentKind.V1);
    assertThat(metainfo.privateTorrent()).isTrue();
    assertThat(metainfo.comment()).isEqualTo("Привет from mktorrent");
    assertThat(metainfo.pieceLength()).isEqualTo(32_768);
    assertThat(metainfo.announce()).isEqualTo(SyntheticTorrents.ANNOUNCE);
    assertThat(metainfo.announceList())
        .containsExactly(
            List.of(SyntheticTorrents.ANNOUNCE), List.of("udp://backup.example:6969/announce"));
    assertThat(metainfo.urlList()).containsExactly("http://seed.example/files/");
    assertThat(metainfo.createdBy()).startsWith("mktorrent");
    assertThat(metainfo.creationDate()).isNotNull();
    assertThat(metainfo.files())
        .extracting(TorrentFile::fullPath)
        .containsExactlyInAnyOrder(
            "Episode 01.mkv", "Субтитры/日本語 字幕.ass", "Субтитры/extra/deep/notes.txt", "cover.jpg");
    assertThat(metainfo.totalSize()).isEqualTo(100_000 + 40_000 + 1_234 + 70_000);
  }

  @Test
  void mktorrentV1SingleFile() throws IOException {
    Metainfo metainfo = check("mktorrent-single.torrent", TorrentKind.V1);
    assertThat(metainfo.files()).containsExactly(new TorrentFile(List.of(SINGLE_NAME), 50_000));
    assertThat(metainfo.privateTorrent()).isFalse();
  }

  @Test
  void transmissionV1() throws IOException {
    Metainfo metainfo = check("transmission.torrent", TorrentKind.V1);
    assertThat(metainfo.comment()).isEqualTo("transmission");
    assertThat(metainfo.createdBy()).containsIgnoringCase("transmission");
    assertThat(metainfo.fileCount()).isEqualTo(4);
    Metainfo singleFile = check("transmission-single.torrent", TorrentKind.V1);
    assertThat(singleFile.privateTorrent()).isTrue();
    assertThat(singleFile.totalSize()).isEqualTo(50_000);
  }

  @Test
  void libtorrentV1() throws IOException {
    Metainfo metainfo = check("lt-v1.torrent", TorrentKind.V1);
    assertThat(metainfo.v2InfoHash()).isNull();
    assertThat(metainfo.trackerKey()).isEqualTo(metainfo.v1InfoHash());
    assertThat(metainfo.announceList()).hasSize(2);
  }

  @Test
  void libtorrentV2() throws IOException {
    Metainfo metainfo = check("lt-v2.torrent", TorrentKind.V2);
    assertThat(metainfo.v1InfoHash()).isNull();
    assertThat(metainfo.v2InfoHash()).hasSize(64);
    assertThat(metainfo.trackerKey()).isEqualTo(metainfo.v2InfoHash().substring(0, 40));
    assertThat(metainfo.comment()).startsWith("made by libtorrent");
  }

  @Test
  void libtorrentHybridWithPadFiles() throws IOException {
    JsonNode view = view("lt-hybrid.torrent");
    long padFiles = 0;
    for (JsonNode file : view.get("files")) {
      padFiles += file.get("pad").asBoolean() ? 1 : 0;
    }
    assertThat(padFiles).as("libtorrent hybrid torrents contain BEP 47 pad files").isPositive();
    Metainfo metainfo = check("lt-hybrid.torrent", TorrentKind.HYBRID);
    assertThat(metainfo.trackerKey()).isEqualTo(metainfo.v1InfoHash());
    assertThat(metainfo.files()).noneMatch(f -> f.fullPath().contains(".pad"));
    assertThat(metainfo.totalSize()).isEqualTo(100_000 + 40_000 + 1_234 + 70_000);
  }

  @Test
  void aMissingToolFailsNamingTheAptPackage() {
    assertThatThrownBy(() -> requireTool("no-such-torrent-tool", "some-package"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("no-such-torrent-tool is not installed: apt-get install -y some-package");
  }

  /** Parses out/{fileName} and compares it with libtorrent's view of the same file. */
  private Metainfo check(String fileName, TorrentKind kind) throws IOException {
    Metainfo metainfo = parser.parse(Files.readAllBytes(out.resolve(fileName)));
    JsonNode view = view(fileName);
    assertThat(metainfo.kind()).isEqualTo(kind);
    assertThat(metainfo.v1InfoHash()).isEqualTo(text(view.get("v1")));
    assertThat(metainfo.v2InfoHash()).isEqualTo(text(view.get("v2")));
    assertThat(metainfo.name()).isEqualTo(view.get("name").asString());
    assertThat(metainfo.pieceLength()).isEqualTo(view.get("pieceLength").asLong());
    assertThat(metainfo.privateTorrent()).isEqualTo(view.get("private").asBoolean());

    boolean singleFile =
        metainfo.fileCount() == 1 && metainfo.files().getFirst().fullPath().equals(metainfo.name());
    List<String> expected = new ArrayList<>();
    long expectedSize = 0;
    for (JsonNode file : view.get("files")) {
      if (file.get("pad").asBoolean()) {
        continue;
      }
      String path = file.get("path").asString();
      expected.add(path + " " + file.get("size").asLong());
      expectedSize += file.get("size").asLong();
    }
    List<String> actual =
        metainfo.files().stream()
            .map(f -> (singleFile ? "" : metainfo.name() + "/") + f.fullPath() + " " + f.size())
            .toList();
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(metainfo.totalSize()).isEqualTo(expectedSize);
    return metainfo;
  }

  private static JsonNode view(String fileName) {
    JsonNode view = libtorrentView.get(out.resolve(fileName).toString());
    assertThat(view).as("libtorrent's view of " + fileName).isNotNull();
    return view;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asString();
  }

  private static void writeRandom(Path path, int size, Random random) throws IOException {
    Files.createDirectories(path.getParent());
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    Files.write(path, bytes);
  }

  static void requireTool(String command, String aptPackage) {
    String pathVariable = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String directory : pathVariable.split(":")) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
        return;
      }
    }
    fail(command + " is not installed: apt-get install -y " + aptPackage);
  }

  /**
   * Runs a command to completion (60 s at most) and returns its standard output; on failure returns
   * null when {@code probe}, else fails the test with the command's output.
   */
  private static String run(List<String> command, boolean probe) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().put("LC_ALL", "C.UTF-8");
    Path stderr = Files.createTempFile(work, "stderr", ".txt");
    builder.redirectError(stderr.toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] stdout = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("timed out: " + command);
    }
    if (process.exitValue() != 0) {
      if (probe) {
        return null;
      }
      fail(
          command
              + " exited with "
              + process.exitValue()
              + ":\n"
              + Files.readString(stderr)
              + new String(stdout, StandardCharsets.UTF_8));
    }
    return new String(stdout, StandardCharsets.UTF_8);
  }
}
