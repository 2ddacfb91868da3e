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
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.UnixChannelOption;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tracker's listening sockets: HTTP on a TCP port and BEP 15 on the UDP port of the same
 * number. Uses a native transport (epoll or io_uring, see {@link SocketTransport}) where available,
 * with one {@code SO_REUSEPORT} datagram socket per event loop so that UDP is spread over all
 * threads. Start and stop it from the application's lifecycle.
 */
public final class TrackerServer implements AutoCloseable {

  private final EventLoopGroup group;
  private final List<Channel> channels;
  private final int port;
  private final SocketTransport transport;

  /** At least this much room per request datagram: announces are 98 bytes, plus BEP 41 options. */
  private static final int MIN_DATAGRAM_SLOT = 1024;

  /** The largest UDP payload over IPv4. */
  private static final int MAX_DATAGRAM_SLOT = 65_507;

  private static final int DATAGRAMS_PER_READ = 32;

  private TrackerServer(
      EventLoopGroup group, List<Channel> channels, int port, SocketTransport transport) {
    this.group = group;
    this.channels = channels;
    this.port = port;
    this.transport = transport;
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
    return start(address, threads, SocketTransport.AUTO, service, settings, connectionIds, metrics);
  }

  /**
   * Binds both sockets over the given transport.
   *
   * @param transport the socket transport; one that is not available here fails the start
   */
  public static TrackerServer start(
      InetSocketAddress address,
      int threads,
      SocketTransport transport,
      AnnounceService service,
      TrackerSettings settings,
      ConnectionIds connectionIds,
      TrackerMetrics metrics)
      throws InterruptedException {
    SocketTransport resolved = transport.resolve();
    Io io = Io.of(resolved);
    boolean nativeSockets = io.reusePort();
    int loops = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(loops, io.handlers());
    List<Channel> channels = new ArrayList<>();
    try {
      Class<? extends ServerChannel> serverChannel = io.serverChannel();
      ServerBootstrap tcp =
          new ServerBootstrap()
              .group(group)
              .channel(serverChannel)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .option(ChannelOption.SO_REUSEADDR, true)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(new HttpTrackerInitializer(service, settings, metrics));
      if (nativeSockets) {
        // One listening socket per event loop: the kernel spreads new connections over them, so
        // accepting (most of the work of one-request connections) is not one thread's job.
        tcp.option(UnixChannelOption.SO_REUSEPORT, true);
      }
      Channel http = tcp.bind(address).sync().channel();
      channels.add(http);
      int port = ((InetSocketAddress) http.localAddress()).getPort();
      InetSocketAddress bound = new InetSocketAddress(address.getAddress(), port);
      for (int i = 1; nativeSockets && i < countLoops(group); i++) {
        channels.add(tcp.bind(bound).sync().channel());
      }

      UdpTrackerHandler udpHandler =
          new UdpTrackerHandler(service, connectionIds, settings, metrics);
      Class<? extends DatagramChannel> datagramChannel = io.datagramChannel();
      Bootstrap udp =
          new Bootstrap()
              .group(group)
              .channel(datagramChannel)
              .option(ChannelOption.SO_RCVBUF, 4 << 20)
              .option(ChannelOption.SO_SNDBUF, 4 << 20)
              .handler(udpHandler);
      int sockets = 1;
      if (nativeSockets) {
        // recvmmsg: up to 32 datagrams (BEP 15 requests are < 1 KiB) per system call.
        // A slot must hold the largest scrape allowed (16 + 20 bytes per hash: 1496 for 74 hashes):
        // a longer datagram is cut to the slot and then refused as not carrying whole hashes.
        int slot = datagramSlot(settings.maxScrapeHashes());
        udp.option(io.maxDatagramPayload(), slot)
            .option(
                ChannelOption.RECVBUF_ALLOCATOR,
                new FixedRecvByteBufAllocator(slot * DATAGRAMS_PER_READ));
        udp.option(UnixChannelOption.SO_REUSEPORT, true);
        sockets = Math.max(1, countLoops(group));
      }
      InetSocketAddress udpAddress = new InetSocketAddress(address.getAddress(), port);
      for (int i = 0; i < sockets; i++) {
        channels.add(udp.bind(udpAddress).sync().channel());
      }
      return new TrackerServer(group, channels, port, resolved);
    } catch (InterruptedException | RuntimeException e) {
      channels.forEach(Channel::close);
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
  }

  /**
   * What one transport is made of. {@code reusePort}: native sockets, one per loop, which also take
   * the recvmmsg-style options (NIO has neither; its payload option is never set).
   */
  private record Io(
      IoHandlerFactory handlers,
      Class<? extends ServerChannel> serverChannel,
      Class<? extends DatagramChannel> datagramChannel,
      boolean reusePort,
      ChannelOption<Integer> maxDatagramPayload) {

    static Io of(SocketTransport transport) {
      return switch (transport) {
        case IO_URING ->
            new Io(
                IoUringIoHandler.newFactory(),
                IoUringServerSocketChannel.class,
                IoUringDatagramChannel.class,
                true,
                IoUringChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE);
        case EPOLL ->
            new Io(
                EpollIoHandler.newFactory(),
                EpollServerSocketChannel.class,
                EpollDatagramChannel.class,
                true,
                EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE);
        case NIO, AUTO ->
            new Io(
                NioIoHandler.newFactory(),
                NioServerSocketChannel.class,
                NioDatagramChannel.class,
                false,
                EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE);
      };
    }
  }

  /** Room for one request datagram, for scrapes of up to {@code maxScrapeHashes} hashes. */
  static int datagramSlot(int maxScrapeHashes) {
    long scrape = 16L + 20L * maxScrapeHashes;
    return (int) Math.min(MAX_DATAGRAM_SLOT, Math.max(MIN_DATAGRAM_SLOT, scrape));
  }

  private static int countLoops(EventLoopGroup group) {
    int loops = 0;
    for (var ignored : group) {
      loops++;
    }
    return loops;
  }

  /** The transport the sockets use (never {@link SocketTransport#AUTO}). */
  public SocketTransport transport() {
    return transport;
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
