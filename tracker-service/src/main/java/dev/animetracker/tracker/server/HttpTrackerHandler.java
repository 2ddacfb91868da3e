package dev.animetracker.tracker.server;

import dev.animetracker.tracker.metrics.TrackerMetrics;
import dev.animetracker.tracker.protocol.Addresses;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.HttpReplies;
import dev.animetracker.tracker.protocol.HttpRequestParser;
import dev.animetracker.tracker.protocol.ScrapeRequest;
import dev.animetracker.tracker.protocol.TrackerProtocolException;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.protocol.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /announce} and {@code GET /scrape} (BEP 3, BEP 48) behind an {@code
 * HttpServerCodec}. Refusals are bencoded {@code failure reason} replies with status 200, as
 * clients expect; only an unknown path (404), another method (405) or an unparseable request (400)
 * get an HTTP error status. Replies leave in request order even when the swarm store answers out of
 * order (HTTP pipelining). One instance per connection.
 *
 * <p>Back-pressure: the connection stops reading (auto-read off) while its outbound buffer is above
 * the high water mark or {@code maxInFlight} requests wait for their reply, and resumes when that
 * drains; a client that never reads therefore stops being read, and the read timeout closes it.
 * Requests already decoded from one read are still answered, but once the unwritten replies exceed
 * {@code maxUnwrittenBytes} beyond the low water mark the connection is closed, so the replies
 * buffered for one connection stay bounded whatever it sends.
 */
final class HttpTrackerHandler extends SimpleChannelInboundHandler<HttpObject> {

  private static final Logger log = LoggerFactory.getLogger(HttpTrackerHandler.class);

  private static final byte[] NOT_FOUND = "not found\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] METHOD_NOT_ALLOWED =
      "method not allowed\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BAD_REQUEST = "bad request\n".getBytes(StandardCharsets.US_ASCII);

  private final AnnounceService service;
  private final TrackerMetrics metrics;
  private final TrackerSettings settings;
  private final HttpRequestParser parser;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();

  HttpTrackerHandler(AnnounceService service, TrackerSettings settings, TrackerMetrics metrics) {
    this.service = metrics.meter(service, Transport.HTTP);
    this.metrics = metrics;
    this.settings = settings;
    this.parser = new HttpRequestParser(settings);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
    if (!(msg instanceof HttpRequest request)) {
      return; // request bodies are not used; SimpleChannelInboundHandler releases them
    }
    if (!ctx.channel().isActive()) {
      return; // closed below while the codec still hands out requests of the last read
    }
    if (!ctx.channel().isWritable()
        && ctx.channel().bytesBeforeWritable() > settings.http().maxUnwrittenBytes()) {
      log.debug(
          "Closing HTTP tracker connection {}: it does not read", ctx.channel().remoteAddress());
      ctx.close();
      return;
    }
    HttpVersion version = request.protocolVersion();
    if (request.decoderResult().isFailure()) {
      enqueue(ctx, false, plain(version, HttpResponseStatus.BAD_REQUEST, BAD_REQUEST));
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    String uri = request.uri();
    String path = HttpRequestParser.path(uri);
    boolean announce = path.equals("/announce");
    if (!announce && !path.equals("/scrape")) {
      enqueue(ctx, keepAlive, plain(version, HttpResponseStatus.NOT_FOUND, NOT_FOUND));
      return;
    }
    if (!HttpMethod.GET.equals(request.method())) {
      FullHttpResponse response =
          plain(version, HttpResponseStatus.METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED);
      response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.GET.name());
      enqueue(ctx, keepAlive, response);
      return;
    }
    Pending slot = new Pending(keepAlive);
    pending.add(slot);
    try {
      if (announce) {
        InetAddress tcpPeer = remoteAddress(ctx);
        boolean trusted = settings.isTrustedProxy(tcpPeer);
        InetAddress client = trusted ? forwardedFor(request, tcpPeer) : tcpPeer;
        AnnounceRequest parsed = parser.parseAnnounce(uri, client, trusted);
        answer(
            ctx,
            slot,
            version,
            service.announce(parsed),
            result ->
                out -> HttpReplies.announce(out, parsed, result, settings.peerIdsInReplies()));
      } else {
        ScrapeRequest parsed = parser.parseScrape(uri);
        answer(
            ctx,
            slot,
            version,
            service.scrape(parsed),
            result -> out -> HttpReplies.scrape(out, result));
      }
    } catch (TrackerProtocolException refused) {
      metrics.malformed(Transport.HTTP);
      slot.response = failure(ctx, version, refused.failureReason());
    } catch (RuntimeException e) {
      slot.response = failure(ctx, version, Replies.failureReason(e));
    }
    drain(ctx, false);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
    updateReading(ctx);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    updateReading(ctx);
    super.channelWritabilityChanged(ctx);
  }

