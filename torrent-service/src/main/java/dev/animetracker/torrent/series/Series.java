package dev.animetracker.torrent.series;

import dev.animetracker.common.event.torrent.SeriesRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A series row: one show whose releases it groups, its titles in the languages users search in, and
 * the ids of the anime databases users entered (links out, never fetched).
 *
 * @param createdBy the user whose upload or POST made it; null when the backfill did
 */
public record Series(
    long id,
    String slug,
    String title,
    Titles titles,
    List<String> synonyms,
    @Nullable Integer anilistId,
    @Nullable Integer malId,
    @Nullable Integer anidbId,
    long version,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Long createdBy) {

  /** The title in each language users know the show by; null = not entered. */
  public record Titles(
      @Nullable String romaji,
      @Nullable String english,
      @Nullable String russian,
      @Nullable String japanese) {

    static final Titles NONE = new Titles(null, null, null, null);

    List<String> present() {
      List<String> present = new ArrayList<>(4);
      for (String title : new String[] {romaji, english, russian, japanese}) {
        if (title != null) {
          present.add(title);
        }
      }
      return present;
    }
  }

  public SeriesRef ref() {
    return new SeriesRef(slug, title);
  }

  /**
   * Every other title the series is known by (the four languages, then the synonyms), each once and
   * none that is just the main title written the same way.
   */
  public List<String> alternativeTitles() {
    Set<String> titles = new LinkedHashSet<>(titles().present());
    titles.addAll(synonyms);
    titles.remove(title);
    return List.copyOf(titles);
  }

  /** The match keys of every title, the main one first (see {@link SeriesTitles#key}). */
  Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(SeriesTitles.key(title));
    for (String alternative : alternativeTitles()) {
      keys.add(SeriesTitles.key(alternative));
    }
    keys.remove("");
    return keys;
  }
}
