package dev.animetracker.search.bench;

import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.SearchServiceApplication;
import dev.animetracker.search.api.SearchRequest;
import dev.animetracker.search.query.SearchCriteria;
import dev.animetracker.search.query.SearchResult;
import dev.animetracker.search.query.SearchService;
import dev.animetracker.search.query.SqlTrace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * {@code make bench-search}: a million generated torrents in a separate database of the read model
 * (created, Flyway-migrated and COPY-loaded once; re-runs reuse it), a search-service started
 * in-process on it, and a fixed mix of searches timed through HTTP, as a direct call of {@link
 * SearchService} in the same JVM (no HTTP: tells the service's JDBC and mapping apart from HTTP and
 * JSON) and, as the floor, the very statements the service ran replayed over one plain JDBC
 * connection. With a gateway jar (system property {@code bench.gateway.jar}, which {@code make
 * bench-search} builds and passes) the same searches are also timed through the gateway, started
 * from that jar in front of the in-process service, as users reach search. The whole mix is warmed
 * up round after round before any case is timed. Prints p50/p95/p99, the HTTP/floor p95 ratio, the
 * worst p95 against the 20 ms yardstick, the plans (index use) and index sizes.
 *
 * <p>Arguments: rows (default 1 000 000), measured runs per search (default 300). Environment:
 * {@code DB_HOST}, {@code DB_PORT}, {@code DB_USER}, {@code DB_PASSWORD}, {@code BENCH_DB_NAME}
 * (default {@code animetracker_search_bench}), {@code BENCH_SERIES} ({@code false}: no torrent
 * belongs to a series, a baseline for the series' cost; use another database name).
 */
public final class SearchBenchmark {

  private static final Logger log = LoggerFactory.getLogger(SearchBenchmark.class);

  /** The issue's goal for search through the gateway at a million torrents. */
  static final double YARDSTICK_P95_MS = 20;

  /** One search of the mix: its name and query string. */
  record Case(String name, String query) {}

  static final List<Case> MIX =
      List.of(
          new Case("common word", "q=1080p"),
          new Case("two words", "q=sousou 1080p"),
          new Case("rare word", "q=" + BenchData.RARE_WORD.toLowerCase(Locale.ROOT)),
          new Case("partial word", "q=frier"),
          new Case("category + seeders", "category=anime-rus-voice&sort=seeders"),
          new Case("tag filter", "tag=isekai"),
          new Case("empty, by date, deep page", "sort=created&page=200&size=50"),
          new Case("Cyrillic word", "q=фрирен"),
          new Case("Japanese part", "q=葬送"),
          new Case("typo (corrected)", "q=freiren"),
          new Case("series title word", "q=journey"),
          new Case("series filter", "series=" + BenchData.seriesSlug(0)),
          new Case("series filter + word", "series=" + BenchData.seriesSlug(0) + "&q=1080p"),
          // Beyond the issue's mix: other shapes of the same text searches.
          new Case("word by seeders", "q=frier&sort=seeders"),
          new Case("word by date", "q=frier&sort=created"),
          new Case("word, page 21 (tail)", "q=frier&page=20"),
          new Case("word + category", "q=frier&category=manga"),
          new Case("word + min seeders", "q=frier&minSeeders=10"),
          new Case("word + tag", "q=1080p&tag=isekai"),
          // The release filters (issue 12): alone, with a word, and Nyaa's trusted/no-remake
          // filter.
          new Case("group", "group=subsplease"),
          new Case("group + resolution", "group=erai-raws&resolution=1080p"),
          new Case("word + group + trusted", "q=frier&group=subsplease&filter=2"),
          new Case("word + episode", "q=frier&episode=5"),
          new Case("batches by seeders", "batch=true&sort=seeders"),
          new Case("source + no remakes", "source=BD&filter=1&sort=created"),
          new Case("trusted, newest", "filter=2"),
          new Case("subs + resolution", "subs=ru&resolution=720p"));

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    String host = env("DB_HOST", "127.0.0.1");
    String port = env("DB_PORT", "5432");
    String user = env("DB_USER", "postgres");
    String password = env("DB_PASSWORD", "postgres");
    String name = env("BENCH_DB_NAME", "animetracker_search_bench");
    String url = "jdbc:postgresql://" + host + ":" + port + "/" + name;

    ensureDatabase("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password, name);
    Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:db/migration", "classpath:db/common")
        .load()
        .migrate();
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      long present = count(connection, "select count(*) from torrent_doc where live");
      // Data of an older generator lacks what newer searches filter on (release fields, languages).
      if (present == rows && BenchData.VERSION.equals(generated(connection))) {
        log.info("Reusing the {} torrents already in {}", present, name);
      } else {
        long started = System.nanoTime();
        log.info("Generating {} torrents into {} (found {})", rows, name, present);
        new BenchData().load(connection, rows);
        log.info("Generated and indexed in {} s", (System.nanoTime() - started) / 1_000_000_000);
      }
    }

    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SearchServiceApplication.class)
            .run(
                // Command-line arguments: they outrank application.yml (default properties do not).
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--server.port=0",
                "--spring.kafka.listener.auto-startup=false",
                "--spring.kafka.admin.auto-create=false",
                "--logging.level.root=WARN",
                "--logging.level.dev.animetracker.search.bench=INFO");
    Process gateway = null;
    try (Connection floor = DriverManager.getConnection(url, user, password)) {
      int servicePort =
          Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
      String gatewayJar = System.getProperty("bench.gateway.jar", "");
      int gatewayPort = -1;
      if (!gatewayJar.isBlank()) {
        gatewayPort = freePort();
        gateway = startGateway(gatewayJar, servicePort, gatewayPort);
      }
      run(context, servicePort, gatewayPort, floor, runs);
      explain(context, floor);
      sizes(floor);
    } finally {
      if (gateway != null) {
        gateway.destroy();
        gateway.waitFor();
      }
      context.close();
    }
  }

  private static void run(
      ConfigurableApplicationContext context, int port, int gatewayPort, Connection floor, int runs)
      throws Exception {
    SearchService search = context.getBean(SearchService.class);
    SearchProperties properties = context.getBean(SearchProperties.class);
    NamedParameterJdbcTemplate direct =
        new NamedParameterJdbcTemplate(new SingleConnectionDataSource(floor, true));
    // The service speaks HTTP/1.1 only: no h2c upgrade offer on each new connection.
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    log.info(
        String.format(
            Locale.ROOT,
            "%-27s %8s %8s %8s | %8s %8s %8s | %8s %8s | %8s %8s %8s | %6s | %s",
            "search (ms)",
            "gw p50",
            "p95",
            "p99",
            "http p50",
            "p95",
            "p99",
            "jvm p50",
            "p95",
            "sql p50",
            "p95",
            "p99",
            "ratio",
            "total"));
    // Every case is prepared, then warmed up in rounds over the whole mix, so that the service's
    // HTTP path is compiled (C2) before any case is timed, not only by the time the last one is.
    List<HttpRequest> requests = new ArrayList<>();
    List<HttpRequest> viaGateway = new ArrayList<>();
    List<SearchCriteria> criteria = new ArrayList<>();
    List<List<SqlTrace.Statement>> traces = new ArrayList<>();
    for (Case c : MIX) {
      requests.add(
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + port + "/api/search?" + encode(c.query())))
              .timeout(Duration.ofSeconds(30))
              .GET()
              .build());
      if (gatewayPort > 0) {
        viaGateway.add(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + gatewayPort + "/api/search?" + encode(c.query())))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
      }
      SearchCriteria parsed = SearchRequest.parse(params(c.query()), properties).criteria();
      criteria.add(parsed);
      traces.add(SqlTrace.trace(() -> asServed(search, parsed)).statements());
    }
    long[] totals = new long[MIX.size()];
    for (int round = 0; round < Math.max(20, runs / 2); round++) {
      for (int k = 0; k < MIX.size(); k++) {
        HttpResponse<String> response =
            http.send(requests.get(k), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException(
              MIX.get(k).name() + ": HTTP " + response.statusCode() + " " + response.body());
        }
        if (gatewayPort > 0) {
          HttpResponse<String> proxied =
              http.send(viaGateway.get(k), HttpResponse.BodyHandlers.ofString());
          if (proxied.statusCode() != 200) {
            throw new IllegalStateException(
                MIX.get(k).name() + " via the gateway: HTTP " + proxied.statusCode());
          }
        }
        asServed(search, criteria.get(k));
        replay(direct, traces.get(k));
        String body = response.body();
        int at = body.lastIndexOf("\"total\":");
        totals[k] = Long.parseLong(body.substring(at + 8).replaceAll("[^0-9].*", ""));
      }
    }
    double worst = 0;
    String worstCase = "";
    for (int k = 0; k < MIX.size(); k++) {
      Case c = MIX.get(k);
      HttpRequest request = requests.get(k);
      List<SqlTrace.Statement> statements = traces.get(k);
      long total = totals[k];
      double[] proxied = new double[gatewayPort > 0 ? runs : 1];
      double[] service = new double[runs];
      double[] inProcess = new double[runs];
      double[] sql = new double[runs];
      for (int i = 0; i < runs; i++) {
        long start;
        if (gatewayPort > 0) {
          start = System.nanoTime();
          http.send(viaGateway.get(k), HttpResponse.BodyHandlers.ofString());
          proxied[i] = (System.nanoTime() - start) / 1e6;
        }
        start = System.nanoTime();
        http.send(request, HttpResponse.BodyHandlers.ofString());
        service[i] = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        asServed(search, criteria.get(k));
        inProcess[i] = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        replay(direct, statements);
        sql[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(proxied);
      Arrays.sort(service);
      Arrays.sort(inProcess);
      Arrays.sort(sql);
      log.info(
          String.format(
              Locale.ROOT,
              "%-27s %8s %8s %8s | %8.2f %8.2f %8.2f | %8.2f %8.2f | %8.2f %8.2f %8.2f | %5.2fx"
                  + " | %d (%d statements)",
              c.name(),
              gatewayPort > 0 ? ms(pct(proxied, 50)) : "-",
              gatewayPort > 0 ? ms(pct(proxied, 95)) : "-",
              gatewayPort > 0 ? ms(pct(proxied, 99)) : "-",
              pct(service, 50),
              pct(service, 95),
              pct(service, 99),
              pct(inProcess, 50),
              pct(inProcess, 95),
              pct(sql, 50),
              pct(sql, 95),
              pct(sql, 99),
              pct(service, 95) / pct(sql, 95),
              total,
              statements.size()));
      double p95 = gatewayPort > 0 ? pct(proxied, 95) : pct(service, 95);
      if (p95 > worst) {
        worst = p95;
        worstCase = c.name();
      }
    }
    log.info(
        String.format(
            Locale.ROOT,
            "worst p95 %s: %.2f ms (%s) against the yardstick p95 <= %.0f ms: %s",
            gatewayPort > 0 ? "through the gateway" : "through search-service (no gateway jar)",
            worst,
            worstCase,
            YARDSTICK_P95_MS,
            worst <= YARDSTICK_P95_MS ? "met" : "MISSED"));
  }

  /** What {@code /api/search} runs for these criteria: the page, and on page 0 the facets. */
  private static SearchResult asServed(SearchService search, SearchCriteria criteria) {
    SearchResult result = search.search(criteria);
    if (criteria.offset() == 0) {
      search.facets(criteria);
    }
    return result;
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * The gateway from its jar as {@code make run} starts it (its defaults, the dev profile), with
   * search routed to the in-process service; its log goes to {@code target/bench-gateway.log}.
   * Waits until it is healthy.
   */
  private static Process startGateway(String jar, int searchPort, int gatewayPort)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path logFile = Files.createDirectories(Path.of("target")).resolve("bench-gateway.log");
    ProcessBuilder builder =
        new ProcessBuilder(java, "-Xmx512m", "-jar", jar)
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile());
    builder.environment().put("SPRING_PROFILES_ACTIVE", "dev");
    builder.environment().put("SERVER_PORT", Integer.toString(gatewayPort));
    builder.environment().put("SEARCH_SERVICE_URL", "http://127.0.0.1:" + searchPort);
    Process process = builder.start();
    // Interrupting the benchmark (Ctrl-C) must not leave the gateway running on its port.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest health =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gatewayPort + "/actuator/health/liveness"))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The gateway exited; see " + logFile.toAbsolutePath());
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          log.info("Gateway from {} on port {}", jar, gatewayPort);
          return process;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      process.waitFor(250, TimeUnit.MILLISECONDS);
    }
    process.destroy();
    throw new IllegalStateException("The gateway was not healthy in 120 s; see " + logFile);
  }

  private static void replay(NamedParameterJdbcTemplate jdbc, List<SqlTrace.Statement> statements) {
    for (SqlTrace.Statement statement : statements) {
      jdbc.query(
          statement.sql(),
          statement.params(),
          (ResultSet rs) -> {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              for (int i = 1; i <= columns; i++) {
                rs.getObject(i);
              }
            }
            return null;
          });
    }
  }

  private static void explain(ConfigurableApplicationContext context, Connection floor) {
    SearchService search = context.getBean(SearchService.class);
    SearchProperties properties = context.getBean(SearchProperties.class);
    NamedParameterJdbcTemplate direct =
        new NamedParameterJdbcTemplate(new SingleConnectionDataSource(floor, true));
    for (Case c : MIX) {
      List<SqlTrace.Statement> statements =
          SqlTrace.trace(
                  () ->
                      asServed(
                          search, SearchRequest.parse(params(c.query()), properties).criteria()))
              .statements();
      for (SqlTrace.Statement statement : statements) {
        List<String> plan =
            direct.queryForList(
                "explain (analyze, buffers, costs off, timing off) " + statement.sql(),
                statement.params(),
                String.class);
        List<String> evidence = new ArrayList<>();
        for (String line : plan) {
          String trimmed = line.strip();
          if (trimmed.contains(" using ")
              || trimmed.startsWith("->  Bitmap")
              || trimmed.startsWith("->  Seq Scan")
              || trimmed.startsWith("Seq Scan")
              || trimmed.startsWith("Execution Time")) {
            evidence.add(trimmed.replaceAll("\\s+\\(actual.*", ""));
          }
        }
        log.info(
            "plan [{}] {}: {}",
            c.name(),
            firstWords(statement.sql()),
            String.join(" | ", evidence));
      }
    }
  }

  private static void sizes(Connection floor) throws SQLException {
    try (Statement statement = floor.createStatement();
        ResultSet rs =
            statement.executeQuery(
                """
                select c.relname, pg_size_pretty(pg_relation_size(c.oid)) as size
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'i')
                  and (c.relname like 'torrent_doc%' or c.relname like 'search_word%')
                order by pg_relation_size(c.oid) desc
                """)) {
      List<String> sizes = new ArrayList<>();
      while (rs.next()) {
        sizes.add(rs.getString(1) + " " + rs.getString(2));
      }
      log.info("sizes: {}", String.join(", ", sizes));
    }
  }

  private static String firstWords(String sql) {
    String flat = sql.replaceAll("\\s+", " ").strip();
    if (flat.startsWith("with m as materialized")) {
      return "facets";
    }
    if (flat.startsWith("select count(*)")) {
      return "count";
    }
    if (flat.contains("live_count")) {
      return "count (live_count)";
    }
    if (flat.contains("search_word")) {
      return "corrections";
    }
    if (flat.contains("ts_rank")) {
      return "page (relevance)";
    }
    if (flat.contains("select count(*) from best")) {
      return "count (bands)";
    }
    if (flat.startsWith("with band")) {
      return "page (bands)";
    }
    return "page";
  }

  private static double pct(double[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.clamp(index, 0, sorted.length - 1)];
  }

  private static MultiValueMap<String, String> params(String query) {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    for (String pair : query.split("&")) {
      String[] parts = pair.split("=", 2);
      params.add(parts[0], parts[1]);
    }
    return params;
  }

  private static String encode(String query) {
    StringBuilder out = new StringBuilder();
    for (String pair : query.split("&")) {
      String[] parts = pair.split("=", 2);
      out.append(out.isEmpty() ? "" : "&")
          .append(parts[0])
          .append('=')
          .append(URLEncoder.encode(parts[1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static void ensureDatabase(String adminUrl, String user, String password, String name)
      throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
        Statement statement = admin.createStatement()) {
      if (count(admin, "select count(*) from pg_database where datname = '" + name + "'") == 0) {
        statement.execute("create database " + name);
      }
    }
  }

  /** The generator version recorded on the table by {@link BenchData#load}, or null. */
  private static String generated(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("select obj_description('torrent_doc'::regclass, 'pg_class')")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static {
    // Keeps the JDK HTTP client from reusing a half-closed connection between cases.
    System.setProperty("jdk.httpclient.keepalive.timeout", "30");
  }
}
