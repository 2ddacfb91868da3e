package dev.animetracker.system.clients;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Listen ports for clients: free for TCP and UDP at once (uTP and DHT share the number). */
final class FreePorts {

  private FreePorts() {}

  static int next() {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
          return port;
        } catch (IOException ignored) {
          // the UDP side of this number is in use; try another
        }
      } catch (IOException e) {
        throw new IllegalStateException("no free local port", e);
      }
    }
    throw new IllegalStateException("no port free for both TCP and UDP after 50 attempts");
  }
}
