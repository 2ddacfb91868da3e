package dev.animetracker.torrent;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Torrents made by real tools at test time: mktorrent (v1) and libtorrent (v1, v2, hybrid) through
 * {@code /usr/bin/python3}, plus libtorrent's own view of any .torrent (info hashes, files).
 */
public final class RealTorrents {

  public static final String PYTHON = "/usr/bin/python3";

  private final Path work;
  private final Path helper;

  public RealTorrents(Path work) throws IOException {
    this.work = work;
    this.helper = work.resolve("libtorrent_helper.py");
    try (InputStream script =
        RealTorrents.class.getResourceAsStream("/metainfo/libtorrent_helper.py")) {
      Files.copy(script, helper);
    }
  }

  /** A content folder with a few files under {@code name}. */
  public Path content(String name, long seed) throws IOException {
    Path root = work.resolve("content-" + seed).resolve(name);
    Random random = new Random(seed);
    write(root.resolve("Episode 01.mkv"), 70_000, random);
    write(root.resolve("Субтитры/日本語.ass"), 20_000, random);
    write(root.resolve("cover.jpg"), 30_000, random);
    return root;
  }

  /** mktorrent v1 with two trackers in two tiers. */
  public byte[] mktorrent(Path content, String... trackers) throws Exception {
    Path out = work.resolve("mk-" + System.nanoTime() + ".torrent");
    List<String> command = new ArrayList<>(List.of("mktorrent"));
    for (String tracker : trackers) {
      command.addAll(List.of("-a", tracker));
    }
    command.addAll(List.of("-l", "15", "-o", out.toString(), content.toString()));
    run(command);
    return Files.readAllBytes(out);
  }

  /** libtorrent's lt-v1/lt-v2/lt-hybrid torrents of {@code content}, in that order. */
  public List<byte[]> libtorrent(Path content) throws Exception {
    Path out = Files.createDirectories(work.resolve("lt-" + System.nanoTime()));
    run(List.of(PYTHON, helper.toString(), "create", content.toString(), out.toString(), "16384"));
    return List.of(
        Files.readAllBytes(out.resolve("lt-v1.torrent")),
        Files.readAllBytes(out.resolve("lt-v2.torrent")),
        Files.readAllBytes(out.resolve("lt-hybrid.torrent")));
  }

  /** libtorrent's view: {v1, v2, name, files: [{path, size, pad}]}. */
  public JsonNode describe(byte[] torrent) throws Exception {
    Path file = work.resolve("describe-" + System.nanoTime() + ".torrent");
    Files.write(file, torrent);
    JsonNode all =
        JsonMapper.builder()
            .build()
            .readTree(run(List.of(PYTHON, helper.toString(), "describe", file.toString())));
    return all.get(file.toString());
  }

  private String run(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().put("LC_ALL", "C.UTF-8");
    Path stderr = Files.createTempFile(work, "stderr", ".txt");
    builder.redirectError(stderr.toFile());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      fail(
          command.getFirst()
              + " is missing: apt-get install -y mktorrent python3 python3-libtorrent");
      throw e;
    }
    process.getOutputStream().close();
    byte[] stdout = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("timed out: " + command);
    }
    if (process.exitValue() != 0) {
      fail(command + " exited with " + process.exitValue() + ":\n" + Files.readString(stderr));
    }
    return new String(stdout, StandardCharsets.UTF_8);
  }

  private static void write(Path file, int size, Random random) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    Files.write(file, bytes);
  }
}
