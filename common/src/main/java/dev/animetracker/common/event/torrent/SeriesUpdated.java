package dev.animetracker.common.event.torrent;

import static dev.animetracker.common.event.Invariants.required;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;
import java.util.List;

/**
 * A series was created or its titles changed: read models update every torrent of the series at
 * once (its title shown, its alternative titles searchable) instead of waiting for each torrent's
 * next snapshot. Keyed by {@code series-<slug>}, so one series' changes arrive in order; {@code
 * version} grows with every change, and a consumer ignores one older than it holds.
 *
 * @param alternativeTitles every other title the series is known by (romaji, English, Russian,
 *     Japanese, as users entered them), without the main title
 */
@EventType(value = "series.updated", topic = Topics.TORRENT_EVENTS)
public record SeriesUpdated(
    SeriesRef series,
    @JsonSetter(nulls = Nulls.AS_EMPTY) List<String> alternativeTitles,
    long version,
    Instant updatedAt)
    implements TorrentEvent {

  public SeriesUpdated {
    required(series, "series");
    required(series.slug(), "series.slug");
    required(series.title(), "series.title");
    required(updatedAt, "updatedAt");
    alternativeTitles = alternativeTitles == null ? List.of() : List.copyOf(alternativeTitles);
  }
}
