package dev.animetracker.tracker.server;

import static dev.animetracker.tracker.support.Uris.HASH;
import static dev.animetracker.tracker.support.Uris.percent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.tracker.metrics.TrackerMetrics;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.InMemoryWhitelist;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP tracker on a real loopback socket: what it buffers for a client that pipelines requests
 * and never reads the replies.
 */
class HttpBackPressureTests {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final TrackerSettings.HttpLimits LIMITS = TrackerSettings.HttpLimits.defaults();
  private static final byte[] SCRAPE =
      ("GET /scrape?info_hash=" + percent(HASH.bytes()) + " HTTP/1.1\r\nHost: tracker\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final List<SocketChannel> accepted = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private int start() throws InterruptedException {
    InMemoryWhitelist whitelist = new InMemoryWhitelist();
    whitelist.register(HASH, null);
    TrackerSettings settings =
        TrackerSettings.defaults()
            .withHttpLimits(
                new TrackerSettings.HttpLimits(
                    LIMITS.lowWaterMark(),
                    LIMITS.highWaterMark(),
                    LIMITS.maxInFlight(),
                    LIMITS.maxUnwrittenBytes(),
                    Duration.ofSeconds(2)));
    InMemorySwarms swarms =
        new InMemorySwarms(whitelist, settings, Clock.systemUTC(), new SplittableRandom(1));
    TrackerMetrics metrics = new TrackerMetrics(new SimpleMeterRegistry(), swarms);
    Channel server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    accepted.add(ch);
                    ch.pipeline().addLast(new HttpTrackerInitializer(swarms, settings, metrics));
                  }
                })
            .bind(new InetSocketAddress(LOOPBACK, 0))
            .sync()
            .channel();
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Unwritten reply bytes and replies of the connection, read on its event loop. */
  private static long[] unwritten(SocketChannel channel) throws Exception {
    return channel
        .eventLoop()
        .submit(
            () -> {
              ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
              HttpTrackerHandler handler = channel.pipeline().get(HttpTrackerHandler.class);
              return new long[] {
                buffer == null ? 0 : buffer.totalPendingWriteBytes(),
                (buffer == null ? 0 : buffer.size())
                    + (handler == null ? 0 : handler.queuedReplies())
              };
            })
        .get(5, TimeUnit.SECONDS);
  }

  @Test
  void aClientThatPipelinesWithoutReadingIsBufferedBoundedAndClosedByTheReadTimeout()
      throws Exception {
    int port = start();
    try (Socket client = new Socket()) {
      client.setReceiveBufferSize(4096);
      client.connect(new InetSocketAddress(LOOPBACK, port));
      OutputStream out = client.getOutputStream();
      Thread writer =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      // ~4 MB of requests; without back-pressure ~10 MB of replies pile up.
                      for (int i = 0; i < 50_000; i++) {
                        out.write(SCRAPE);
                      }
                    } catch (IOException closedByTheServer) {
                      // expected once the read timeout closed the connection
                    }
                  });
      await().atMost(Duration.ofSeconds(10)).until(() -> !accepted.isEmpty());
      SocketChannel channel = accepted.getFirst();
      long[] max = new long[2];
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(5))
          .until(
              () -> {
                long[] now = unwritten(channel);
                max[0] = Math.max(max[0], now[0]);
                max[1] = Math.max(max[1], now[1]);
                return !channel.isActive();
              });
      long maxBytes = max[0];
      long maxReplies = max[1];
      assertThat(channel.isActive()).as("closed by the read timeout").isFalse();
      long bound = LIMITS.highWaterMark() + LIMITS.maxUnwrittenBytes() + 16_384;
      assertThat(maxBytes).isPositive().isLessThan(bound);
      assertThat(maxReplies).isLessThan(bound / 100);
      writer.join(TimeUnit.SECONDS.toMillis(10));
      assertThat(writer.isAlive()).isFalse();
    }
  }

  @Test
  void aClientThatReadsGetsEveryPipelinedReplyInOrder() throws Exception {
    int port = start();
    int requests = 500;
    try (Socket client = new Socket()) {
      client.setSoTimeout(10_000);
      client.connect(new InetSocketAddress(LOOPBACK, port));
      OutputStream out = client.getOutputStream();
      Thread writer =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      for (int i = 0; i < requests; i++) {
                        out.write(SCRAPE);
                      }
                      out.flush();
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                  });
      InputStream in = client.getInputStream();
      byte[] buffer = new byte[65536];
      StringBuilder received = new StringBuilder();
      int replies = 0;
      while (replies < requests) {
        int n = in.read(buffer);
        assertThat(n).as("connection still open after %d replies", replies).isPositive();
        received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        int at;
        while ((at = received.indexOf("HTTP/1.1 200 OK")) >= 0) {
          replies++;
          received.delete(0, at + 1);
        }
      }
      writer.join(5000);
      assertThat(replies).isEqualTo(requests);
    }
  }
}
