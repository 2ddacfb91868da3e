package dev.animetracker.torrent.series;

import org.jspecify.annotations.Nullable;

/**
 * What an upload or an edit says about a torrent's series: the {@code series} field of the upload
 * form or of {@code PATCH /api/torrents/{id}}, already checked (see {@link SeriesMatcher#choice}).
 *
 * @param series the chosen series when {@code kind} is {@link Kind#SET}
 */
public record SeriesChoice(Kind kind, @Nullable Series series) {

  /** How the series is decided. */
  public enum Kind {
    /** Field absent in an edit: the torrent keeps its series. */
    KEEP,
    /** Found from the parsed release title (an upload's blank field, an edit's {@code ""}). */
    MATCH,
    /** Edit's {@code null}: the torrent belongs to no series. */
    DETACH,
    /** A series named by its slug. */
    SET
  }

  public static final SeriesChoice KEEP = new SeriesChoice(Kind.KEEP, null);
  public static final SeriesChoice MATCH = new SeriesChoice(Kind.MATCH, null);
  public static final SeriesChoice DETACH = new SeriesChoice(Kind.DETACH, null);
}
