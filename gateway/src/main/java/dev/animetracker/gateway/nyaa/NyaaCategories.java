package dev.animetracker.gateway.nyaa;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nyaa's {@code c} codes ({@code main_sub}) as our category slugs (torrent-service Flyway V1). Our
 * catalogue is coarser, so several codes share a slug; the table is documented in docs/nyaa.md and
 * must change with it.
 */
final class NyaaCategories {

  private static final List<String> ANIME =
      List.of("anime-rus-subs", "anime-rus-voice", "anime-eng", "anime-raw");

  private static final Map<String, List<String>> TABLE =
      Map.ofEntries(
          Map.entry("0_0", List.of()),
          Map.entry("1_0", ANIME),
          // Anime Music Video: we have no AMV category.
          Map.entry("1_1", List.of("other")),
          Map.entry("1_2", List.of("anime-eng")),
          // Non-English-translated: ours are the Russian ones.
          Map.entry("1_3", List.of("anime-rus-subs", "anime-rus-voice")),
          Map.entry("1_4", List.of("anime-raw")),
          Map.entry("2_0", List.of("music-ost")),
          Map.entry("2_1", List.of("music-ost")),
          Map.entry("2_2", List.of("music-ost")),
          Map.entry("3_0", List.of("manga")),
          Map.entry("3_1", List.of("manga")),
          Map.entry("3_2", List.of("manga")),
          Map.entry("3_3", List.of("manga")),
          Map.entry("4_0", List.of("live-action")),
          Map.entry("4_1", List.of("live-action")),
          Map.entry("4_2", List.of("live-action")),
          Map.entry("4_3", List.of("live-action")),
          Map.entry("4_4", List.of("live-action")),
          Map.entry("5_0", List.of("other")),
          Map.entry("5_1", List.of("other")),
          Map.entry("5_2", List.of("other")),
          Map.entry("6_0", List.of("other")),
          Map.entry("6_1", List.of("other")),
          Map.entry("6_2", List.of("other")));

  private NyaaCategories() {}

  /**
   * Our slugs for a Nyaa code; empty list for "all" ({@code 0_0}), empty optional for a code Nyaa
   * does not have.
   */
  static Optional<List<String>> slugs(String code) {
    return Optional.ofNullable(TABLE.get(code));
  }
}
