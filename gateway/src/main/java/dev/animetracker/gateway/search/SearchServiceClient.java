package dev.animetracker.gateway.search;

import dev.animetracker.gateway.GatewayProperties;
import dev.animetracker.gateway.downstream.DownstreamCalls;
import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.search.SearchDtos.SearchPage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/**
 * The web UI's way to search-service, behind the {@code search-service} circuit breaker (the one of
 * the {@code /api/search} route): a down or slow service yields {@link
 * DownstreamResult.Unavailable}, a refused query {@link DownstreamResult.Failed}, never an error.
 */
@Component
public class SearchServiceClient {

  private final WebClient web;

  private final DownstreamCalls calls;

  SearchServiceClient(
      GatewayProperties properties,
      ReactiveCircuitBreakerFactory<?, ?> breakers,
      WebClient.Builder webClients) {
    this.web =
        DownstreamCalls.lenientWebClient(
                webClients, properties.services().searchService(), properties.timeouts())
            .build();
    this.calls = new DownstreamCalls("search-service", breakers, SearchServiceClient.class);
  }

  /**
   * One page of results.
   *
   * @param page 0-based
   * @param lang the page language; category names come back in it
   */
  public Mono<DownstreamResult<SearchPage>> search(
      SearchQuery query, int page, int size, String lang) {
    List<Map.Entry<String, String>> parameters = query.parameters();
    return calls.call(
        web.get()
            .uri(
                uri -> {
                  UriBuilder builder = uri.path("/api/search");
                  // Values go in as URI variables so they are encoded strictly ("&", "+", "#").
                  Map<String, Object> values = new HashMap<>();
                  for (int i = 0; i < parameters.size(); i++) {
                    builder.queryParam(parameters.get(i).getKey(), "{v" + i + "}");
                    values.put("v" + i, parameters.get(i).getValue());
                  }
                  return builder.queryParam("page", page).queryParam("size", size).build(values);
                })
            .header(HttpHeaders.ACCEPT_LANGUAGE, lang),
        response -> response.bodyToMono(SearchPage.class));
  }
}
