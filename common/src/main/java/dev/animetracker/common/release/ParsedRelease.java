package dev.animetracker.common.release;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ReleaseParser} read from a release name (and its file list). Every field is null,
 * false or empty when the name does not say it; nothing is guessed from the group's habits.
 *
 * @param group the releasing group, as written ({@code SubsPlease}, {@code AniLibria.TV})
 * @param title the series title as written, without group, episode, season and technical tags
 * @param alternativeTitles further titles: after {@code " / "} or {@code " | "}, or in brackets
 * @param season season number ({@code S02}, {@code 2nd Season}, {@code TV-2}, {@code 2 сезон})
 * @param episodeFrom first episode; equal to {@code episodeTo} for a single episode
 * @param episodeTo last episode
 * @param batch whether the release holds a whole season or range rather than one episode
 * @param version release revision, {@code 05v2} gives 2; null for the first release
 * @param resolution {@code 480p}, {@code 720p}, {@code 1080p}, {@code 2160p}, …
 * @param source one of {@link #SOURCE_BD}, {@link #SOURCE_WEB}, {@link #SOURCE_TV}, {@link
 *     #SOURCE_DVD}
 * @param videoCodec {@code HEVC}, {@code AVC}, {@code AV1}, {@code VP9}, {@code XVID}, {@code
 *     MPEG2}
 * @param audioCodec {@code FLAC}, {@code AAC}, {@code OPUS}, {@code AC3}, {@code EAC3}, {@code
 *     DTS}, {@code TRUEHD}, {@code MP3}, {@code PCM}, {@code VORBIS} (the first one named)
 * @param crc32 eight upper-case hex digits
 * @param subtitleLanguages ISO 639-1 codes, or {@link #MULTIPLE_LANGUAGES}
 * @param audioLanguages ISO 639-1 codes, or {@link #MULTIPLE_LANGUAGES}
 */
public record ParsedRelease(
    @Nullable String group,
    @Nullable String title,
    List<String> alternativeTitles,
    @Nullable Integer season,
    @Nullable Integer episodeFrom,
    @Nullable Integer episodeTo,
    boolean batch,
    @Nullable Integer version,
    @Nullable String resolution,
    @Nullable String source,
    @Nullable String videoCodec,
    @Nullable String audioCodec,
    @Nullable String crc32,
    List<String> subtitleLanguages,
    List<String> audioLanguages) {

  /** Blu-ray (BD, BDRip, Blu-Ray, BDRemux, BD-BOX). */
  public static final String SOURCE_BD = "BD";

  /** Streaming (WEB-DL, WEBRip, or a service tag such as CR, AMZN, NF, Baha, B-Global). */
  public static final String SOURCE_WEB = "WEB";

  /** Broadcast (HDTV, TVRip, DTV, TS, or a broadcaster tag such as AT-X, TX, MX, BS11). */
  public static final String SOURCE_TV = "TV";

  /** DVD (DVD, DVDRip, R2J, DVD5/DVD9). */
  public static final String SOURCE_DVD = "DVD";

  /** Every source value, in the order forms offer them. */
  public static final List<String> SOURCES = List.of(SOURCE_BD, SOURCE_WEB, SOURCE_TV, SOURCE_DVD);

  /**
   * Language marker for "many": {@code Multiple Subtitle}, {@code Multi-Subs}, {@code MultiSub} for
   * subtitles, {@code Multi-Audio}, {@code MULTi} for audio.
   */
  public static final String MULTIPLE_LANGUAGES = "multi";

  public ParsedRelease {
    alternativeTitles = List.copyOf(alternativeTitles);
    subtitleLanguages = List.copyOf(subtitleLanguages);
    audioLanguages = List.copyOf(audioLanguages);
  }
}
