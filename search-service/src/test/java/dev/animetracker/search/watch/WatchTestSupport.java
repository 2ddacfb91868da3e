package dev.animetracker.search.watch;

import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.SeriesRef;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.release.ReleaseParser;
import dev.animetracker.search.SearchTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/** Users with tokens, releases with parsed fields, and JSON calls with a bearer token. */
abstract class WatchTestSupport extends SearchTestSupport {

  private static final ReleaseParser PARSER = new ReleaseParser();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Random RANDOM = new Random();

  /** A user: id, name and a valid access token. */
  record User(long id, String name, String token) {}

  /** A fresh user, known to the user-service stub's public profiles. */
  static User user(String prefix) {
    long id = 10_000_000L + RANDOM.nextInt(1_000_000_000);
    String name = uniqueWord(prefix);
    USER_SERVICE.putProfile(id, name);
    return new User(id, name, JWKS.token(id, name, List.of("USER")));
  }

  /** A release of this uploader whose fields are parsed from the title, as torrent-service does. */
  static TorrentSnapshot release(
      String title, CategoryRef category, User uploader, boolean trusted, SeriesRef series) {
    TorrentSnapshot s = snapshot(title, category, List.of(), uploader.name());
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return new TorrentSnapshot(
        s.torrentId(),
        s.infoHash(),
        s.infoHashV2(),
        title,
        "",
        category,
        s.tags(),
        s.size(),
        1,
        uploader.id(),
        uploader.name(),
        now,
        now,
        1,
        PARSER.parse(title, List.of()),
        trusted,
        false,
        false,
        series);
  }

  /** The same torrent at a later version with a series attached. */
  static TorrentSnapshot withSeries(TorrentSnapshot s, SeriesRef series, long version) {
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
        Instant.now().truncatedTo(ChronoUnit.MICROS),
        version,
        s.release(),
        s.trusted(),
        s.remake(),
        s.complete(),
        series);
  }

  Response call(String method, String path, String token, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response put(String path, User user, String json) {
    return call("PUT", path, user == null ? null : user.token(), json);
  }

  Response post(String path, User user, String json) {
    return call("POST", path, user == null ? null : user.token(), json);
  }

  Response get(String path, User user) {
    return call("GET", path, user == null ? null : user.token(), null);
  }

  Response delete(String path, User user) {
    return call("DELETE", path, user == null ? null : user.token(), null);
  }

  Response patch(String path, User user, String json) {
    return call("PATCH", path, user == null ? null : user.token(), json);
  }

  /** Creates a saved search and answers its id. */
  long save(User user, String json) {
    return post("/api/users/me/subscriptions", user, json)
        .assertStatus(201)
        .json()
        .get("id")
        .asLong();
  }

  static String code(Response response) {
    return response.json().get("code").asString();
  }
}
