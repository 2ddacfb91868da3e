package dev.animetracker.search.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.torrent.SeriesRef;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * A saved search matches exactly the documents {@code /api/search} finds with the same criteria:
 * each case is run both ways over one catalogue, the matching statement evaluated per document.
 */
@TestPropertySource(properties = "animetracker.search.watch.max-per-user=6")
class WatchMatchingIT extends WatchTestSupport {

  @Autowired WatchRepository repository;

  @Test
  void savedSearchesMatchWhatTheSearchFinds() {
    User uploader = user("mup");
    String word = uniqueWord("eqv");
    SeriesRef series = new SeriesRef(uniqueWord("eqs"), "Equivalence " + word);
    writer.series(series, List.of(), 1, Instant.now());
    List<TorrentSnapshot> docs =
        List.of(
            release(
                "[SubsPlease] " + word + " Sousou no Frieren - 05 (1080p) [ABCD1234].mkv",
                ANIME,
                uploader,
                true,
                series),
            release(
                "[SubsPlease] " + word + " Sousou no Frieren - 06 (720p) [0123ABCD].mkv",
                ANIME,
                uploader,
                true,
                series),
            release(
                "[Erai-raws] " + word + " Sousou no Frieren - 01 ~ 12 [1080p][Multiple Subtitle]",
                ANIME,
                uploader,
                false,
                null),
            release(
                "[Judas] " + word + " Sousou no Frieren S02 [BD 1080p HEVC] [Batch]",
                ANIME,
                uploader,
                false,
                null),
            release("[Judas] " + word + " Artbook [1080p]", MANGA, uploader, false, null));
    index(docs.toArray(TorrentSnapshot[]::new));
    String prefix = word.substring(0, 6);

    Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
    Map<String, Integer> expected = new LinkedHashMap<>();
    cases.put("word", Map.of("q", word));
    expected.put("word", 5);
    cases.put("word + number", Map.of("q", word + " 1080p"));
    expected.put("word + number", 4);
    cases.put("prefix + group", Map.of("q", prefix, "group", "subsplease"));
    expected.put("prefix + group", 2);
    cases.put("word - exclusion", Map.of("q", word + " -artbook"));
    expected.put("word - exclusion", 4);
    cases.put("word, resolution", Map.of("q", word, "resolution", "720p"));
    expected.put("word, resolution", 1);
    cases.put("word, batch", Map.of("q", word, "batch", true));
    cases.put("word, trusted", Map.of("q", word, "filter", 2));
    expected.put("word, trusted", 2);
    cases.put("word, episode", Map.of("q", word, "episode", 5));
    expected.put("word, episode", 2);
    cases.put("alternatives, season", Map.of("q", word + "|zzqqnothing", "season", 2));
    expected.put("alternatives, season", 1);
    cases.put("phrase", Map.of("q", "\"" + word + " sousou\""));
    expected.put("phrase", 4);
    cases.put("series, no text", Map.of("series", series.slug()));
    expected.put("series, no text", 2);
    cases.put("category, word", Map.of("q", word, "category", List.of("manga")));
    expected.put("category, word", 1);
    cases.put("excluded category", Map.of("q", word, "category", List.of("-manga")));
    expected.put("excluded category", 4);
    cases.put("source", Map.of("q", word, "source", "BD"));
    expected.put("source", 1);
    cases.put("subs", Map.of("q", prefix + " frier", "subs", "en"));
    cases.put("size", Map.of("q", word, "maxSize", "1MB"));
    expected.put("size", 5);
    cases.put("nothing", Map.of("q", word + " zzqqnothing"));
    expected.put("nothing", 0);

    List<Long> ids = docs.stream().map(TorrentSnapshot::torrentId).toList();
    int checked = 0;
    for (Map.Entry<String, Map<String, Object>> each : cases.entrySet()) {
      User subscriber = user("msub");
      ObjectNode body = JSON.valueToTree(each.getValue());
      long watch = save(subscriber, body.toString());

      List<String> pairs = new ArrayList<>(List.of("uploader", uploader.name(), "size", "100"));
      each.getValue()
          .forEach(
              (name, value) -> {
                if (value instanceof List<?> list) {
                  list.forEach(item -> pairs.addAll(List.of(name, String.valueOf(item))));
                } else {
                  pairs.addAll(List.of(name, String.valueOf(value)));
                }
              });
      Set<Long> found = new HashSet<>(search(pairs.toArray(String[]::new)).assertStatus(200).ids());
      Set<Long> matched = new HashSet<>();
      for (long id : ids) {
        if (repository.matches(id).stream().anyMatch(m -> m.watchId() == watch)) {
          matched.add(id);
        }
      }
      assertThat(matched).as(each.getKey()).isEqualTo(found);
      if (expected.containsKey(each.getKey())) {
        assertThat(found).as(each.getKey()).hasSize(expected.get(each.getKey()));
      }
      checked++;
    }
    assertThat(checked).isEqualTo(cases.size());
    // The cases are not trivial: some match several documents, some none.
    assertThat(repository.matches(ids.getFirst())).isNotEmpty();
  }

  @Test
  void theUploadersOwnSavedSearchNeverMatches() {
    User uploader = user("own");
    String word = uniqueWord("own");
    save(uploader, "{\"q\":\"" + word + "\"}");
    TorrentSnapshot mine = release("[A] " + word + " - 01.mkv", ANIME, uploader, false, null);
    index(mine);
    assertThat(repository.matches(mine.torrentId())).isEmpty();
  }
}
