package dev.animetracker.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Real .torrent files made by Debian's mktorrent at test time, and multipart uploads of them. */
final class Torrents {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          // HTTP/1.1 as browsers speak it over http://: an h2c upgrade through HAProxy is a 502.
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Torrents() {}

  /** A fresh, unique v1 torrent of a small folder with a Cyrillic file name. */
  static Path make(String name) {
    try {
      Path dir = Files.createTempDirectory("content");
      Path content = Files.createDirectories(dir.resolve(name));
      Files.writeString(content.resolve("Эпизод 01.mkv"), "video " + UUID.randomUUID());
      Files.writeString(content.resolve("readme.txt"), "notes " + UUID.randomUUID());
      Path torrent = dir.resolve(name + ".torrent");
      Process process =
          new ProcessBuilder(
                  "mktorrent",
                  "-a",
                  "http://original.example.org/announce",
                  "-l",
                  "15",
                  "-o",
                  torrent.toString(),
                  content.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("mktorrent failed: " + output);
      }
      return torrent;
    } catch (IOException e) {
      throw new IllegalStateException(
          "mktorrent is needed (apt-get install -y mktorrent; .ci/run installs it)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** POST /api/torrents as multipart with the given text fields. */
  static Api.Response upload(Path torrent, Map<String, String> fields, String accessToken) {
    return upload(
        torrent,
        fields,
        accessToken == null ? Map.of() : Map.of("Authorization", "Bearer " + accessToken));
  }

  /** POST /api/torrents as a release group's script does: the API key instead of a token. */
  static Api.Response uploadWithApiKey(Path torrent, Map<String, String> fields, String apiKey) {
    return upload(torrent, fields, Map.of("X-Api-Key", apiKey));
  }

  private static Api.Response upload(
      Path torrent, Map<String, String> fields, Map<String, String> credentials) {
    String boundary = "----animetracker" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      for (Map.Entry<String, String> field : fields.entrySet()) {
        body.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + field.getKey()
                    + "\"\r\n\r\n"
                    + field.getValue()
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + torrent.getFileName()
                  + "\"\r\nContent-Type: application/x-bittorrent\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(Files.readAllBytes(torrent));
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Stack.baseUrl() + "/api/torrents"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    credentials.forEach(request::header);
    return Api.send(request.build());
  }

  /** GET of a binary resource (the .torrent download). */
  static HttpResponse<byte[]> download(long torrentId, String accessToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(Stack.baseUrl() + "/api/torrents/" + torrentId + "/download"))
            .timeout(Duration.ofSeconds(30))
            .GET();
    if (accessToken != null) {
      request.header("Authorization", "Bearer " + accessToken);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The raw bencoded info dictionary of a .torrent (from {@code 4:info} to the outer end). */
  static byte[] infoBytes(byte[] torrent) {
    String latin = new String(torrent, StandardCharsets.ISO_8859_1);
    int start = latin.indexOf("4:infod") + "4:info".length();
    // mktorrent writes info as the last key, so the dictionary runs to the final 'e' of the outer
    // one.
    return java.util.Arrays.copyOfRange(torrent, start, torrent.length - 1);
  }
}
