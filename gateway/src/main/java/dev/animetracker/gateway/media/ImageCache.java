package dev.animetracker.gateway.media;

import dev.animetracker.gateway.media.ImageFetcher.Image;
import dev.animetracker.gateway.media.ImageFetcher.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fetched images by URL, in memory, bounded by total bytes (least recently used out first) and by
 * age; concurrent requests for one URL share one fetch, so a popular image is fetched once per
 * instance. Refusals are not cached (a transient failure must not stick).
 */
@Component
class ImageCache {

  private record Entry(Image image, Instant expires) {}

  private final ImageFetcher fetcher;

  private final long maxBytes;

  private final MediaProperties properties;

  private final Clock clock = Clock.systemUTC();

  private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

  private final Map<String, Mono<Outcome>> inFlight = new ConcurrentHashMap<>();

  private long bytes;

  ImageCache(ImageFetcher fetcher, MediaProperties properties) {
    this.fetcher = fetcher;
    this.properties = properties;
    this.maxBytes = properties.cacheBytes().toBytes();
  }

  Mono<Outcome> get(String url) {
    Image cached = cached(url);
    if (cached != null) {
      return Mono.just(cached);
    }
    return inFlight.computeIfAbsent(
        url,
        key ->
            fetcher
                .fetch(key)
                .doOnNext(
                    outcome -> {
                      if (outcome instanceof Image image) {
                        put(key, image);
                      }
                    })
                .doFinally(signal -> inFlight.remove(key))
                .cache());
  }

  private synchronized @Nullable Image cached(String url) {
    Entry entry = entries.get(url);
    if (entry == null) {
      return null;
    }
    if (entry.expires().isBefore(clock.instant())) {
      entries.remove(url);
      bytes -= entry.image().bytes().length;
      return null;
    }
    return entry.image();
  }

  private synchronized void put(String url, Image image) {
    int size = image.bytes().length;
    if (size > maxBytes) {
      return;
    }
    Entry previous =
        entries.put(url, new Entry(image, clock.instant().plus(properties.cacheTtl())));
    if (previous != null) {
      bytes -= previous.image().bytes().length;
    }
    bytes += size;
    Iterator<Entry> oldest = entries.values().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      bytes -= oldest.next().image().bytes().length;
      oldest.remove();
    }
  }
}
