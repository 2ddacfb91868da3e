package dev.animetracker.torrent.storage;

import dev.animetracker.torrent.TorrentsProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The stored .torrent files: {@code <root>/torrents/ab/cd/<infohash>.torrent}, the exact uploaded
 * bytes. Files are written to a temp file next to their final place ({@code
 * .<infohash>.<random>.tmp}), fsynced, and atomically renamed into place; the directory is fsynced
 * after the rename.
 */
@Component
public class TorrentStorage {

  /** Suffix of temp files; the reconciler deletes old ones. */
  public static final String TEMP_SUFFIX = ".tmp";

  public static final String TORRENTS_DIR = "torrents";

  private static final Logger log = LoggerFactory.getLogger(TorrentStorage.class);
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{40}");

  private final Path root;

  public TorrentStorage(TorrentsProperties properties) {
    this.root = properties.storageDir().toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The storage path (relative to the root, with {@code /}) of a torrent's file. */
  public static String relativePath(String infoHash) {
    if (!HASH.matcher(infoHash).matches()) {
      throw new IllegalArgumentException("not an info hash: " + infoHash);
    }
    return TORRENTS_DIR
        + "/"
        + infoHash.substring(0, 2)
        + "/"
        + infoHash.substring(2, 4)
        + "/"
        + infoHash
        + ".torrent";
  }

  /** Resolves a storage path from the database, refusing anything outside the root. */
  public Path resolve(String relativePath) {
    Path path = root.resolve(relativePath).normalize();
    if (!path.startsWith(root.resolve(TORRENTS_DIR))) {
      throw new IllegalArgumentException("storage path outside the root: " + relativePath);
    }
    return path;
  }

  /** Writes {@code bytes} to a new fsynced temp file in the target's directory. */
  public Path writeTemp(String relativePath, byte[] bytes) {
    Path target = resolve(relativePath);
    Path temp =
        target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
    try {
      Files.createDirectories(target.getParent());
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      return temp;
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new UncheckedIOException("cannot write " + temp, e);
    }
  }

  /**
   * Atomically renames {@code temp} to its final place (replacing a stale file) and fsyncs the
   * directory. Returns the file key (inode) of the placed file, to recognise it later.
   */
  public Object moveIntoPlace(Path temp, String relativePath) {
    Path target = resolve(relativePath);
    try {
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the storage directory does not support atomic renames", e);
      }
      fsyncDirectory(target.getParent());
      return Files.readAttributes(target, java.nio.file.attribute.BasicFileAttributes.class)
          .fileKey();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + temp + " to " + target, e);
    }
  }

  /** Deletes the final file only if it is still the one we placed (same file key). */
  public void deleteIfSame(String relativePath, Object fileKey) {
    Path target = resolve(relativePath);
    try {
      Object current =
          Files.readAttributes(target, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
      if (fileKey == null || fileKey.equals(current)) {
        Files.deleteIfExists(target);
      }
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      log.warn("Could not remove {}", target, e);
    }
  }

  public Optional<byte[]> read(String relativePath) {
    try {
      return Optional.of(Files.readAllBytes(resolve(relativePath)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean exists(String relativePath) {
    return Files.isRegularFile(resolve(relativePath));
  }

  public void delete(String relativePath) {
    deleteQuietly(resolve(relativePath));
  }

  public static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      log.warn("Could not delete {}", path, e);
    }
  }

  private static void fsyncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems cannot fsync a directory; the rename itself is still atomic.
      log.debug("Could not fsync directory {}", directory, e);
    }
  }
}
