package dev.animetracker.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.release.ReleaseParser;
import dev.animetracker.search.text.SearchText;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The release filters of {@code GET /api/search} over snapshots carrying parsed releases. */
class ReleaseFiltersIT extends SearchTestSupport {

  private static final ReleaseParser PARSER = new ReleaseParser();

  @Autowired JdbcClient jdbc;

  private static TorrentSnapshot released(
      String title, List<String> files, String uploader, boolean trusted, boolean remake) {
    TorrentSnapshot s = snapshot(title, ANIME, List.of(), uploader);
    return new TorrentSnapshot(
        s.torrentId(),
        s.infoHash(),
        s.infoHashV2(),
        s.title(),
        s.description(),
        s.category(),
        s.tags(),
        s.size(),
        s.fileCount(),
        s.uploaderId(),
        s.uploaderUsername(),
        s.createdAt(),
        s.updatedAt(),
        s.version(),
        PARSER.parse(title, files),
        trusted,
        remake,
        false,
        null);
  }

  private static final String EP5 = "[SubsPlease] Sousou no Frieren - 05 (1080p) [ABCD1234].mkv";
  private static final String EP6 = "[SubsPlease] Sousou no Frieren - 06 (720p) [0123ABCD].mkv";
  private static final String BATCH =
      "[Erai-raws] Sousou no Frieren - 01 ~ 12 [1080p][Multiple Subtitle]";
  private static final String S2 = "[Judas] Sousou no Frieren S02 [BD 1080p HEVC] [Batch]";
  private static final String REMAKE = "[Fake] Sousou no Frieren - 05 [1080p]";

  /** Five releases of one fresh uploader: two trusted, one remake. */
  private String catalogue() {
    String u = uniqueWord("rel");
    index(
        released(EP5, List.of(), u, true, false),
        released(EP6, List.of(), u, true, false),
        released(BATCH, List.of(), u, false, false),
        released(S2, List.of(), u, false, false),
        released(REMAKE, List.of(), u, false, true));
    return u;
  }

  @Test
  void eachFilterAndTheirCombinations() {
    String u = catalogue();
    assertThat(search("uploader", u).total()).isEqualTo(5);
    assertThat(search("uploader", u, "group", "subsplease").titles())
        .containsExactlyInAnyOrder(EP5, EP6);
    assertThat(search("uploader", u, "group", "SubsPleas").titles()).isEmpty();
    assertThat(search("uploader", u, "resolution", "720p").titles()).containsExactly(EP6);
    assertThat(search("uploader", u, "resolution", "720").titles()).containsExactly(EP6);
    assertThat(search("uploader", u, "source", "bd").titles()).containsExactly(S2);
    assertThat(search("uploader", u, "batch", "true").titles())
        .containsExactlyInAnyOrder(BATCH, S2);
    assertThat(search("uploader", u, "batch", "false").titles())
        .containsExactlyInAnyOrder(EP5, EP6, REMAKE);
    assertThat(search("uploader", u, "filter", "0").total()).isEqualTo(5);
    assertThat(search("uploader", u, "filter", "1").titles()).doesNotContain(REMAKE).hasSize(4);
    assertThat(search("uploader", u, "filter", "2").titles()).containsExactlyInAnyOrder(EP5, EP6);
    assertThat(search("uploader", u, "group", "subsplease", "resolution", "1080p").titles())
        .containsExactly(EP5);
    assertThat(
            search("uploader", u, "resolution", "1080p", "batch", "true", "source", "bd").titles())
        .containsExactly(S2);
    assertThat(search("uploader", u, "q", "frieren", "filter", "2", "resolution", "1080p").titles())
        .containsExactly(EP5);
  }

  @Test
  void aTextSearchNarrowedByFiltersFindsWhatTheFiltersAloneFind() {
    // With a word, the filters are also required as tsv markers: a marker the writer forgot, or
    // spelt differently from the query, would lose these rows.
    String u = catalogue();
    assertThat(search("q", "frieren", "uploader", u, "group", "SubsPlease").titles())
        .containsExactlyInAnyOrder(EP5, EP6);
    assertThat(search("q", "frieren", "uploader", u, "group", "judas").titles())
        .containsExactly(S2);
    assertThat(search("q", "frieren", "uploader", u, "resolution", "720").titles())
        .containsExactly(EP6);
    assertThat(search("q", "frieren", "uploader", u, "filter", "2").titles())
        .containsExactlyInAnyOrder(EP5, EP6);
    assertThat(search("q", "frieren", "uploader", u, "category", ANIME.slug()).total())
        .isEqualTo(5);
    assertThat(search("q", "frieren", "uploader", u, "category", MUSIC.slug()).total()).isZero();
    assertThat(
            search("q", "sousou", "uploader", u, "group", "subsplease", "resolution", "1080p")
                .titles())
        .containsExactly(EP5);
  }

  @Test
  void theMigrationSpellsGroupMarkersAsTheWriterDoes() {
    for (String group :
        List.of("SubsPlease", "Erai-raws", "[Anime Time]", "Анилибрия", "A.B_c 2")) {
      String sql =
          jdbc.sql(
                  "select 'group.' || left(regexp_replace(lower(:g), '[^a-z0-9]+', '-', 'g'), 100)")
              .param("g", group.toLowerCase(Locale.ROOT))
              .query(String.class)
              .single();
      assertThat(sql).as(group).isEqualTo(SearchText.groupMarker(group));
    }
  }