  /** Reads on while the client takes its replies and few requests are in flight. */
  private void updateReading(ChannelHandlerContext ctx) {
    boolean read = ctx.channel().isWritable() && pending.size() < settings.http().maxInFlight();
    if (ctx.channel().config().isAutoRead() != read) {
      ctx.channel().config().setAutoRead(read);
    }
  }

  /** Replies waiting for their turn or their answer (package-private for tests). */
  int queuedReplies() {
    return pending.size();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    for (Pending slot : pending) {
      if (slot.response != null) {
        slot.response.release();
      }
    }
    pending.clear();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("Closing HTTP tracker connection {}", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }

  private <T> void answer(
      ChannelHandlerContext ctx,
      Pending slot,
      HttpVersion version,
      CompletionStage<T> stage,
      Function<T, Body> body) {
    if (stage instanceof CompletableFuture<T> future && future.isDone()) {
      slot.response = response(ctx, version, future, body);
      return;
    }
    stage.whenCompleteAsync(
        (result, error) -> {
          if (!ctx.channel().isActive()) {
            return;
          }
          slot.response =
              error == null
                  ? bencoded(ctx, version, body.apply(result))
                  : failure(ctx, version, Replies.failureReason(error));
          drain(ctx, true);
        },
        ctx.executor());
  }

  private static <T> FullHttpResponse response(
      ChannelHandlerContext ctx,
      HttpVersion version,
      CompletableFuture<T> done,
      Function<T, Body> body) {
    T result;
    try {
      result = done.join();
    } catch (RuntimeException e) {
      return failure(ctx, version, Replies.failureReason(e));
    }
    return bencoded(ctx, version, body.apply(result));
  }

  private void enqueue(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
    Pending slot = new Pending(keepAlive);
    slot.response = response;
    pending.add(slot);
    drain(ctx, false);
  }

  /** Writes the finished replies at the head of the queue, in request order. */
  private void drain(ChannelHandlerContext ctx, boolean flush) {
    while (!pending.isEmpty() && pending.peek().response != null) {
      Pending slot = pending.poll();
      HttpUtil.setKeepAlive(slot.response, slot.keepAlive);
      if (slot.keepAlive) {
        ctx.write(slot.response);
      } else {
        ctx.writeAndFlush(slot.response).addListener(ChannelFutureListener.CLOSE);
        for (Pending dropped : pending) {
          if (dropped.response != null) {
            dropped.response.release();
          }
        }
        pending.clear();
        return;
      }
    }
    if (flush) {
      ctx.flush();
      updateReading(ctx);
    }
  }

  private static FullHttpResponse failure(
      ChannelHandlerContext ctx, HttpVersion version, String reason) {
    return bencoded(ctx, version, out -> HttpReplies.failure(out, reason));
  }

  private static FullHttpResponse bencoded(
      ChannelHandlerContext ctx, HttpVersion version, Body body) {
    ByteBuf content = ctx.alloc().buffer(256);
    try {
      body.writeTo(content);
    } catch (RuntimeException e) {
      content.release();
      throw e;
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(version, HttpResponseStatus.OK, content);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
    return response;
  }

  private static FullHttpResponse plain(
      HttpVersion version, HttpResponseStatus status, byte[] text) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(version, status, Unpooled.wrappedBuffer(text));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, text.length);
    return response;
  }

  private static InetAddress remoteAddress(ChannelHandlerContext ctx) {
    SocketAddress remote = ctx.channel().remoteAddress();
    if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return Addresses.normalize(inet.getAddress());
    }
    throw new IllegalStateException("not an IP connection: " + remote);
  }

  /**
   * The client behind a trusted proxy: the last {@code X-Forwarded-For} hop (the one the proxy
   * added), else {@code X-Real-IP}, else the proxy itself.
   */
  private static InetAddress forwardedFor(HttpRequest request, InetAddress proxy) {
    String forwarded = request.headers().get("X-Forwarded-For");
    if (forwarded != null) {
      InetAddress last =
          Addresses.parseLiteral(forwarded.substring(forwarded.lastIndexOf(',') + 1).strip());
      if (last != null) {
        return last;
      }
    }
    String realIp = request.headers().get("X-Real-IP");
    InetAddress real = realIp == null ? null : Addresses.parseLiteral(realIp.strip());
    return real != null ? real : proxy;
  }

  @FunctionalInterface
  private interface Body {
    void writeTo(ByteBuf out);
  }

  private static final class Pending {
    private final boolean keepAlive;
    private FullHttpResponse response;

    Pending(boolean keepAlive) {
      this.keepAlive = keepAlive;
    }
  }
}
