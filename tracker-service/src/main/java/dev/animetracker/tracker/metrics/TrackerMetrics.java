package dev.animetracker.tracker.metrics;

import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.AnnounceResult;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.ScrapeRequest;
import dev.animetracker.tracker.protocol.ScrapeResult;
import dev.animetracker.tracker.protocol.TrackerProtocolException;
import dev.animetracker.tracker.protocol.Transport;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.PeerLimitException;
import dev.animetracker.tracker.swarm.UnregisteredTorrentException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The tracker's Micrometer meters (see docs/tracker-service.md): {@code tracker.announces} and
 * {@code tracker.scrapes} by transport (rates give announces/s), {@code tracker.errors} by
 * transport and kind, {@code tracker.swarms} and {@code tracker.peers}. Counters are resolved once,
 * so the hot path only adds to a striped counter.
 */
public final class TrackerMetrics {

  /** Why a request was refused. */
  public enum ErrorKind {
    /** Not a parseable request: bad parameters, bad packet, unknown connection id. */
    MALFORMED,
    /** The info hash is not a live torrent of the site. */
    UNREGISTERED,
    /** A new peer from a network that holds as many peers as it may (swarm or overall cap). */
    PEER_LIMIT,
    /** Any other refusal of the swarm store. */
    REFUSED,
    /** The tracker failed (a bug or an unavailable dependency). */
    INTERNAL
  }

  private final Map<Transport, Counter> announces = new EnumMap<>(Transport.class);
  private final Map<Transport, Counter> scrapes = new EnumMap<>(Transport.class);
  private final Map<Transport, Map<ErrorKind, Counter>> errors = new EnumMap<>(Transport.class);

  public TrackerMetrics(MeterRegistry registry, InMemorySwarms swarms) {
    for (Transport transport : Transport.values()) {
      String tag = transport.name().toLowerCase(Locale.ROOT);
      announces.put(
          transport,
          Counter.builder("tracker.announces")
              .description("Announces answered with peers")
              .tag("transport", tag)
              .register(registry));
      scrapes.put(
          transport,
          Counter.builder("tracker.scrapes")
              .description("Scrapes answered")
              .tag("transport", tag)
              .register(registry));
      Map<ErrorKind, Counter> byKind = new EnumMap<>(ErrorKind.class);
      for (ErrorKind kind : ErrorKind.values()) {
        byKind.put(
            kind,
            Counter.builder("tracker.errors")
                .description("Requests answered with a failure reason or a BEP 15 error")
                .tag("transport", tag)
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .register(registry));
      }
      errors.put(transport, byKind);
    }
    Gauge.builder("tracker.swarms", swarms, s -> s.size().swarms())
        .description("Swarms held by this instance")
        .register(registry);
    Gauge.builder("tracker.peers", swarms, s -> s.size().peers())
        .description("Live peers known to this instance (its own and other instances')")
        .register(registry);
  }

  /** Counts a request that could not be parsed. */
  public void malformed(Transport transport) {
    errors.get(transport).get(ErrorKind.MALFORMED).increment();
  }

  /** The service, counting its answers and refusals. */
  public AnnounceService meter(AnnounceService service, Transport transport) {
    Counter announced = announces.get(transport);
    Counter scraped = scrapes.get(transport);
    Map<ErrorKind, Counter> failed = errors.get(transport);
    return new AnnounceService() {
      @Override
      public CompletionStage<AnnounceResult> announce(AnnounceRequest request) {
        return counted(service.announce(request), announced, failed);
      }

      @Override
      public CompletionStage<ScrapeResult> scrape(ScrapeRequest request) {
        return counted(service.scrape(request), scraped, failed);
      }
    };
  }

  /**
   * The stage, counted once it completes. The in-memory store answers with completed futures: those
   * are counted at once and handed on as they are, so the hot path allocates no dependent stage.
   */
  private static <T> CompletionStage<T> counted(
      CompletionStage<T> stage, Counter succeeded, Map<ErrorKind, Counter> failed) {
    if (stage instanceof CompletableFuture<T> future && future.isDone()) {
      switch (future.state()) {
        case SUCCESS -> succeeded.increment();
        case FAILED -> failed.get(kindOf(future.exceptionNow())).increment();
        default -> failed.get(ErrorKind.INTERNAL).increment();
      }
      return stage;
    }
    return stage.whenComplete(
        (result, error) -> {
          if (error == null) {
            succeeded.increment();
          } else {
            failed.get(kindOf(error)).increment();
          }
        });
  }

  static ErrorKind kindOf(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return switch (cause) {
      case UnregisteredTorrentException unregistered -> ErrorKind.UNREGISTERED;
      case PeerLimitException limited -> ErrorKind.PEER_LIMIT;
      case TrackerProtocolException refused -> ErrorKind.REFUSED;
      default -> ErrorKind.INTERNAL;
    };
  }
}
