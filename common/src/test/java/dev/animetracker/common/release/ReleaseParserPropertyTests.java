package dev.animetracker.common.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the name, the parser answers quickly with well-formed fields: the contract the services
 * rely on when they store what it returns.
 */
class ReleaseParserPropertyTests {

  /** Generous: a parse takes microseconds; this only catches runaway (super-linear) work. */
  private static final Duration QUICKLY = Duration.ofSeconds(2);

  private final ReleaseParser parser = new ReleaseParser();

  @Property(tries = 500)
  void releaseAlphabetSoupParsesQuicklyIntoWellFormedFields(
      @ForAll("releaseish") String name, @ForAll("fileLists") List<String> files) {
    ParsedRelease r = assertTimeoutPreemptively(QUICKLY, () -> parser.parse(name, files));
    assertWellFormed(r);
  }

  @Property(tries = 300)
  void arbitraryUnicodeParsesIntoWellFormedFields(@ForAll @Size(max = 2000) String name) {
    assertWellFormed(assertTimeoutPreemptively(QUICKLY, () -> parser.parse(name)));
  }

  private static void assertWellFormed(ParsedRelease r) {
    if (r.crc32() != null) {
      assertThat(r.crc32()).matches("[0-9A-F]{8}");
    }
    if (r.resolution() != null) {
      assertThat(r.resolution()).matches("\\d{3,4}p");
    }
    if (r.source() != null) {
      assertThat(r.source()).isIn("BD", "WEB", "TV", "DVD");
    }
    assertThat(r.episodeFrom() == null).isEqualTo(r.episodeTo() == null);
    if (r.episodeFrom() != null) {
      assertThat(r.episodeFrom()).isBetween(0, 9999).isLessThanOrEqualTo(r.episodeTo());
      if (r.episodeTo() > r.episodeFrom()) {
        assertThat(r.batch()).isTrue();
      }
    }
    if (r.season() != null) {
      assertThat(r.season()).isBetween(0, 99);
    }
    for (String language : r.subtitleLanguages()) {
      assertThat(language).matches("[a-z]{2}|multi");
    }
    for (String language : r.audioLanguages()) {
      assertThat(language).matches("[a-z]{2}|multi");
    }
    if (r.title() != null) {
      assertThat(r.title()).isNotBlank().doesNotStartWith(" ").doesNotEndWith(" ");
    }
  }

  /** Up to 2000 characters drawn from the pieces release names are made of. */
  @Provide
  Arbitrary<String> releaseish() {
    Arbitrary<String> piece =
        Arbitraries.of(
            "[",
            "]",
            "(",
            ")",
            " ",
            " - ",
            "~",
            "_",
            ".",
            "-",
            "+",
            "/",
            " / ",
            "|",
            "01",
            "12",
            "1080p",
            "1920x1080",
            "S02",
            "E05",
            "v2",
            "x265",
            "HEVC",
            "FLAC",
            "BD",
            "WEBRip",
            "Multi-Subs",
            "Dual Audio",
            "RUS(int)",
            "JAP+Sub",
            "из",
            "28",
            "ТВ-2",
            "Season",
            "2nd",
            "ABCD1234",
            "Batch",
            "Title",
            "Фрирен",
            "★",
            "【",
            "】",
            "0",
            "9999",
            "2023");
    return piece.list().ofMaxSize(400).map(parts -> cap(String.join("", parts)));
  }

  @Provide
  Arbitrary<List<String>> fileLists() {
    return releaseish().list().ofMaxSize(5);
  }

  private static String cap(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) : s;
  }
}
