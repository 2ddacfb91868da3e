package dev.animetracker.torrent.metainfo;

/** Which BitTorrent protocol versions a torrent supports. */
public enum TorrentKind {
  /** BEP 3 only: SHA-1 info hash, {@code pieces}. */
  V1,
  /** BEP 52 only: SHA-256 info hash, {@code file tree}, {@code piece layers}. */
  V2,
  /** Both views of the same files (BEP 52 "hybrid"), usually with BEP 47 pad files in v1. */
  HYBRID;

  public boolean hasV1() {
    return this != V2;
  }

  public boolean hasV2() {
    return this != V1;
  }
}
