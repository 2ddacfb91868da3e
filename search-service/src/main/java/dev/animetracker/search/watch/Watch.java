package dev.animetracker.search.watch;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A stored watch: a follow ({@code user}, {@code group}, {@code series}) or a saved search.
 *
 * @param target the follow's path value (username, group, series slug); null for a saved search
 * @param query a saved search's set fields; null for a follow
 */
record Watch(
    long id,
    long userId,
    String kind,
    @Nullable String target,
    String label,
    String delivery,
    Instant createdAt,
    @Nullable Map<String, Object> query) {

  static final String SEARCH = "search";
}
