package dev.animetracker.system.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's transmission-cli (Transmission 3.00) with a configuration directory of its own.
 *
 * <p>Use it as a seeder: Transmission drops loopback addresses a tracker hands out as "martian", so
 * it never connects to a 127.0.0.1 peer itself, while it does accept connections from one.
 */
public final class TransmissionClient implements BitTorrentClient {

  /** Only the tracker finds peers; no RPC server, no port mapping; debug log (shows announces). */
  private static final String SETTINGS =
      """
      {
        "bind-address-ipv4": "127.0.0.1",
        "bind-address-ipv6": "::1",
        "dht-enabled": false,
        "lpd-enabled": false,
        "pex-enabled": false,
        "port-forwarding-enabled": false,
        "rpc-enabled": false,
        "ratio-limit-enabled": false,
        "idle-seeding-limit-enabled": false,
        "message-level": 3
      }
      """;

  @Override
  public String name() {
    return "transmission";
  }

  @Override
  public String peerIdPrefix() {
    return "-TR";
  }

  @Override
  public ClientProcess start(Path torrent, Path dataDirectory, Path workDirectory) {
    Path config = workDirectory.resolve("config");
    try {
      Files.createDirectories(config);
      Files.writeString(config.resolve("settings.json"), SETTINGS, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return ClientProcess.start(
        name(),
        List.of(
            "transmission-cli",
            "--config-dir",
            config.toString(),
            "--download-dir",
            dataDirectory.toString(),
            "--port",
            String.valueOf(FreePorts.next()),
            torrent.toString()),
        workDirectory,
        Map.of(),
        List.of());
  }
}
