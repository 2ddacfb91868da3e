package dev.animetracker.torrent.core;

import dev.animetracker.common.release.ParsedRelease;

/**
 * What a torrent's row says about its release: the parsed (and corrected) fields and the flags.
 *
 * @param release never null when written; an object of empty fields when the name states nothing
 * @param trusted uploaded by a trusted account, or marked so by a moderator
 * @param remake a re-encode or re-upload of another group's release
 * @param complete a batch of a finished series
 */
public record ReleaseState(
    ParsedRelease release, boolean trusted, boolean remake, boolean complete) {

  /** The state of a stored row (its release parsed again by the caller when never stored). */
  public static ReleaseState of(TorrentRow row, ParsedRelease release) {
    return new ReleaseState(release, row.trusted(), row.remake(), row.complete());
  }
}
