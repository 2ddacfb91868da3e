package dev.animetracker.search.watch;

import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.SeriesRef;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.release.ReleaseParser;
import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.SearchServiceApplication;
import dev.animetracker.search.api.SearchRequest;
import dev.animetracker.search.index.ReadModelWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * {@code make bench-match}: release matching at scale. A generated catalogue (deterministic: shows
 * with two- and three-word romaji titles, 30 groups, resolutions, episodes, series) is indexed into
 * a separate database ({@code BENCH_DB_NAME}, default {@code animetracker_search_match_bench}),
 * then 100 000 saved searches (words and prefixes of the titles, group/resolution/series filters,
 * exclusions) are saved through the service's own parsing and anchoring, and 100 000 follows of
 * uploaders, groups and series; re-runs reuse all of it. Then new releases are indexed one by one
 * and each is matched in its own transaction ({@link ReleaseMatcher#match}: the matching
 * statements, the match rows and the outbox events), timed per release. Prints p50/p95/p99 and the
 * matches per release against the 50 ms p95 yardstick.
 *
 * <p>Arguments: documents (default 20 000), saved searches (100 000), follows (100 000), releases
 * timed (300). Environment: {@code DB_HOST}, {@code DB_PORT}, {@code DB_USER}, {@code DB_PASSWORD},
 * {@code BENCH_DB_NAME}.
 */
public final class MatchBenchmark {

  private static final Logger log = LoggerFactory.getLogger(MatchBenchmark.class);

  /** The goal per new release. */
  static final double YARDSTICK_P95_MS = 50;

  private static final String[] SYLLABLES = {
    "ka", "ki", "ku", "ke", "ko", "sa", "shi", "su", "se", "so", "ta", "chi", "tsu", "te", "to",
    "na", "ni", "nu", "ne", "no", "ha", "hi", "fu", "he", "ho", "ma", "mi", "mu", "me", "mo",
    "ya", "yu", "yo", "ra", "ri", "ru", "re", "ro", "wa", "n", "ga", "gi", "gu", "ge", "go"
  };
  private static final String[] RESOLUTIONS = {"1080p", "1080p", "720p", "480p", "2160p"};
  private static final CategoryRef ANIME =
      new CategoryRef(3, "anime-eng", "Аниме: английский перевод", "Anime: English-translated");
  private static final CategoryRef RAW =
      new CategoryRef(4, "anime-raw", "Аниме: RAW", "Anime: RAW");
  private static final int SHOWS = 3000;
  private static final int GROUPS = 30;
  private static final int UPLOADERS = 2000;
  private static final long UPLOADER_BASE = 1_000_000_000L;

  private MatchBenchmark() {}

  /** The generated world: show titles, groups, series slugs. */
  private record World(List<String> shows, List<String> groups) {

    static World of(long seed) {
      Random random = new Random(seed);
      List<String> shows = new ArrayList<>();
      while (shows.size() < SHOWS) {
        int words = 2 + random.nextInt(2);
        List<String> title = new ArrayList<>();
        for (int w = 0; w < words; w++) {
          StringBuilder word = new StringBuilder();
          int syllables = 2 + random.nextInt(3);
          for (int s = 0; s < syllables; s++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
          }
          title.add(Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        String joined = String.join(" ", title);
        if (!shows.contains(joined)) {
          shows.add(joined);
        }
      }
      List<String> groups = new ArrayList<>();
      for (int g = 0; g < GROUPS; g++) {
        groups.add("Group" + (char) ('A' + g % 26) + g);
      }
      return new World(shows, groups);
    }

    /** Zipf-like: popular shows are drawn far more often. */
    int show(Random random) {
      return (int) Math.min(SHOWS - 1, Math.floor(Math.pow(random.nextDouble(), 3) * SHOWS));
    }

    static String slug(int show) {
      return "show-" + show;
    }
  }

  public static void main(String[] args) throws Exception {
    int documents = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int searches = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int follows = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    int releases = args.length > 3 ? Integer.parseInt(args[3]) : 300;
    String host = env("DB_HOST", "127.0.0.1");
    String port = env("DB_PORT", "5432");
    String user = env("DB_USER", "postgres");
    String password = env("DB_PASSWORD", "postgres");
    String name = env("BENCH_DB_NAME", "animetracker_search_match_bench");
    String url = "jdbc:postgresql://" + host + ":" + port + "/" + name;
    ensureDatabase("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password, name);
    Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:db/migration", "classpath:db/common")
        .load()
        .migrate();

    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SearchServiceApplication.class)
            .run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--server.port=0",
                "--spring.kafka.listener.auto-startup=false",
                "--spring.kafka.admin.auto-create=false",
                // No Kafka here: the outbox keeps the events; its relay's failures are not news.
                "--animetracker.outbox.poll-interval=1h",
                "--logging.level.root=WARN",
                "--logging.level.dev.animetracker.common.outbox=OFF",
                "--logging.level.org.apache.kafka=OFF",
                "--logging.level.org.springframework.kafka=OFF",
                "--logging.level.dev.animetracker.search.watch.MatchBenchmark=INFO");
    try {
      run(context, documents, searches, follows, releases);
    } finally {
      context.close();
    }
  }

  private static void run(
      ConfigurableApplicationContext context,
      int documents,
      int searches,
      int follows,
      int releases) {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    ReadModelWriter writer = context.getBean(ReadModelWriter.class);
    WatchRepository watches = context.getBean(WatchRepository.class);
    ReleaseMatcher matcher = context.getBean(ReleaseMatcher.class);
    SearchProperties properties = context.getBean(SearchProperties.class);
    PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
    World world = World.of(13);
    ReleaseParser parser = new ReleaseParser();

    long have = jdbc.sql("select count(*) from torrent_doc where live").query(Long.class).single();
    if (have < documents) {
      long started = System.nanoTime();
      for (int i = 0; i < Math.min(SHOWS, 5000); i++) {
        writer.series(
            new SeriesRef(World.slug(i), world.shows().get(i)), List.of(), 1, Instant.now());
      }
      Random random = new Random(1);
      List<TorrentSnapshot> batch = new ArrayList<>();
      for (long i = have; i < documents; i++) {
        batch.add(release(world, random, parser, 1 + i));
        if (batch.size() == 500) {
          writer.snapshots(batch);
          batch.clear();
        }
      }
      writer.snapshots(batch);
      jdbc.sql("analyze torrent_doc").update();
      log.info(
          "Indexed {} documents in {} s",
          documents - have,
          (System.nanoTime() - started) / 1_000_000_000);
    }

    long saved =
        jdbc.sql("select count(*) from watch where kind = 'search'").query(Long.class).single();
    if (saved < searches) {
      long started = System.nanoTime();
      Map<String, Long> estimates = new HashMap<>();
      SavedSearch.Estimator estimator =
          (condition, value) ->
              estimates.computeIfAbsent(
                  condition + "|" + (value instanceof Object[] a ? Arrays.toString(a) : value),
                  key -> watches.estimate(condition, value, 1000));
      Random random = new Random(2);
      for (long i = saved; i < searches; i++) {
        MultiValueMap<String, String> params = savedSearch(world, random);
        var criteria = SearchRequest.parse(params, properties).criteria();
        SavedSearch search = SavedSearch.of(criteria, true, estimator);
        watches.insertSearch(1 + random.nextInt(50_000), search.summary(), "daily", search);
      }
      log.info(
          "Saved {} searches in {} s",
          searches - saved,
          (System.nanoTime() - started) / 1_000_000_000);
    }
    long followed =
        jdbc.sql("select count(*) from watch where kind <> 'search'").query(Long.class).single();
    if (followed < follows) {
      long started = System.nanoTime();
      Random random = new Random(3);
      for (long i = followed; i < follows; i++) {
        long userId = 1 + random.nextInt(50_000);
        double kind = random.nextDouble();
        String target;
        String type;
        if (kind < 0.5) {
          type = "user";
          target = Long.toString(UPLOADER_BASE + random.nextInt(UPLOADERS));
        } else if (kind < 0.8) {
          type = "group";
          target = world.groups().get(random.nextInt(GROUPS)).toLowerCase(Locale.ROOT);
        } else {
          type = "series";
          target = World.slug(world.show(random));
        }
        jdbc.sql(
                """
                insert into watch (user_id, kind, target, label, delivery)
                values (:u, :kind, :target, :target, 'instant') on conflict do nothing
                """)
            .param("u", userId)
            .param("kind", type)
            .param("target", target)
            .update();
      }
      log.info(
          "Followed {} in {} s", follows - followed, (System.nanoTime() - started) / 1_000_000_000);
    }
    jdbc.sql("analyze watch").update();

    Random random = new Random(System.nanoTime());
    long base =
        jdbc.sql("select coalesce(max(id), 0) from torrent_doc").query(Long.class).single() + 1;
    List<Double> millis = new ArrayList<>();
    List<Double> statementMillis = new ArrayList<>();
    long users = 0;
    int warmup = 30;
    for (int i = 0; i < releases + warmup; i++) {
      TorrentSnapshot release = release(world, random, parser, base + i);
      writer.snapshots(List.of(release));
      long statement = System.nanoTime();
      int watched = watches.matches(release.torrentId()).size();
      double statementMs = (System.nanoTime() - statement) / 1e6;
      long start = System.nanoTime();
      TransactionStatus status = transactions.getTransaction(new DefaultTransactionDefinition());
      int notified = matcher.match(release.torrentId());
      transactions.commit(status);
      double ms = (System.nanoTime() - start) / 1e6;
      if (i >= warmup) {
        millis.add(ms);
        statementMillis.add(statementMs);
        users += notified;
      }
      if (watched < notified) {
        throw new IllegalStateException("more users notified than watches matched");
      }
    }
    millis.sort(Double::compare);
    statementMillis.sort(Double::compare);
    double p95 = percentile(millis, 95);
    log.info(
        "Matching {} new releases against {} saved searches and {} follows ({} documents):",
        releases,
        searches,
        follows,
        documents);
    log.info(
        "  match + rows + outbox, per release: p50 {} ms, p95 {} ms, p99 {} ms, max {} ms",
        format(percentile(millis, 50)),
        format(p95),
        format(percentile(millis, 99)),
        format(millis.getLast()));
    log.info(
        "  the matching statements alone: p50 {} ms, p95 {} ms",
        format(percentile(statementMillis, 50)),
        format(percentile(statementMillis, 95)));
    log.info("  users notified per release: {}", format((double) users / releases));
    log.info(
        "  yardstick p95 <= {} ms: {}",
        format(YARDSTICK_P95_MS),
        p95 <= YARDSTICK_P95_MS ? "met" : "NOT met");
    log.info(
        "  anchors: {}",
        jdbc.sql(
                """
                select string_agg(k || ' ' || n, ', ') from (
                    select case when anchor = '{*}' then '*'
                                when anchor[1] like '@%' then split_part(anchor[1], ':', 1)
                                when anchor[1] like 'p:%' then 'prefix'
                                else 'word' end as k, count(*) as n
                    from watch where kind = 'search' group by 1 order by 2 desc) s
                """)
            .query(String.class)
            .single());
  }

  /** A release of a popular show by one of the uploaders. */
  private static TorrentSnapshot release(
      World world, Random random, ReleaseParser parser, long id) {
    int show = world.show(random);
    String group = world.groups().get(random.nextInt(GROUPS));
    String resolution = RESOLUTIONS[random.nextInt(RESOLUTIONS.length)];
    String title =
        "["
            + group
            + "] "
            + world.shows().get(show)
            + " - "
            + String.format(Locale.ROOT, "%02d", 1 + random.nextInt(24))
            + " ("
            + resolution
            + ") ["
            + HexFormat.of().toHexDigits(random.nextInt()).toUpperCase(Locale.ROOT)
            + "].mkv";
    byte[] hash = new byte[20];
    random.nextBytes(hash);
    long uploader = UPLOADER_BASE + random.nextInt(UPLOADERS);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return new TorrentSnapshot(
        id,
        HexFormat.of().formatHex(hash),
        null,
        title,
        "Episode of " + world.shows().get(show) + ", subtitled.",
        random.nextInt(10) == 0 ? RAW : ANIME,
        List.of(),
        700_000_000L + random.nextInt(700_000_000),
        1,
        uploader,
        "uploader" + (uploader - UPLOADER_BASE),
        now,
        now,
        1,
        parser.parse(title, List.of()),
        random.nextInt(4) == 0,
        false,
        false,
        random.nextInt(5) < 4 ? new SeriesRef(World.slug(show), world.shows().get(show)) : null);
  }

  /** A saved search of the realistic mix. */
  private static MultiValueMap<String, String> savedSearch(World world, Random random) {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    String[] words = world.shows().get(world.show(random)).toLowerCase(Locale.ROOT).split(" ");
    String group = world.groups().get(random.nextInt(GROUPS));
    double kind = random.nextDouble();
    if (kind < 0.30) {
      params.add("q", words[random.nextInt(words.length)]);
      if (random.nextBoolean()) {
        params.add("resolution", RESOLUTIONS[random.nextInt(RESOLUTIONS.length)]);
      }
    } else if (kind < 0.50) {
      params.add("q", words[0] + " " + words[1]);
    } else if (kind < 0.60) {
      String word = words[random.nextInt(words.length)];
      params.add("q", word.substring(0, Math.max(3, word.length() - 2)));
    } else if (kind < 0.72) {
      params.add("group", group);
      params.add("resolution", RESOLUTIONS[random.nextInt(RESOLUTIONS.length)]);
    } else if (kind < 0.84) {
      params.add("series", World.slug(world.show(random)));
      if (random.nextBoolean()) {
        params.add("resolution", "1080p");
      }
    } else if (kind < 0.94) {
      params.add("q", words[random.nextInt(words.length)]);
      params.add("group", group);
    } else {
      params.add("q", words[0] + " -" + words[words.length - 1] + " 1080p");
      params.add("filter", "2");
    }
    return params;
  }

  private static double percentile(List<Double> sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.clamp(index, 0, sorted.size() - 1));
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void ensureDatabase(String adminUrl, String user, String password, String name)
      throws SQLException {
    try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
        Statement statement = connection.createStatement()) {
      try (ResultSet rs =
          statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
        if (rs.next()) {
          return;
        }
      }
      statement.execute("create database \"" + name + "\"");
    }
  }
}
