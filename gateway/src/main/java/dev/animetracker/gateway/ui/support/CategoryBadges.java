package dev.animetracker.gateway.ui.support;

import java.util.Map;

/**
 * The compact category badge of a listing row ({@code ${categoryBadges.icon(slug)}}): an icon and a
 * short code instead of the full name, which rides along as the accessible name and tooltip. Nyaa
 * does the same with its category images; the full name took ~200 px of every row. Categories are
 * managed by moderators, so an unknown slug still gets an icon by its family (the slug's first
 * word) and no code.
 */
public final class CategoryBadges {

  private record Badge(String icon, String code) {}

  private static final Map<String, Badge> KNOWN =
      Map.of(
          "anime-rus-subs", new Badge("bi-badge-cc", "RU"),
          "anime-rus-voice", new Badge("bi-mic", "RU"),
          "anime-eng", new Badge("bi-badge-cc", "EN"),
          "anime-raw", new Badge("bi-film", "RAW"),
          "music-ost", new Badge("bi-music-note-beamed", "OST"),
          "manga", new Badge("bi-book", ""),
          "live-action", new Badge("bi-camera-reels", ""),
          "other", new Badge("bi-three-dots", ""));

  private static final Map<String, String> FAMILIES =
      Map.of(
          "anime", "bi-play-btn",
          "music", "bi-music-note-beamed",
          "manga", "bi-book",
          "live", "bi-camera-reels",
          "software", "bi-cpu",
          "pictures", "bi-image");

  public String icon(String slug) {
    Badge badge = KNOWN.get(slug);
    if (badge != null) {
      return badge.icon();
    }
    int dash = slug.indexOf('-');
    return FAMILIES.getOrDefault(dash < 0 ? slug : slug.substring(0, dash), "bi-tag");
  }

  public String code(String slug) {
    Badge badge = KNOWN.get(slug);
    return badge == null ? "" : badge.code();
  }
}
