package dev.animetracker.system.clients;

import dev.animetracker.common.bencode.BDecoder;
import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.common.bencode.BString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Debian's aria2c, one process per torrent, logging at info level to its work directory. */
public final class Aria2Client implements BitTorrentClient {

  @Override
  public String name() {
    return "aria2";
  }

  @Override
  public String peerIdPrefix() {
    return "A2-";
  }

  @Override
  public ClientProcess start(Path torrent, Path dataDirectory, Path workDirectory) {
    Path log = workDirectory.resolve("aria2.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                "aria2c",
                "--no-conf=true",
                "--dir=" + dataDirectory,
                "--listen-port=" + FreePorts.next(),
                "--enable-peer-exchange=false",
                "--bt-enable-lpd=false",
                "--enable-dht6=false",
                "--disable-ipv6=true",
                // hash what is already there: complete data makes it a seeder
                "--check-integrity=true",
                // 0.0 = keep seeding regardless of ratio, until the test stops it
                "--seed-ratio=0.0",
                "--file-allocation=none",
                "--summary-interval=5",
                "--console-log-level=notice",
                "--log=" + log,
                "--log-level=info"));
    if (announcesOverUdp(torrent)) {
      // aria2 speaks BEP 15 only through its DHT UDP socket ("udp is not supported yet"
      // otherwise); with no entry point and an empty routing table that DHT finds nobody.
      command.addAll(
          List.of(
              "--enable-dht=true",
              "--dht-listen-port=" + FreePorts.next(),
              "--dht-file-path=" + workDirectory.resolve("dht.dat")));
    } else {
      command.add("--enable-dht=false");
    }
    command.add(torrent.toString());
    return ClientProcess.start(name(), command, workDirectory, Map.of(), List.of(log));
  }

  private static boolean announcesOverUdp(Path torrent) {
    try {
      BDictionary metainfo = BDecoder.strict().decodeDictionary(Files.readAllBytes(torrent));
      return metainfo.get("announce") instanceof BString announce
          && announce.utf8().startsWith("udp://");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
