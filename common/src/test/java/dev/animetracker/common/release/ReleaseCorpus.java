package dev.animetracker.common.release;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The hand-written corpus in {@code release/corpus.tsv}: one release name per line, then its
 * expected fields as {@code key=value} columns (a field not listed is expected absent). Shared by
 * the accuracy test and the benchmark.
 */
final class ReleaseCorpus {

  /** One corpus line. */
  record Entry(int line, String name, List<String> files, Map<String, String> expected) {}

  /** A field the accuracy table reports: how to read it from a parse and from the corpus. */
  record Field(
      String name, Function<ParsedRelease, Object> actual, Function<Entry, Object> wanted) {}

  private static final Set<String> KEYS =
      Set.of(
          "g", "t", "alt", "s", "e", "b", "v", "r", "src", "vc", "ac", "crc", "sub", "aud",
          "files");

  static final List<Field> FIELDS =
      List.of(
          new Field("group", ParsedRelease::group, e -> e.expected().get("g")),
          new Field("title", ParsedRelease::title, e -> e.expected().get("t")),
          new Field(
              "alternativeTitles",
              r -> new HashSet<>(r.alternativeTitles()),
              e -> set(e.expected().get("alt"), "\\s\\|\\s")),
          new Field("season", ParsedRelease::season, e -> integer(e.expected().get("s"))),
          new Field(
              "episode",
              r -> r.episodeFrom() == null ? null : r.episodeFrom() + "-" + r.episodeTo(),
              e -> episode(e.expected().get("e"))),
          new Field("batch", ParsedRelease::batch, e -> e.expected().containsKey("b")),
          new Field("version", ParsedRelease::version, e -> integer(e.expected().get("v"))),
          new Field("resolution", ParsedRelease::resolution, e -> e.expected().get("r")),
          new Field("source", ParsedRelease::source, e -> e.expected().get("src")),
          new Field("videoCodec", ParsedRelease::videoCodec, e -> e.expected().get("vc")),
          new Field("audioCodec", ParsedRelease::audioCodec, e -> e.expected().get("ac")),
          new Field("crc32", ParsedRelease::crc32, e -> e.expected().get("crc")),
          new Field(
              "subtitleLanguages",
              r -> new HashSet<>(r.subtitleLanguages()),
              e -> set(e.expected().get("sub"), ",")),
          new Field(
              "audioLanguages",
              r -> new HashSet<>(r.audioLanguages()),
              e -> set(e.expected().get("aud"), ",")));

  private ReleaseCorpus() {}

  /** The main corpus, release/corpus.tsv. */
  static List<Entry> load() {
    return load("corpus.tsv");
  }

  /** A corpus file under release/ in the test resources. */
  static List<Entry> load(String file) {
    List<Entry> entries = new ArrayList<>();
    try (InputStream in = ReleaseCorpus.class.getResourceAsStream("/release/" + file)) {
      Objects.requireNonNull(in, "release/" + file + " is missing from the test resources");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t");
        Map<String, String> expected = new HashMap<>();
        for (int i = 1; i < columns.length; i++) {
          String column = columns[i];
          int eq = column.indexOf('=');
          String key = eq < 0 ? column : column.substring(0, eq);
          if (!KEYS.contains(key) || expected.containsKey(key)) {
            throw new IllegalStateException(
                file + " line " + number + ": unknown or repeated key " + key);
          }
          expected.put(key, eq < 0 ? "" : column.substring(eq + 1));
        }
        String files = expected.remove("files");
        List<String> fileList = files == null ? List.of() : Arrays.asList(files.split("\\s\\|\\s"));
        entries.add(new Entry(number, columns[0], fileList, expected));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /** Per field: how many entries the parser got right, plus the misses for the report. */
  static Map<String, Score> score(List<Entry> entries, ReleaseParser parser) {
    Map<String, Score> scores = new LinkedHashMap<>();
    for (Field field : FIELDS) {
      scores.put(field.name(), new Score(field.name(), entries.size(), new ArrayList<>()));
    }
    for (Entry entry : entries) {
      ParsedRelease parsed = parser.parse(entry.name(), entry.files());
      for (Field field : FIELDS) {
        Object want = field.wanted().apply(entry);
        Object got = field.actual().apply(parsed);
        if (!Objects.equals(want, got)) {
          scores
              .get(field.name())
              .misses()
              .add("line " + entry.line() + " " + entry.name() + ": want " + want + ", got " + got);
        }
      }
    }
    return scores;
  }

  /** One field's result. */
  record Score(String field, int total, List<String> misses) {
    int correct() {
      return total - misses.size();
    }

    double percent() {
      return 100.0 * correct() / total;
    }

    String row() {
      return String.format(
          Locale.ROOT, "| %-18s | %3d / %3d | %6.2f %% |", field, correct(), total, percent());
    }
  }

  private static Object integer(String value) {
    return value == null ? null : Integer.valueOf(value);
  }

  private static Object episode(String value) {
    if (value == null) {
      return null;
    }
    int dash = value.indexOf('-');
    return dash < 0 ? value + "-" + value : value;
  }

  private static Set<String> set(String value, String separator) {
    Set<String> set = new HashSet<>();
    if (value != null && !value.isBlank()) {
      for (String part : value.split(separator)) {
        set.add(part.strip());
      }
    }
    return set;
  }
}
