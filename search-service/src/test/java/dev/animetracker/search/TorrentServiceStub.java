package dev.animetracker.search;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for torrent-service's {@code GET /internal/torrents/snapshots} and {@code GET
 * /internal/series} on a local port, answering pages of the torrents (in id order) and series (in
 * slug order) a test put in, exactly in torrent-service's shape.
 */
public final class TorrentServiceStub {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A listed torrent: its snapshot and counters. */
  public record Listed(
      TorrentSnapshot snapshot,
      long seeders,
      long leechers,
      long completed,
      Instant statsObservedAt,
      long downloads,
      long commentCount) {}

  /** A listed series. */
  public record ListedSeries(
      String slug, String title, List<String> alternativeTitles, long version, Instant updatedAt) {}

  private final ConcurrentSkipListMap<Long, Listed> torrents = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<String, ListedSeries> series = new ConcurrentSkipListMap<>();
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger unauthenticated = new AtomicInteger();
  private HttpServer server;

  private TorrentServiceStub() {}

  static TorrentServiceStub start() {
    TorrentServiceStub stub = new TorrentServiceStub();
    try {
      stub.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stub.server.createContext("/internal/torrents/snapshots", stub::handle);
    stub.server.createContext("/internal/series", stub::handleSeries);
    stub.server.start();
    return stub;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void put(Listed listed) {
    torrents.put(listed.snapshot().torrentId(), listed);
  }

  public void remove(long torrentId) {
    torrents.remove(torrentId);
  }

  public void put(ListedSeries listed) {
    series.put(listed.slug(), listed);
  }

  public void clear() {
    torrents.clear();
    series.clear();
  }

  public void down(boolean isDown) {
    down.set(isDown);
  }

  public int requests() {
    return requests.get();
  }

  /** Requests that came without a service token (and got a 401). */
  public int unauthenticated() {
    return unauthenticated.get();
  }

  /** Whether the request may be answered; if not, the refusal is sent. */
  private boolean admitted(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer stub-service-token-")) {
      // torrent-service answers /internal/** only with a service token from user-service.
      unauthenticated.incrementAndGet();
      respond(exchange, 401, "{\"status\":401,\"code\":\"unauthorized\"}");
      return false;
    }
    if (down.get()) {
      respond(exchange, 503, "{\"status\":503}");
      return false;
    }
    return true;
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] parts = pair.split("=", 2);
        query.put(
            parts[0], parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
      }
    }
    return query;
  }

  private void handleSeries(HttpExchange exchange) throws IOException {
    if (!admitted(exchange)) {
      return;
    }
    Map<String, String> query = query(exchange);
    int limit = Integer.parseInt(query.getOrDefault("limit", "500"));
    String after = query.get("after");
    List<Map<String, Object>> items = new ArrayList<>();
    for (ListedSeries listed : (after == null ? series : series.tailMap(after, false)).values()) {
      if (items.size() == limit) {
        break;
      }
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("slug", listed.slug());
      item.put("title", listed.title());
      item.put("alternativeTitles", listed.alternativeTitles());
      item.put("version", listed.version());
      item.put("updatedAt", listed.updatedAt().toString());
      items.add(item);
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("items", items);
    page.put("nextAfter", items.size() < limit ? null : items.getLast().get("slug"));
    respond(exchange, 200, JSON.writeValueAsString(page));
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (!admitted(exchange)) {
      return;
    }
    Map<String, String> query = query(exchange);
    long afterId = Long.parseLong(query.getOrDefault("afterId", "0"));
    int limit = Integer.parseInt(query.getOrDefault("limit", "500"));
    List<Map<String, Object>> items = new ArrayList<>();
    for (Listed listed : torrents.tailMap(afterId, false).values()) {
      if (items.size() == limit) {
        break;
      }
      TorrentSnapshot s = listed.snapshot();
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("torrentId", s.torrentId());
      item.put("infoHash", s.infoHash());
      item.put("infoHashV2", s.infoHashV2());
      item.put("title", s.title());
      item.put("description", s.description());
      item.put("category", s.category());
      item.put("tags", s.tags());
      item.put("size", s.size());
      item.put("fileCount", s.fileCount());
      item.put("uploaderId", s.uploaderId());
      item.put("uploaderUsername", s.uploaderUsername());
      item.put("createdAt", s.createdAt().toString());
      item.put("updatedAt", s.updatedAt().toString());
      item.put("version", s.version());
      item.put("seeders", listed.seeders());
      item.put("leechers", listed.leechers());
      item.put("completed", listed.completed());
      item.put(
          "statsObservedAt",
          listed.statsObservedAt() == null ? null : listed.statsObservedAt().toString());
      item.put("downloads", listed.downloads());
      item.put("commentCount", listed.commentCount());
      item.put("series", s.series());
      items.add(item);
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("items", items);
    page.put("asOf", Instant.now().toString());
    page.put("nextAfterId", items.size() < limit ? null : items.getLast().get("torrentId"));
    respond(exchange, 200, JSON.writeValueAsString(page));
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
