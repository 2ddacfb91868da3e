package dev.animetracker.tracker.server;

import dev.animetracker.tracker.metrics.TrackerMetrics;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.ConnectionIds;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.protocol.Transport;
import dev.animetracker.tracker.protocol.UdpReplies;
import dev.animetracker.tracker.protocol.UdpRequest;
import dev.animetracker.tracker.protocol.UdpRequestDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves BEP 15 on a datagram channel. A request that fails before its sender is proven by a valid
 * connection id gets an error packet only when that packet is no larger than the request (a spoofed
 * source must not be answered with more bytes than it sent); otherwise, and for packets too short
 * to carry a transaction id, nothing is sent. The channel is never closed because of what a client
 * sent. Replies are written in {@code channelRead0} and flushed once per read batch in {@code
 * channelReadComplete}; answers that arrive later are flushed on their own.
 */
@Sharable
final class UdpTrackerHandler extends SimpleChannelInboundHandler<DatagramPacket> {

  private static final Logger log = LoggerFactory.getLogger(UdpTrackerHandler.class);

  private final AnnounceService service;
  private final TrackerMetrics metrics;
  private final ConnectionIds connectionIds;
  private final UdpRequestDecoder decoder;

  UdpTrackerHandler(
      AnnounceService service,
      ConnectionIds connectionIds,
      TrackerSettings settings,
      TrackerMetrics metrics) {
    this.service = metrics.meter(service, Transport.UDP);
    this.metrics = metrics;
    this.connectionIds = connectionIds;
    this.decoder = new UdpRequestDecoder(connectionIds, settings);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    InetSocketAddress sender = packet.sender();
    if (sender == null) {
      return;
    }
    UdpRequest request;
    try {
      request = decoder.decode(packet.content(), sender);
    } catch (RuntimeException e) {
      log.warn("Undecodable BEP 15 packet from {}", sender, e);
      ByteBuf content = packet.content();
      request =
          content.readableBytes() >= 16
              ? new UdpRequest.Invalid(
                  content.getInt(content.readerIndex() + 12), Replies.INTERNAL_ERROR)
              : null;
    }
    switch (request) {
      case null ->
          log.trace("Dropped a {}-byte packet from {}", packet.content().readableBytes(), sender);
      case UdpRequest.Connect connect ->
          ctx.write(
              reply(
                  ctx,
                  sender,
                  out ->
                      UdpReplies.connect(
                          out, connect.transactionId(), connectionIds.issue(sender))));
      case UdpRequest.Invalid invalid -> {
        metrics.malformed(Transport.UDP);
        if (UdpReplies.errorFits(invalid.reason(), packet.content().readableBytes())) {
          ctx.write(
              reply(
                  ctx,
                  sender,
                  out -> UdpReplies.error(out, invalid.transactionId(), invalid.reason())));
        } else {
          log.trace("Dropped an invalid request from {}: {}", sender, invalid.reason());
        }
      }
      case UdpRequest.Announce announce ->
          answer(
              ctx,
              sender,
              announce.transactionId(),
              service.announce(announce.request()),
              (out, result) ->
                  UdpReplies.announce(out, announce.transactionId(), announce.request(), result));
      case UdpRequest.Scrape scrape ->
          answer(
              ctx,
              sender,
              scrape.transactionId(),
              service.scrape(scrape.request()),
              (out, result) -> UdpReplies.scrape(out, scrape.transactionId(), result));
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A datagram channel serves everyone: one bad packet or send error must not close it.
    log.warn("BEP 15 handler error", cause);
  }

  private <T> void answer(
      ChannelHandlerContext ctx,
      InetSocketAddress sender,
      int transactionId,
      CompletionStage<T> stage,
      BiConsumer<ByteBuf, T> encoder) {
    if (stage instanceof CompletableFuture<T> future && future.isDone()) {
      ctx.write(response(ctx, sender, transactionId, future, encoder));
      return;
    }
    stage.whenCompleteAsync(
        (result, error) ->
            ctx.writeAndFlush(
                error == null
                    ? reply(ctx, sender, out -> encoder.accept(out, result))
                    : error(ctx, sender, transactionId, error)),
        ctx.executor());
  }

  private static <T> DatagramPacket response(
      ChannelHandlerContext ctx,
      InetSocketAddress sender,
      int transactionId,
      CompletableFuture<T> done,
      BiConsumer<ByteBuf, T> encoder) {
    T result;
    try {
      result = done.join();
    } catch (RuntimeException e) {
      return error(ctx, sender, transactionId, e);
    }
    return reply(ctx, sender, out -> encoder.accept(out, result));
  }

  private static DatagramPacket error(
      ChannelHandlerContext ctx, InetSocketAddress sender, int transactionId, Throwable error) {
    String reason = Replies.failureReason(error);
    return reply(ctx, sender, out -> UdpReplies.error(out, transactionId, reason));
  }

  private static DatagramPacket reply(
      ChannelHandlerContext ctx, InetSocketAddress recipient, Consumer<ByteBuf> body) {
    ByteBuf out = ctx.alloc().buffer(128);
    try {
      body.accept(out);
    } catch (RuntimeException e) {
      out.release();
      throw e;
    }
    return new DatagramPacket(out, recipient);
  }
}
