package dev.animetracker.gateway.downstream;

import dev.animetracker.gateway.GatewayProperties;
import dev.animetracker.gateway.downstream.DownstreamResult.FieldError;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to one downstream service behind its circuit breaker (named after the service): 2xx reads
 * as {@link DownstreamResult.Ok}, 4xx as {@link DownstreamResult.Failed} (from the problem+json
 * body), and 5xx, errors, timeouts and an open circuit as {@link DownstreamResult.Unavailable}.
 */
public final class DownstreamCalls {

  private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM =
      new ParameterizedTypeReference<>() {};

  /**
   * How the UI clients read service bodies: leniently, so a member a service leaves out (or sends
   * as null) reads as null, zero or false and a member it adds is ignored.
   */
  public static final JsonMapper LENIENT_JSON =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final String service;

  private final ReactiveCircuitBreaker circuitBreaker;

  private final Logger log;

  /**
   * @param service the service's name, also the circuit breaker's ({@code user-service})
   * @param client the class whose logger reports failed calls
   */
  public DownstreamCalls(
      String service, ReactiveCircuitBreakerFactory<?, ?> breakers, Class<?> client) {
    this.service = service;
    this.circuitBreaker = breakers.create(service);
    this.log = LoggerFactory.getLogger(client);
  }

  /**
   * Sends the request and reads the answer.
   *
   * @param body reads a 2xx body; {@code null} to discard it (the result is {@code Ok(null)})
   */
  public <T> Mono<DownstreamResult<T>> call(
      WebClient.RequestHeadersSpec<?> request, @Nullable Function<ClientResponse, Mono<T>> body) {
    Mono<DownstreamResult<T>> call = request.exchangeToMono(response -> read(response, body));
    return circuitBreaker.run(
        call,
        error -> {
          log.warn("{} call failed: {}", service, error.toString());
          return Mono.just(new DownstreamResult.Unavailable<>());
        });
  }

  /**
   * A client of the service at {@code baseUrl} with the downstream connect and response timeouts,
   * made from a copy of {@code webClients}, Boot's auto-configured builder, which carries the
   * observation registry: each call is a span of the page's trace and sends its {@code
   * traceparent}.
   */
  public static WebClient.Builder webClient(
      WebClient.Builder webClients, URI baseUrl, GatewayProperties.Timeouts timeouts) {
    HttpClient http =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeouts.connect().toMillis())
            .responseTimeout(timeouts.response());
    return webClients
        .clone()
        .baseUrl(baseUrl.toString())
        .clientConnector(new ReactorClientHttpConnector(http));
  }

  /** {@link #webClient} reading JSON with {@link #LENIENT_JSON}. */
  public static WebClient.Builder lenientWebClient(
      WebClient.Builder webClients, URI baseUrl, GatewayProperties.Timeouts timeouts) {
    return webClient(webClients, baseUrl, timeouts)
        .codecs(
            codecs ->
                codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(LENIENT_JSON)));
  }

  private <T> Mono<DownstreamResult<T>> read(
      ClientResponse response, @Nullable Function<ClientResponse, Mono<T>> body) {
    if (response.statusCode().is2xxSuccessful()) {
      if (body == null) {
        return response.releaseBody().thenReturn(new DownstreamResult.Ok<>(null));
      }
      return body.apply(response)
          .<DownstreamResult<T>>map(DownstreamResult.Ok::new)
          .defaultIfEmpty(new DownstreamResult.Ok<>(null));
    }
    if (response.statusCode().is5xxServerError()) {
      // Counted by the circuit breaker and shown as "temporarily unavailable".
      return response
          .releaseBody()
          .then(
              Mono.error(
                  new IllegalStateException(service + " answered " + response.statusCode())));
    }
    int status = response.statusCode().value();
    return response
        .bodyToMono(PROBLEM)
        .onErrorResume(error -> Mono.empty())
        .defaultIfEmpty(Map.of())
        .map(problem -> failed(status, problem));
  }

  private static String firstText(@Nullable Object message) {
    if (message instanceof String text) {
      return text;
    }
    if (message instanceof List<?> texts
        && !texts.isEmpty()
        && texts.getFirst() instanceof String t) {
      return t;
    }
    return "";
  }

  private static <T> DownstreamResult<T> failed(int status, Map<String, Object> problem) {
    String code = problem.get("code") instanceof String c ? c : "http-" + status;
    String detail = problem.get("detail") instanceof String d ? d : "";
    List<FieldError> errors = new ArrayList<>();
    if (problem.get("errors") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map && map.get("field") instanceof String field) {
          errors.add(
              new FieldError(
                  field,
                  map.get("code") instanceof String c ? c : "invalid",
                  map.get("message") instanceof String m ? m : "",
                  DownstreamResult.args(map.get("args"))));
        }
      }
    } else if (problem.get("errors") instanceof Map<?, ?> map) {
      // The shorter shape some services use: {"errors": {"field": "message"}}.
      map.forEach(
          (field, message) -> {
            if (field instanceof String name) {
              errors.add(new FieldError(name, "invalid", firstText(message), Map.of()));
            }
          });
    }
    return new DownstreamResult.Failed<>(
        status,
        code,
        detail,
        List.copyOf(errors),
        Collections.unmodifiableMap(new LinkedHashMap<>(problem)));
  }
}
