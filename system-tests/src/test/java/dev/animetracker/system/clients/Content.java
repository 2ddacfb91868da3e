package dev.animetracker.system.clients;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Random torrent content, its v1 .torrent made by Debian's mktorrent, and file digests. */
public final class Content {

  private static final int MIB = 1024 * 1024;

  private Content() {}

  /**
   * A folder {@code name} in {@code parent} with two odd-sized episodes (so last pieces are short
   * and a piece spans two files), a Cyrillic name and a nested text file.
   */
  public static Path folder(Path parent, String name, Random random) {
    try {
      Path root = Files.createDirectories(parent.resolve(name));
      writeRandom(root.resolve("Серия 01.mkv"), 3 * MIB + 12_345, random);
      writeRandom(root.resolve("Серия 02.mkv"), MIB + 1, random);
      Path extras = Files.createDirectories(root.resolve("extras"));
      Files.writeString(extras.resolve("readme.txt"), "notes " + random.nextLong() + "\n");
      return root;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A single file {@code name}.mkv of a few MiB in {@code parent}. */
  public static Path file(Path parent, String name, Random random) {
    Path file = parent.resolve(name + ".mkv");
    writeRandom(file, 4 * MIB + 777, random);
    return file;
  }

  /**
   * A v1 .torrent of {@code content} (file or folder), 256 KiB pieces, announcing to {@code url}.
   */
  public static Path torrent(Path content, Path torrent, String url) {
    try {
      Process process =
          new ProcessBuilder(
                  "mktorrent", "-a", url, "-l", "18", "-o", torrent.toString(), content.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("mktorrent failed: " + output);
      }
      return torrent;
    } catch (IOException e) {
      throw new IllegalStateException(
          "mktorrent is needed (apt-get install -y mktorrent; .ci/run installs it)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The SHA-256 of every regular file under {@code root}, by path relative to it. */
  public static SortedMap<String, String> digests(Path root) {
    SortedMap<String, String> digests = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        digests.put(root.relativize(file).toString(), sha256(file));
      }
      return digests;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The SHA-256 of each of {@code paths} under {@code root} ("missing" for one that is not there
   * yet): the torrent's own files, whatever bookkeeping a client keeps beside them (aria2's {@code
   * .aria2} control file stays while it seeds).
   */
  public static SortedMap<String, String> digests(Path root, Set<String> paths) {
    SortedMap<String, String> digests = new TreeMap<>();
    for (String path : paths) {
      Path file = root.resolve(path);
      try {
        digests.put(path, Files.isRegularFile(file) ? sha256(file) : "missing");
      } catch (IOException e) {
        digests.put(path, "unreadable: " + e.getMessage());
      }
    }
    return digests;
  }

  /** Deletes {@code root} and everything under it, if it exists. */
  public static void delete(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot delete " + root, e);
    }
  }

  private static void writeRandom(Path file, int size, Random random) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
