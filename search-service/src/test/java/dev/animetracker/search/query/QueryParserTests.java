package dev.animetracker.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParserTests {

  private static String positive(String text) {
    return QueryParser.parse(text).positiveTsQuery(Map.of());
  }

  private static String negative(String text) {
    return QueryParser.parse(text).negativeTsQuery();
  }

  @Test
  void wordsAreAndedAndLongWordsMatchAsPrefix() {
    assertThat(positive("Frieren 05")).isEqualTo("'frieren':* & '5'");
    assertThat(positive("no")).isEqualTo("'no'");
  }

  @Test
  void phrasesAlternativesAndExclusions() {
    assertThat(positive("\"sousou no frieren\"")).isEqualTo("( 'sousou' <-> 'no' <-> 'frieren' )");
    assertThat(positive("frieren|bocchi 1080p"))
        .isEqualTo("( 'frieren':* | 'bocchi':* ) & '1080p'");
    assertThat(positive("frieren | bocchi")).isEqualTo("( 'frieren':* | 'bocchi':* )");
    assertThat(positive("frieren -dub")).isEqualTo("'frieren':*");
    assertThat(negative("frieren -dub -\"eng sub\"")).isEqualTo("'dub':* | ( 'eng' <-> 'sub' )");
  }

  @Test
  void punctuatedWordsAndJapaneseBecomePhrases() {
    assertThat(positive("frieren-05")).isEqualTo("( 'frieren' <-> '5' )");
    assertThat(positive("葬送")).isEqualTo("'葬送'");
    assertThat(positive("フリーレン")).isEqualTo("( 'フリ' <-> 'リー' <-> 'ーレ' <-> 'レン' )");
    assertThat(positive("葬")).isEqualTo("'葬':*");
  }

  @Test
  void correctionsBecomeAlternatives() {
    ParsedQuery parsed = QueryParser.parse("freiren 1080p");
    assertThat(parsed.correctableWords()).containsExactly("freiren");
    assertThat(parsed.positiveTsQuery(Map.of("freiren", List.of("frieren"))))
        .isEqualTo("( 'freiren':* | 'frieren' ) & '1080p'");
  }

  @Test
  void hostileTextNeverBreaksTheQuery() {
    for (String text :
        List.of(
            "\"",
            "\"\"\"",
            "-",
            "--",
            "|",
            "a|",
            "|a",
            "-|-",
            "!!!",
            "'; drop table x; --",
            "a & b | !c",
            ":*",
            "\\",
            "a\u0000b",
            "(((",
            "'",
            "a:*b",
            "\"unbalanced phrase")) {
      ParsedQuery parsed = QueryParser.parse(text);
      String query = parsed.positiveTsQuery(Map.of());
      if (query != null) {
        assertThat(query).doesNotContain("''").doesNotContain("\\");
        // Every lexeme is quoted; nothing of the input's own syntax survives outside quotes.
        assertThat(query.replaceAll("'[^']*'(:\\*)?", "")).matches("[ ()&|<>\\-!]*");
      }
    }
    assertThat(QueryParser.parse("x ".repeat(100)).clauses()).hasSize(QueryParser.MAX_CLAUSES);
    assertThat(QueryParser.parse("\"\"").isEmpty()).isTrue();
  }

  @Test
  void hashesAndMagnetsAreExactLookups() {
    String v1 = "0123456789abcdef0123456789abcdef01234567";
    String v2 = "ab".repeat(32);
    assertThat(QueryParser.parse(v1.toUpperCase()).hash())
        .isEqualTo(new ParsedQuery.HashLookup(v1, null));
    assertThat(QueryParser.parse(v2).hash()).isEqualTo(new ParsedQuery.HashLookup(null, v2));
    assertThat(
            QueryParser.parse("magnet:?xt=urn:btih:" + v1 + "&dn=x&xt=urn:btmh:1220" + v2).hash())
        .isEqualTo(new ParsedQuery.HashLookup(v1, v2));
    // Base32 btih: 20 bytes of 0x00..0x13 encoded.
    assertThat(QueryParser.parse("magnet:?xt=urn:btih:AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQT").hash())
        .isEqualTo(new ParsedQuery.HashLookup("000102030405060708090a0b0c0d0e0f10111213", null));
    assertThat(QueryParser.parse("magnet:?dn=nothing").hash())
        .isEqualTo(new ParsedQuery.HashLookup("", null));
  }

  @Test
  void episodeCriteriaMatchBothNumberings() {
    assertThat(SearchService.episodeQuery(1, 5)).isEqualTo("( 'se.1.5' | 'ep.5' )");
    assertThat(SearchService.episodeQuery(2, 5)).isEqualTo("'se.2.5'");
    assertThat(SearchService.episodeQuery(null, 5)).isEqualTo("'e.5'");
    assertThat(SearchService.episodeQuery(2, null)).isEqualTo("'s.2'");
    assertThat(SearchService.episodeQuery(null, null)).isNull();
  }
}
