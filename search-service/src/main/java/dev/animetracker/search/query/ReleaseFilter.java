package dev.animetracker.search.query;

import org.jspecify.annotations.Nullable;

/**
 * Restrictions by the parsed release fields, the series and Nyaa's flags (issue 12); null means
 * "any".
 *
 * @param group release group, matched case-insensitively and exactly
 * @param resolution such as {@code 1080p}
 * @param source {@code BD}, {@code WEB}, {@code TV} or {@code DVD}
 * @param batch true for batches only, false for single releases only
 * @param subtitles ISO 639-1 code; a release with multiple subtitle languages matches any
 * @param flags Nyaa's {@code f}: 0 all, 1 no remakes, 2 trusted only
 * @param series series slug (lower case), matched exactly
 */
public record ReleaseFilter(
    @Nullable String group,
    @Nullable String resolution,
    @Nullable String source,
    @Nullable Boolean batch,
    @Nullable String subtitles,
    int flags,
    @Nullable String series) {

  /** Nyaa's {@code f=0}. */
  public static final int ALL = 0;

  /** Nyaa's {@code f=1}. */
  public static final int NO_REMAKES = 1;

  /** Nyaa's {@code f=2}. */
  public static final int TRUSTED_ONLY = 2;

  /** No restriction. */
  public static final ReleaseFilter NONE =
      new ReleaseFilter(null, null, null, null, null, ALL, null);

  /** The same restrictions, of the given series only. */
  public ReleaseFilter withSeries(@Nullable String slug) {
    return new ReleaseFilter(group, resolution, source, batch, subtitles, flags, slug);
  }

  /** Whether nothing is restricted. */
  public boolean none() {
    return group == null
        && resolution == null
        && source == null
        && batch == null
        && subtitles == null
        && flags == ALL
        && series == null;
  }
}
