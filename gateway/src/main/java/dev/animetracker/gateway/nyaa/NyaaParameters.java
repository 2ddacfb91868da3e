package dev.animetracker.gateway.nyaa;

import dev.animetracker.gateway.problem.GatewayException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Nyaa's query parameters translated to ours (docs/nyaa.md): {@code q} stays, {@code c} becomes
 * {@code category}, {@code f} {@code filter}, {@code u} {@code uploader}, {@code s} {@code sort},
 * {@code o} {@code order}, {@code p} {@code page}, {@code m} {@code magnets}. Values are copied as
 * text; the service behind validates them as for its own names.
 */
final class NyaaParameters {

  /** The names whose presence on {@code /} marks a Nyaa address ({@code q} and ours overlap). */
  static final List<String> NYAA_ONLY = List.of("c", "f", "u", "s", "o", "p");

  /** Nyaa's sort keys as ours; {@code comments} has no counterpart and falls back to ours. */
  private static final Map<String, String> SORTS =
      Map.of(
          "id", "created",
          "size", "size",
          "seeders", "seeders",
          "leechers", "leechers",
          // Nyaa's "downloads" column counts completed downloads (snatches).
          "downloads", "completed");

  private NyaaParameters() {}

  /** Whether {@code /} was asked with any of Nyaa's own parameter names. */
  static boolean isNyaa(MultiValueMap<String, String> params) {
    return NYAA_ONLY.stream().anyMatch(params::containsKey);
  }

  /**
   * The parameters of our browse page or {@code /rss} for a Nyaa query.
   *
   * @param feed whether for {@code /rss} (which also takes {@code m} and {@code apikey})
   * @throws GatewayException 400 {@code nyaa-category} for a {@code c} Nyaa does not have
   */
  static MultiValueMap<String, String> translate(MultiValueMap<String, String> nyaa, boolean feed) {
    MultiValueMap<String, String> ours = new LinkedMultiValueMap<>();
    copy(nyaa, "q", ours, "q");
    String category = text(nyaa.getFirst("c"));
    if (category != null) {
      List<String> slugs =
          NyaaCategories.slugs(category)
              .orElseThrow(
                  () ->
                      new GatewayException(
                          HttpStatus.BAD_REQUEST,
                          "nyaa-category",
                          "Unknown Nyaa category code; see docs/nyaa.md for the table."));
      if (!slugs.isEmpty()) {
        ours.add("category", String.join(",", slugs));
      }
    }
    String filter = text(nyaa.getFirst("f"));
    // 0 is "no filter", which is also what our services do without the parameter.
    if (filter != null && !filter.equals("0")) {
      ours.add("filter", filter);
    }
    copy(nyaa, "u", ours, "uploader");
    String sort = text(nyaa.getFirst("s"));
    if (sort != null && SORTS.containsKey(sort)) {
      ours.add("sort", SORTS.get(sort));
      copy(nyaa, "o", ours, "order");
    }
    copy(nyaa, "p", ours, "page");
    if (feed) {
      // Nyaa's "&m" carries no value; any presence asks for magnet links.
      if (nyaa.containsKey("m")) {
        ours.add("magnets", "true");
      }
      copy(nyaa, "apikey", ours, "apikey");
    }
    return ours;
  }

  private static void copy(
      MultiValueMap<String, String> from,
      String name,
      MultiValueMap<String, String> to,
      String ourName) {
    String value = text(from.getFirst(name));
    if (value != null) {
      to.add(ourName, value);
    }
  }

  private static @Nullable String text(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
