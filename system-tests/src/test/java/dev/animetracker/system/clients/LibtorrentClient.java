package dev.animetracker.system.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * libtorrent-rasterbar through Debian's python3-libtorrent, always with {@code /usr/bin/python3} (a
 * virtualenv's python would not see the Debian module). A small script runs one session on one
 * torrent and logs tracker and peer alerts plus its status whenever that changes, until it is
 * stopped.
 */
public final class LibtorrentClient implements BitTorrentClient {

  static final String PYTHON = "/usr/bin/python3";

  /**
   * Loopback only, nothing that finds peers except the tracker (no DHT, local service discovery,
   * UPnP, NAT-PMP), and several connections per IP, because every peer in the test is 127.0.0.1.
   */
  private static final String SCRIPT =
      """
      import sys
      import libtorrent as lt

      torrent, save_path, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
      category = lt.alert.category_t
      session = lt.session({
          'listen_interfaces': '127.0.0.1:%d' % port,
          'enable_dht': False,
          'enable_lsd': False,
          'enable_upnp': False,
          'enable_natpmp': False,
          'allow_multiple_connections_per_ip': True,
          'user_agent': 'animetracker-system-test libtorrent/' + lt.__version__,
          'alert_mask': category.error_notification | category.tracker_notification
              | category.status_notification | category.connect_notification,
      })
      params = lt.add_torrent_params()
      params.ti = lt.torrent_info(torrent)
      params.save_path = save_path
      handle = session.add_torrent(params)
      seeding = False
      last = None
      while True:
          session.wait_for_alert(1000)
          for alert in session.pop_alerts():
              print('alert %s: %s' % (type(alert).__name__, alert.message()), flush=True)
          status = handle.status()
          line = ('status %s progress=%.3f peers=%d seeds=%d downloaded=%d uploaded=%d'
                  % (status.state, status.progress, status.num_peers, status.num_seeds,
                     status.total_download, status.total_upload))
          if line != last:
              print(line, flush=True)
              last = line
          if status.is_seeding and not seeding:
              seeding = True
              print('SEEDING', flush=True)
      """;

  @Override
  public String name() {
    return "libtorrent";
  }

  @Override
  public String peerIdPrefix() {
    return "-LT";
  }

  @Override
  public ClientProcess start(Path torrent, Path dataDirectory, Path workDirectory) {
    Path script = workDirectory.resolve("client.py");
    try {
      Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return ClientProcess.start(
        name(),
        List.of(
            PYTHON,
            "-u",
            script.toString(),
            torrent.toString(),
            dataDirectory.toString(),
            String.valueOf(FreePorts.next())),
        workDirectory,
        Map.of(),
        List.of());
  }
}
