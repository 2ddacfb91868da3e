package dev.animetracker.system.clients;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * Debian's qbittorrent-nox, headless, with a profile of its own; the torrent is added through its
 * WebUI API on a random loopback port (authentication is off for localhost, so no login).
 */
public final class QbittorrentClient implements BitTorrentClient {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Override
  public String name() {
    return "qbittorrent";
  }

  @Override
  public String peerIdPrefix() {
    return "-qB";
  }

  @Override
  public ClientProcess start(Path torrent, Path dataDirectory, Path workDirectory) {
    Path profile = workDirectory.resolve("profile");
    int webUiPort = FreePorts.next();
    writeConfiguration(profile, FreePorts.next(), webUiPort, dataDirectory);
    ClientProcess process =
        ClientProcess.start(
            name(),
            List.of("qbittorrent-nox", "--profile=" + profile),
            workDirectory,
            Map.of(),
            List.of(profile.resolve("qBittorrent/data/logs/qbittorrent.log")));
    try {
      String webUi = "http://127.0.0.1:" + webUiPort;
      Awaitility.await(name() + "'s WebUI answers")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                process.assertRunning();
                return status(get(webUi + "/api/v2/app/version")) == 200;
              });
      HttpResponse<String> added = addTorrent(webUi, torrent, dataDirectory);
      if (added == null || added.statusCode() != 200 || !added.body().startsWith("Ok")) {
        throw new IllegalStateException(
            "qBittorrent did not take the torrent: "
                + (added == null ? "no answer" : added.statusCode() + " " + added.body()));
      }
      return process;
    } catch (RuntimeException e) {
      process.close();
      throw new IllegalStateException(e.getMessage() + "\n" + process.diagnostics(), e);
    }
  }

  /**
   * The legal notice is accepted up front (otherwise the first start waits for a keypress); peers
   * come from the tracker only; 127.0.0.1 may hold several peers; nothing is fetched from the
   * internet (peer countries would download a GeoIP database).
   */
  private static void writeConfiguration(
      Path profile, int listenPort, int webUiPort, Path dataDirectory) {
    String configuration =
        """
        [LegalNotice]
        Accepted=true

        [BitTorrent]
        Session\\DHTEnabled=false
        Session\\LSDEnabled=false
        Session\\PeXEnabled=false
        Session\\Port=%d
        Session\\UseRandomPort=false
        Session\\Interface=lo
        Session\\InterfaceName=lo
        Session\\InterfaceAddress=127.0.0.1
        Session\\MultiConnectionsPerIp=true
        Session\\DefaultSavePath=%s

        [Preferences]
        Connection\\UPnP=false
        Connection\\ResolvePeerCountries=false
        WebUI\\Address=127.0.0.1
        WebUI\\Port=%d
        WebUI\\LocalHostAuth=false
        WebUI\\HostHeaderValidation=false
        WebUI\\CSRFProtection=false
        General\\Locale=en
        """
            .formatted(listenPort, dataDirectory, webUiPort);
    try {
      Path directory = Files.createDirectories(profile.resolve("qBittorrent/config"));
      Files.writeString(
          directory.resolve("qBittorrent.conf"), configuration, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> addTorrent(String webUi, Path torrent, Path dataDirectory) {
    String boundary = "----animetracker" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      for (Map.Entry<String, String> field :
          Map.of("savepath", dataDirectory.toString(), "paused", "false").entrySet()) {
        body.write(
            ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                    .formatted(boundary, field.getKey(), field.getValue()))
                .getBytes(StandardCharsets.UTF_8));
      }
      body.write(
          ("--%s\r\nContent-Disposition: form-data; name=\"torrents\"; filename=\"test.torrent\""
                  + "\r\nContent-Type: application/x-bittorrent\r\n\r\n")
              .formatted(boundary)
              .getBytes(StandardCharsets.UTF_8));
      body.write(Files.readAllBytes(torrent));
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(
        HttpRequest.newBuilder(URI.create(webUi + "/api/v2/torrents/add"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  private static HttpResponse<String> get(String uri) {
    return send(
        HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(2)).GET().build());
  }

  private static int status(HttpResponse<String> response) {
    return response == null ? -1 : response.statusCode();
  }

  /** The response, or null when nothing answers (the WebUI is not up yet, or has gone). */
  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException notYet) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
