package dev.animetracker.gateway.assets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.resource.ResourceUrlProvider;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes every {@code @{/css/...}} / {@code @{/js/...}} link in the templates point at the content
 * hashed URL. Thymeleaf passes each link through {@link ServerWebExchange#transformUrl}, which is
 * synchronous while Spring's {@link ResourceUrlProvider} answers with a {@code Mono}; so the hashed
 * URL of every file under {@code static/} is looked up once (the files are inside the jar and never
 * change while the gateway runs) and links are then rewritten from that map.
 */
@Component
class AssetUrlFilter implements WebFilter, Ordered {

  private final ResourceUrlProvider urls;

  private final List<String> assets = staticFiles();

  /** Plain path to hashed URL; null until the first request has looked them up. */
  private final AtomicReference<@Nullable Map<String, String>> hashed = new AtomicReference<>();

  AssetUrlFilter(ResourceUrlProvider urls) {
    this.urls = urls;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return manifest(exchange)
        .flatMap(
            manifest -> {
              exchange.addUrlTransformer(url -> manifest.getOrDefault(url, url));
              return chain.filter(exchange);
            });
  }

  private Mono<Map<String, String>> manifest(ServerWebExchange exchange) {
    Map<String, String> known = hashed.get();
    if (known != null) {
      return Mono.just(known);
    }
    // Two first requests at once both look them up; the answers are the same.
    return Flux.fromIterable(assets)
        .concatMap(path -> urls.getForUriString(path, exchange).map(url -> Map.entry(path, url)))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
        .map(Map::copyOf)
        .doOnNext(hashed::set);
  }

  /** Before anything that renders (Spring Security's filters included). */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 20;
  }

  /** Every file under {@code static/} as a URL path, without the build's .gz/.br siblings. */
  static List<String> staticFiles() {
    try {
      var resolver = new PathMatchingResourcePatternResolver();
      String root = resolver.getResource(StaticAssetsConfig.LOCATION).getURL().toExternalForm();
      List<String> paths = new ArrayList<>();
      for (Resource resource : resolver.getResources(StaticAssetsConfig.LOCATION + "**/*")) {
        String url = resource.getURL().toExternalForm();
        if (resource.isReadable() && url.startsWith(root) && !url.matches(".*\\.(gz|br)$")) {
          paths.add("/" + url.substring(root.length()));
        }
      }
      return List.copyOf(paths);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the static files", e);
    }
  }
}
