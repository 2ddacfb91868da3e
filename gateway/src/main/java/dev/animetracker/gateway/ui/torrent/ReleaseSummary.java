package dev.animetracker.gateway.ui.torrent;

import dev.animetracker.gateway.catalog.CatalogDtos.Release;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The torrent page's "Release" block: the stored release with its languages as names in the page
 * language ({@code en} → "English" / "английский"), so the template only lays it out.
 *
 * @param subtitles subtitle language names; {@code multi} becomes {@code multiple}
 * @param audio audio language names, likewise
 */
public record ReleaseSummary(Release release, List<String> subtitles, List<String> audio) {

  /** The summary of a release, or null when nothing about it is known. */
  static @Nullable ReleaseSummary of(@Nullable Release release, Locale locale, String multiple) {
    if (release == null) {
      return null;
    }
    return new ReleaseSummary(
        release,
        names(release.subtitleList(), locale, multiple),
        names(release.audioList(), locale, multiple));
  }

  /** Whether the episode range spans more than one episode. */
  public boolean episodeRange() {
    return release.episodeFrom() != null
        && release.episodeTo() != null
        && !release.episodeFrom().equals(release.episodeTo());
  }

  /** The codecs as written on a release ("HEVC · FLAC"), or null when neither is known. */
  public @Nullable String codecs() {
    if (release.videoCodec() == null && release.audioCodec() == null) {
      return null;
    }
    if (release.videoCodec() == null || release.audioCodec() == null) {
      return release.videoCodec() != null ? release.videoCodec() : release.audioCodec();
    }
    return release.videoCodec() + " · " + release.audioCodec();
  }

  private static List<String> names(List<String> codes, Locale locale, String multiple) {
    return codes.stream().map(code -> name(code, locale, multiple)).toList();
  }

  /** A language's name in the page language; a code Java does not know stays as it is. */
  static String name(String code, Locale locale, String multiple) {
    if ("multi".equals(code)) {
      return multiple;
    }
    String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
    if (name.isEmpty() || name.equalsIgnoreCase(code)) {
      return code;
    }
    return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
  }
}
