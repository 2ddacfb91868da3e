package dev.animetracker.common.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The examples and the rules docs/releases.md states, one by one. */
class ReleaseParserTests {

  private final ReleaseParser parser = new ReleaseParser();

  @Test
  void subsPleaseEpisode() {
    ParsedRelease r = parser.parse("[SubsPlease] Sousou no Frieren - 05 (1080p) [ABCD1234].mkv");
    assertThat(r.group()).isEqualTo("SubsPlease");
    assertThat(r.title()).isEqualTo("Sousou no Frieren");
    assertThat(r.episodeFrom()).isEqualTo(5);
    assertThat(r.episodeTo()).isEqualTo(5);
    assertThat(r.batch()).isFalse();
    assertThat(r.resolution()).isEqualTo("1080p");
    assertThat(r.crc32()).isEqualTo("ABCD1234");
    assertThat(r.season()).isNull();
    assertThat(r.version()).isNull();
  }

  @Test
  void tildeRangeIsABatchWithMultipleSubtitles() {
    ParsedRelease r = parser.parse("[Erai-raws] Title - 01 ~ 12 [1080p][Multiple Subtitle]");
    assertThat(r.episodeFrom()).isEqualTo(1);
    assertThat(r.episodeTo()).isEqualTo(12);
    assertThat(r.batch()).isTrue();
    assertThat(r.subtitleLanguages()).containsExactly(ParsedRelease.MULTIPLE_LANGUAGES);
  }

  @Test
  void dashRangeIsABatchNotEpisodeOne() {
    ParsedRelease r = parser.parse("[Group] Title - 01-12 [1080p]");
    assertThat(r.episodeFrom()).isEqualTo(1);
    assertThat(r.episodeTo()).isEqualTo(12);
    assertThat(r.batch()).isTrue();
  }

  @Test
  void seasonPackWithTags() {
    ParsedRelease r = parser.parse("[Group] Title S02 [BD 1080p HEVC FLAC] [Batch]");
    assertThat(r.title()).isEqualTo("Title");
    assertThat(r.season()).isEqualTo(2);
    assertThat(r.episodeFrom()).isNull();
    assertThat(r.batch()).isTrue();
    assertThat(r.source()).isEqualTo(ParsedRelease.SOURCE_BD);
    assertThat(r.resolution()).isEqualTo("1080p");
    assertThat(r.videoCodec()).isEqualTo("HEVC");
    assertThat(r.audioCodec()).isEqualTo("FLAC");
  }

  @Test
  void versionAfterTheEpisode() {
    ParsedRelease r = parser.parse("[Commie] Title - 05v2 [1B2C3D4E].mkv");
    assertThat(r.episodeFrom()).isEqualTo(5);
    assertThat(r.version()).isEqualTo(2);
  }

  @Test
  void resolutionsAreNormalised() {
    assertThat(parser.parse("[G] T - 01 (1920x1080 BD)").resolution()).isEqualTo("1080p");
    assertThat(parser.parse("[G] T - 01 (1920x800 BD)").resolution()).isEqualTo("1080p");
    assertThat(parser.parse("[G] T - 01 [4K HDR]").resolution()).isEqualTo("2160p");
    assertThat(parser.parse("[G] T - 01 [1280x720]").resolution()).isEqualTo("720p");
    assertThat(parser.parse("[G] T - 01 [720x576 DVD]").resolution()).isEqualTo("576p");
  }

  @Test
  void codecsAreNormalised() {
    assertThat(parser.parse("[G] T - 01 [x265]").videoCodec()).isEqualTo("HEVC");
    assertThat(parser.parse("[G] T - 01 [H.265]").videoCodec()).isEqualTo("HEVC");
    assertThat(parser.parse("[G] T - 01 [h264]").videoCodec()).isEqualTo("AVC");
    assertThat(parser.parse("[G] T - 01 [Hi10P]").videoCodec()).isEqualTo("AVC");
    assertThat(parser.parse("[G] T - 01 [AV1 Opus]").audioCodec()).isEqualTo("OPUS");
    assertThat(parser.parse("[G] T - 01 [E-AC-3]").audioCodec()).isEqualTo("EAC3");
    assertThat(parser.parse("[G] T - 01 [DTS-HD MA]").audioCodec()).isEqualTo("DTS");
  }