  @Test
  void episodeMatchesSingleEpisodesAndRangesContainingIt() {
    String u = catalogue();
    assertThat(search("uploader", u, "episode", "5").titles())
        .containsExactlyInAnyOrder(EP5, BATCH, REMAKE);
    assertThat(search("uploader", u, "episode", "12").titles()).containsExactly(BATCH);
    assertThat(search("uploader", u, "episode", "13").titles()).isEmpty();
    assertThat(search("uploader", u, "season", "2").titles()).containsExactly(S2);
    // A season pack without an episode range holds every episode of its season.
    assertThat(search("uploader", u, "season", "2", "episode", "5").titles()).containsExactly(S2);
    // Absolute numbering counts as season 1.
    assertThat(search("uploader", u, "season", "1", "episode", "6").titles())
        .containsExactlyInAnyOrder(EP6, BATCH);
  }

  @Test
  void seasonPacksAndRangesMatchAsTorznabTvsearchAsksForThem() {
    String u = catalogue();
    // TorznabController passes season and ep into these same criteria.
    assertThat(search("uploader", u, "q", "frieren", "season", "2").titles()).containsExactly(S2);
    assertThat(search("uploader", u, "q", "frieren", "season", "1", "episode", "5").titles())
        .containsExactlyInAnyOrder(EP5, BATCH, REMAKE);
  }

  @Test
  void subtitleLanguageMatchesMultiToo() {
    String u = uniqueWord("subs");
    String english = "[Group] Show - 01 [1080p][ENG]";
    String russian = "[Group] Show - 01 [1080p][RUS Sub]";
    index(
        released(english, List.of(), u, false, false),
        released(russian, List.of(), u, false, false),
        released(BATCH, List.of(), u, false, false));
    List<String> en = search("uploader", u, "subs", "en").titles();
    assertThat(en).contains(BATCH).doesNotContain(russian);
    assertThat(search("uploader", u, "subs", "RU").titles())
        .contains(BATCH)
        .doesNotContain(english);
    assertThat(search("uploader", u, "subs", "ja").titles()).containsExactly(BATCH);
  }

  @Test
  void hitsCarryTheReleaseAndFlags() {
    String u = catalogue();
    JsonNode items =
        search("uploader", u, "group", "subsplease", "resolution", "1080p").json().get("items");
    JsonNode item = items.get(0);
    assertThat(item.get("trusted").asBoolean()).isTrue();
    assertThat(item.get("remake").asBoolean()).isFalse();
    assertThat(item.get("complete").asBoolean()).isFalse();
    JsonNode release = item.get("release");
    assertThat(release.get("group").asString()).isEqualTo("SubsPlease");
    assertThat(release.get("episodeFrom").asInt()).isEqualTo(5);
    assertThat(release.get("episodeTo").asInt()).isEqualTo(5);
    assertThat(release.get("resolution").asString()).isEqualTo("1080p");
    assertThat(release.get("crc32").asString()).isEqualTo("ABCD1234");
    // A torrent indexed without a release says so with null, not with made-up fields.
    String old = uniqueWord("old");
    index(snapshot("Old Show - 01", ANIME, List.of(), old));
    JsonNode plain = search("uploader", old).json().get("items").get(0);
    assertThat(plain.get("release").isNull()).isTrue();
    assertThat(plain.get("trusted").asBoolean()).isFalse();
  }

  @Test
  void facetsCountTheMatchingSetOnTheFirstPage() {
    String u = catalogue();
    JsonNode facets = search("uploader", u).json().get("facets");
    assertThat(facets.get("group").get(0).get("value").asString()).isEqualTo("SubsPlease");
    assertThat(facets.get("group").get(0).get("count").asLong()).isEqualTo(2);
    assertThat(facets.get("group")).hasSize(4);
    assertThat(facets.get("resolution").get(0).get("value").asString()).isEqualTo("1080p");
    assertThat(facets.get("resolution").get(0).get("count").asLong()).isEqualTo(4);
    assertThat(facets.get("batch").toString()).contains("\"true\"").contains("\"false\"");
    // Counted over the filtered set, not the catalogue.
    JsonNode trusted = search("uploader", u, "filter", "2").json().get("facets");
    assertThat(trusted.get("group")).hasSize(1);
    assertThat(trusted.get("group").get(0).get("count").asLong()).isEqualTo(2);
    // A text search counts its matches band by band (its best-seeded ones): the same counts here.
    JsonNode text = search("q", "frieren", "uploader", u).json().get("facets");
    assertThat(text.get("group").get(0).get("value").asString()).isEqualTo("SubsPlease");
    assertThat(text.get("group").get(0).get("count").asLong()).isEqualTo(2);
    assertThat(text.get("resolution").get(0).get("count").asLong()).isEqualTo(4);
    assertThat(search("uploader", u, "page", "1", "size", "2").json().get("facets").isNull())
        .isTrue();
  }

  @Test
  void hostileReleaseFilterValuesAre400() {
    List<String[]> bad =
        List.of(
            new String[] {"group", "g".repeat(5000)},
            new String[] {"resolution", "huge"},
            new String[] {"resolution", "1080p'; drop table torrent_doc; --"},
            new String[] {"source", "CAM"},
            new String[] {"season", "-1"},
            new String[] {"season", "101"},
            new String[] {"season", "two"},
            new String[] {"episode", "99999999999"},
            new String[] {"batch", "maybe"},
            new String[] {"subs", "english"},
            new String[] {"subs", "e'"},
            new String[] {"filter", "3"},
            new String[] {"filter", "-1"},
            new String[] {"filter", "x"});
    for (String[] pair : bad) {
      Response response = search(pair[0], pair[1]);
      assertThat(response.status()).as("%s=%s", pair[0], pair[1]).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(pair[0]);
    }
    // Hostile but well-formed: a group name with quotes is just a name nobody has.
    assertThat(search("group", "' or 1=1 --").status()).isEqualTo(200);
  }
}
