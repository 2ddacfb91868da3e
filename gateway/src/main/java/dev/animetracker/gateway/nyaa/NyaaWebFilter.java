package dev.animetracker.gateway.nyaa;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Nyaa's addresses on {@code /}: {@code ?page=rss&…} is rewritten in place to our {@code /rss} (so
 * the search-service route answers it, with its caching and circuit breaker), and a browse address
 * with Nyaa's names ({@code c, f, u, s, o, p}) is redirected (302) to ours. Runs before security so
 * every later filter sees the rewritten path.
 */
@Component
class NyaaWebFilter implements WebFilter, Ordered {

  @Override
  public int getOrder() {
    return -120;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())
        || !request.getPath().pathWithinApplication().value().equals("/")) {
      return chain.filter(exchange);
    }
    MultiValueMap<String, String> params = request.getQueryParams();
    if ("rss".equals(params.getFirst("page"))) {
      URI rss = address(request.getURI(), "/rss", NyaaParameters.translate(params, true));
      ServerHttpRequest rewritten = request.mutate().uri(rss).build();
      return chain.filter(exchange.mutate().request(rewritten).build());
    }
    if (NyaaParameters.isNyaa(params)) {
      // A relative, fixed path: nothing in the query can point the redirect elsewhere.
      URI browse =
          UriComponentsBuilder.fromPath("/")
              .queryParams(NyaaParameters.translate(params, false))
              .encode()
              .build()
              .toUri();
      exchange.getResponse().setStatusCode(HttpStatus.FOUND);
      exchange.getResponse().getHeaders().setLocation(browse);
      return exchange.getResponse().setComplete();
    }
    return chain.filter(exchange);
  }

  private static URI address(URI original, String path, MultiValueMap<String, String> query) {
    return UriComponentsBuilder.fromUri(original)
        .replacePath(path)
        .replaceQueryParams(query)
        .encode()
        .build()
        .toUri();
  }
}