  @Test
  void crcIsUpperCased() {
    assertThat(parser.parse("[G] T - 01 [abcd12ef].mkv").crc32()).isEqualTo("ABCD12EF");
  }

  @Test
  void russianTrackerName() {
    ParsedRelease r =
        parser.parse(
            "Провожающая в последний путь Фрирен / Sousou no Frieren / Frieren [TV] [1-28 из 28]"
                + " [RUS(int), JAP+Sub] [2023, приключения, WEBRip] [1080p]");
    assertThat(r.group()).isNull();
    assertThat(r.title()).isEqualTo("Провожающая в последний путь Фрирен");
    assertThat(r.alternativeTitles()).containsExactly("Sousou no Frieren", "Frieren");
    assertThat(r.episodeFrom()).isEqualTo(1);
    assertThat(r.episodeTo()).isEqualTo(28);
    assertThat(r.batch()).isTrue();
    assertThat(r.source()).isEqualTo(ParsedRelease.SOURCE_WEB);
    assertThat(r.audioLanguages()).containsExactlyInAnyOrder("ru", "ja");
    assertThat(r.subtitleLanguages()).containsExactly("ru");
  }

  @Test
  void russianTeamsAndVoiceOver() {
    ParsedRelease libria = parser.parse("[AniLibria.TV] Sousou no Frieren [01-28] [WEBRip 1080p]");
    assertThat(libria.group()).isEqualTo("AniLibria.TV");
    assertThat(libria.source()).isEqualTo(ParsedRelease.SOURCE_WEB);
    ParsedRelease dub = parser.parse("[AniDub] Kimetsu no Yaiba [01-26 из 26] [1080p] [Озвучка]");
    assertThat(dub.audioLanguages()).containsExactly("ru");
    ParsedRelease trailing = parser.parse("Sousou no Frieren [SHIZA Project] [WEBRip 1080p]");
    assertThat(trailing.group()).isEqualTo("SHIZA Project");
    assertThat(trailing.title()).isEqualTo("Sousou no Frieren");
    ParsedRelease seasonTwo = parser.parse("Клинок / Kimetsu no Yaiba [ТВ-2] [1-18 из 18]");
    assertThat(seasonTwo.season()).isEqualTo(2);
  }

  @Test
  void languageWordsAndTheirSide() {
    ParsedRelease r = parser.parse("[G] T - 01 [English Dub][Eng Sub][POR-BR]");
    assertThat(r.audioLanguages()).containsExactly("en");
    assertThat(r.subtitleLanguages()).containsExactly("en", "pt");
    assertThat(parser.parse("[G] T - 01 [Dual-Audio]").audioLanguages())
        .containsExactlyInAnyOrder("ja", "en");
    assertThat(parser.parse("[G] T - 01 [Multi-Subs]").subtitleLanguages())
        .containsExactly(ParsedRelease.MULTIPLE_LANGUAGES);
  }

  @Test
  void sceneName() {
    ParsedRelease r = parser.parse("Sousou.no.Frieren.S01E05.1080p.WEB-DL.AAC2.0.H.264-VARYG.mkv");
    assertThat(r.group()).isEqualTo("VARYG");
    assertThat(r.title()).isEqualTo("Sousou no Frieren");
    assertThat(r.season()).isEqualTo(1);
    assertThat(r.episodeFrom()).isEqualTo(5);
    assertThat(r.videoCodec()).isEqualTo("AVC");
    assertThat(r.audioCodec()).isEqualTo("AAC");
  }

  @Test
  void numbersThatBelongToTheTitle() {
    assertThat(parser.parse("[SubsPlease] Mob Psycho 100 III - 12 (1080p)").title())
        .isEqualTo("Mob Psycho 100 III");
    ParsedRelease gate = parser.parse("[HorribleSubs] Steins;Gate 0 - 23 [1080p].mkv");
    assertThat(gate.title()).isEqualTo("Steins;Gate 0");
    assertThat(gate.episodeFrom()).isEqualTo(23);
    assertThat(gate.batch()).isFalse();
    ParsedRelease zom = parser.parse("[G] Zom 100 [BD 1080p]");
    assertThat(zom.title()).isEqualTo("Zom 100");
    assertThat(zom.episodeFrom()).isNull();
  }

