package dev.animetracker.torrent.core;

import dev.animetracker.common.web.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The torrent rules a request can break. */
public final class TorrentExceptions {

  private TorrentExceptions() {}

  public static DomainException notFound() {
    return new DomainException(
        HttpStatus.NOT_FOUND, "torrent-not-found", "There is no such torrent.");
  }

  /** 409 with the existing torrent's id. */
  public static DomainException duplicate(long existingId) {
    return new DomainException(
        HttpStatus.CONFLICT,
        "duplicate-torrent",
        "This torrent (same info hash) has already been uploaded.",
        Map.of("torrentId", existingId));
  }

  /** 409: the same info hash was uploaded before and removed by its uploader or a moderator. */
  public static DomainException removed() {
    return new DomainException(
        HttpStatus.CONFLICT,
        "torrent-removed",
        "This torrent was uploaded before and has been removed; it cannot be uploaded again.");
  }

  /**
   * The id in a path: a positive decimal number, else 404 {@code torrent-not-found} (an id that
   * cannot exist is just another unknown torrent).
   */
  public static long parseId(String id) {
    try {
      long value = Long.parseLong(id);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // not found below
    }
    throw notFound();
  }

  public static DomainException fileMissing() {
    return new DomainException(
        HttpStatus.NOT_FOUND,
        "torrent-file-missing",
        "The .torrent file of this torrent is missing from storage; please tell a moderator.");
  }
}
