package dev.animetracker.tracker.server;

import dev.animetracker.tracker.metrics.TrackerMetrics;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.ConnectionIds;
import dev.animetracker.tracker.protocol.TrackerSettings;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tracker's listening sockets: HTTP on a TCP port and BEP 15 on the UDP port of the same
 * number. Uses epoll where available, with one {@code SO_REUSEPORT} datagram socket per event loop
 * so that UDP is spread over all threads. Start and stop it from the application's lifecycle.
 */
public final class TrackerServer implements AutoCloseable {

  private final EventLoopGroup group;
  private final List<Channel> channels;
  private final int port;

  /** Room for one request datagram: announces are 98 bytes, plus BEP 41 options. */
  private static final int DATAGRAM_SLOT = 1024;

  private static final int DATAGRAMS_PER_READ = 32;

  private TrackerServer(EventLoopGroup group, List<Channel> channels, int port) {
    this.group = group;
    this.channels = channels;
    this.port = port;
  }

  /**
   * Binds both sockets.
   *
   * @param address the address and port to bind; port 0 picks a free TCP port and binds UDP to the
   *     same number
   * @param threads event loop threads, 0 for one per core (more only adds context switches: every
   *     loop is busy on its own socket)
   */
  public static TrackerServer start(
      InetSocketAddress address,
      int threads,
      AnnounceService service,
      TrackerSettings settings,
      ConnectionIds connectionIds,
      TrackerMetrics metrics)
      throws InterruptedException {
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    int loops = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(loops, io);
    List<Channel> channels = new ArrayList<>();
    try {
      Class<? extends ServerChannel> serverChannel =
          epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
      ServerBootstrap tcp =
          new ServerBootstrap()
              .group(group)
              .channel(serverChannel)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .option(ChannelOption.SO_REUSEADDR, true)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(new HttpTrackerInitializer(service, settings, metrics));
      if (epoll) {
        // One listening socket per event loop: the kernel spreads new connections over them, so
        // accepting (most of the work of one-request connections) is not one thread's job.
        tcp.option(EpollChannelOption.SO_REUSEPORT, true);
      }
      Channel http = tcp.bind(address).sync().channel();
      channels.add(http);
      int port = ((InetSocketAddress) http.localAddress()).getPort();
      InetSocketAddress bound = new InetSocketAddress(address.getAddress(), port);
      for (int i = 1; epoll && i < countLoops(group); i++) {
        channels.add(tcp.bind(bound).sync().channel());
      }

      UdpTrackerHandler udpHandler =
          new UdpTrackerHandler(service, connectionIds, settings, metrics);
      Class<? extends DatagramChannel> datagramChannel =
          epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
      Bootstrap udp =
          new Bootstrap()
              .group(group)
              .channel(datagramChannel)
              .option(ChannelOption.SO_RCVBUF, 4 << 20)
              .option(ChannelOption.SO_SNDBUF, 4 << 20)
              .handler(udpHandler);
      int sockets = 1;
      if (epoll) {
        // recvmmsg: up to 32 datagrams (BEP 15 requests are < 1 KiB) per system call.
        udp.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, DATAGRAM_SLOT)
            .option(
                ChannelOption.RECVBUF_ALLOCATOR,
                new FixedRecvByteBufAllocator(DATAGRAM_SLOT * DATAGRAMS_PER_READ));
        udp.option(EpollChannelOption.SO_REUSEPORT, true);
        sockets = Math.max(1, countLoops(group));
      }
      InetSocketAddress udpAddress = new InetSocketAddress(address.getAddress(), port);
      for (int i = 0; i < sockets; i++) {
        channels.add(udp.bind(udpAddress).sync().channel());
      }
      return new TrackerServer(group, channels, port);
    } catch (InterruptedException | RuntimeException e) {
      channels.forEach(Channel::close);
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
  }

  private static int countLoops(EventLoopGroup group) {
    int loops = 0;
    for (var ignored : group) {
      loops++;
    }
    return loops;
  }

  /** The bound port number (TCP and UDP). */
  public int port() {
    return port;
  }

  /** Closes the sockets and stops the event loops, letting in-flight replies go out. */
  @Override
  public void close() {
    channels.forEach(channel -> channel.close().awaitUninterruptibly());
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