  @Test
  void decimalEpisodeSetsNoEpisode() {
    ParsedRelease r = parser.parse("[SubsPlease] Kusuriya no Hitorigoto - 12.5 (1080p)");
    assertThat(r.title()).isEqualTo("Kusuriya no Hitorigoto");
    assertThat(r.episodeFrom()).isNull();
  }

  @Test
  void filesMakeABatchWithTheirRangeAndSkipExtras() {
    List<String> files = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      files.add(String.format("Title/[G] Title - %02d [1080p HEVC].mkv", i));
    }
    files.add("Title/Extras/[G] Title - NCOP1 [1080p HEVC].mkv");
    files.add("Title/Subs/[G] Title - 01.rus.ass");
    files.add("Title/RUS Sound/[G] Title - 01.mka");
    ParsedRelease r = parser.parse("[G] Title [BD]", files);
    assertThat(r.batch()).isTrue();
    assertThat(r.episodeFrom()).isEqualTo(1);
    assertThat(r.episodeTo()).isEqualTo(12);
    assertThat(r.resolution()).isEqualTo("1080p");
    assertThat(r.videoCodec()).isEqualTo("HEVC");
    assertThat(r.source()).isEqualTo(ParsedRelease.SOURCE_BD);
    assertThat(r.subtitleLanguages()).containsExactly("ru");
    assertThat(r.audioLanguages()).containsExactly("ru");
  }

  @Test
  void aSingleFileFillsWhatTheNameLacks() {
    ParsedRelease r =
        parser.parse(
            "Sousou no Frieren",
            List.of("[SubsPlease] Sousou no Frieren - 05 (1080p) [ABCD1234].mkv"));
    assertThat(r.group()).isEqualTo("SubsPlease");
    assertThat(r.title()).isEqualTo("Sousou no Frieren");
    assertThat(r.episodeFrom()).isEqualTo(5);
    assertThat(r.batch()).isFalse();
    assertThat(r.crc32()).isEqualTo("ABCD1234");
  }

  @Test
  void emptyAndNullInputGiveAnEmptyRelease() {
    for (ParsedRelease r :
        List.of(parser.parse(null), parser.parse(""), parser.parse("   ", null))) {
      assertThat(r.title()).isNull();
      assertThat(r.group()).isNull();
      assertThat(r.batch()).isFalse();
      assertThat(r.alternativeTitles()).isEmpty();
    }
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    withNull.add("");
    assertThat(parser.parse("[G] T - 01", withNull).episodeFrom()).isEqualTo(1);
  }

  @Test
  void pathologicalNamesAreParsedQuickly() {
    List<String> hostile =
        List.of(
            "[".repeat(2000),
            "(".repeat(1000) + ")".repeat(1000),
            "[a(b]c)".repeat(300),
            "- 1 ~ ".repeat(400),
            "01-".repeat(700),
            "S01E01".repeat(350),
            "x".repeat(2000),
            "a.".repeat(1000),
            "_-_".repeat(700),
            "[RUS(int), JAP+Sub(".repeat(100),
            "1".repeat(2000),
            "★".repeat(2000),
            "Dual Audio Multi Sub ".repeat(100));
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          for (String name : hostile) {
            List<String> files = List.of(name + ".mkv", name + ".ass", name);
            ParsedRelease r = parser.parse(name, files);
            assertThat(r).isNotNull();
          }
        });
  }

  @Test
  void oneParserServesManyThreads() throws Exception {
    List<ReleaseCorpus.Entry> corpus = ReleaseCorpus.load();
    List<ParsedRelease> expected = new ArrayList<>();
    for (ReleaseCorpus.Entry entry : corpus) {
      expected.add(parser.parse(entry.name(), entry.files()));
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<List<ParsedRelease>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(
            pool.submit(
                () -> {
                  List<ParsedRelease> out = new ArrayList<>();
                  for (ReleaseCorpus.Entry entry : corpus) {
                    out.add(parser.parse(entry.name(), entry.files()));
                  }
                  return out;
                }));
      }
      for (Future<List<ParsedRelease>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    }
  }
}
