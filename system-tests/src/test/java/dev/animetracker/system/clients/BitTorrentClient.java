package dev.animetracker.system.clients;

import java.nio.file.Path;

/**
 * A real BitTorrent client from Debian, driven as a separate process. Seeding and downloading are
 * the same operation for every client: it is given a .torrent and a data directory, checks what is
 * already there, and seeds once the data is complete — so a directory holding the content makes a
 * seeder and an empty one a downloader.
 */
public interface BitTorrentClient {

  /** The client's name as it appears in test names and log files. */
  String name();

  /** How the peer ids this client announces begin (its client code, e.g. {@code -qB}). */
  String peerIdPrefix();

  /**
   * Starts the client on {@code torrent} with its data in {@code dataDirectory}; {@code
   * workDirectory} (empty, exclusively its own) takes its configuration, state and logs. The caller
   * closes the returned process.
   */
  ClientProcess start(Path torrent, Path dataDirectory, Path workDirectory);
}
