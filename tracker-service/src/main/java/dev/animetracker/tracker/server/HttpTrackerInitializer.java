package dev.animetracker.tracker.server;

import dev.animetracker.tracker.metrics.TrackerMetrics;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.TrackerSettings;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.util.concurrent.TimeUnit;

/** The pipeline of one HTTP tracker connection. */
final class HttpTrackerInitializer extends ChannelInitializer<SocketChannel> {

  /** An announce URI with a 74-hash scrape fits in 8 KiB; anything longer is not a tracker call. */
  private static final int MAX_INITIAL_LINE = 8192;

  private static final int MAX_HEADERS = 8192;
  private final AnnounceService service;
  private final TrackerSettings settings;
  private final TrackerMetrics metrics;
  private final WriteBufferWaterMark waterMark;

  HttpTrackerInitializer(
      AnnounceService service, TrackerSettings settings, TrackerMetrics metrics) {
    this.metrics = metrics;
    this.service = service;
    this.settings = settings;
    this.waterMark =
        new WriteBufferWaterMark(settings.http().lowWaterMark(), settings.http().highWaterMark());
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ch.config().setWriteBufferWaterMark(waterMark);
    // While reading is paused for back-pressure no read arrives either, so this also closes a
    // client that never reads its replies.
    ch.pipeline()
        .addLast(
            new ReadTimeoutHandler(settings.http().readTimeout().toMillis(), TimeUnit.MILLISECONDS))
        .addLast(
            new HttpServerCodec(
                new HttpDecoderConfig()
                    .setMaxInitialLineLength(MAX_INITIAL_LINE)
                    .setMaxHeaderSize(MAX_HEADERS)))
        .addLast(new HttpTrackerHandler(service, settings, metrics));
  }
}
