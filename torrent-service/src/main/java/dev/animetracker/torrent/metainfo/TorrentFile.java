package dev.animetracker.torrent.metainfo;

import java.util.List;

/**
 * One content file of a torrent (never a BEP 47 pad file).
 *
 * @param path the path components relative to the torrent's root folder; for a single-file torrent
 *     just its name
 * @param fullPath the components joined with {@code '/'}
 * @param size in bytes
 */
public record TorrentFile(List<String> path, String fullPath, long size) {

  public TorrentFile {
    path = List.copyOf(path);
  }

  public TorrentFile(List<String> path, long size) {
    this(path, String.join("/", path), size);
  }
}
