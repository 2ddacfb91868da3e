package dev.animetracker.gateway.account;

import dev.animetracker.gateway.GatewayProperties;
import dev.animetracker.gateway.account.UserServiceDtos.ApiKey;
import dev.animetracker.gateway.account.UserServiceDtos.Me;
import dev.animetracker.gateway.account.UserServiceDtos.Preferences;
import dev.animetracker.gateway.account.UserServiceDtos.PublicProfile;
import dev.animetracker.gateway.account.UserServiceDtos.Registered;
import dev.animetracker.gateway.account.UserServiceDtos.TokenPair;
import dev.animetracker.gateway.account.UserServiceResult.FieldError;
import io.netty.channel.ChannelOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The web UI's and the session refresher's way to user-service, behind the {@code user-service}
 * circuit breaker: a down service yields {@link UserServiceResult.Unavailable}, never an error.
 */
@Component
public class UserServiceClient {

  private static final Logger log = LoggerFactory.getLogger(UserServiceClient.class);

  private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM =
      new ParameterizedTypeReference<>() {};

  private final WebClient web;

  private final ReactiveCircuitBreaker circuitBreaker;

  UserServiceClient(GatewayProperties properties, ReactiveCircuitBreakerFactory<?, ?> breakers) {
    HttpClient http =
        HttpClient.create()
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) properties.timeouts().connect().toMillis())
            .responseTimeout(properties.timeouts().response());
    this.web =
        WebClient.builder()
            .baseUrl(properties.services().userService().toString())
            .clientConnector(new ReactorClientHttpConnector(http))
            .build();
    this.circuitBreaker = breakers.create("user-service");
  }

  public Mono<UserServiceResult<TokenPair>> login(String login, String password) {
    return post("/api/auth/login", Map.of("login", login, "password", password), TokenPair.class);
  }

  public Mono<UserServiceResult<TokenPair>> refresh(String refreshToken) {
    return post("/api/auth/refresh", Map.of("refreshToken", refreshToken), TokenPair.class);
  }

  public Mono<UserServiceResult<Void>> logout(String refreshToken) {
    return post("/api/auth/logout", Map.of("refreshToken", refreshToken), Void.class);
  }

  public Mono<UserServiceResult<Registered>> register(
      String username, String email, String password, String locale) {
    return post(
        "/api/auth/register",
        Map.of("username", username, "email", email, "password", password, "locale", locale),
        Registered.class);
  }

  public Mono<UserServiceResult<Void>> verifyEmail(String token) {
    return post("/api/auth/verify-email", Map.of("token", token), Void.class);
  }

  public Mono<UserServiceResult<Void>> resendVerification(String email) {
    return post("/api/auth/verify-email/resend", Map.of("email", email), Void.class);
  }

  public Mono<UserServiceResult<Void>> requestPasswordReset(String email) {
    return post("/api/auth/password-reset", Map.of("email", email), Void.class);
  }

  public Mono<UserServiceResult<Void>> confirmPasswordReset(String token, String newPassword) {
    return post(
        "/api/auth/password-reset/confirm",
        Map.of("token", token, "newPassword", newPassword),
        Void.class);
  }

  public Mono<UserServiceResult<Me>> me(String accessToken) {
    return call(
        web.get().uri("/api/users/me").headers(h -> h.setBearerAuth(accessToken)), Me.class);
  }

  public Mono<UserServiceResult<PublicProfile>> profile(String username) {
    return call(web.get().uri("/api/users/{username}", username), PublicProfile.class);
  }

  public Mono<UserServiceResult<ApiKey>> apiKey(String accessToken, boolean rotate) {
    return call(
        web.method(rotate ? HttpMethod.POST : HttpMethod.GET)
            .uri("/api/users/me/api-key")
            .headers(h -> h.setBearerAuth(accessToken)),
        ApiKey.class);
  }

  public Mono<UserServiceResult<Preferences>> preferences(String accessToken) {
    return call(
        web.get().uri("/api/users/me/preferences").headers(h -> h.setBearerAuth(accessToken)),
        Preferences.class);
  }

  public Mono<UserServiceResult<Preferences>> updatePreferences(
      String accessToken, Preferences preferences) {
    return call(
        web.put()
            .uri("/api/users/me/preferences")
            .headers(h -> h.setBearerAuth(accessToken))
            .bodyValue(preferences),
        Preferences.class);
  }

  private <T> Mono<UserServiceResult<T>> post(String path, Object body, Class<T> type) {
    return call(web.post().uri(path).bodyValue(body), type);
  }

  private <T> Mono<UserServiceResult<T>> call(
      WebClient.RequestHeadersSpec<?> request, Class<T> type) {
    Mono<UserServiceResult<T>> call = request.exchangeToMono(response -> read(response, type));
    return circuitBreaker.run(
        call,
        error -> {
          log.warn("user-service call failed: {}", error.toString());
          return Mono.just(new UserServiceResult.Unavailable<>());
        });
  }

  private static <T> Mono<UserServiceResult<T>> read(ClientResponse response, Class<T> type) {
    if (response.statusCode().is2xxSuccessful()) {
      if (type == Void.class) {
        return response.releaseBody().thenReturn(new UserServiceResult.Ok<>(null));
      }
      return response
          .bodyToMono(type)
          .<UserServiceResult<T>>map(UserServiceResult.Ok::new)
          .defaultIfEmpty(new UserServiceResult.Ok<>(null));
    }
    if (response.statusCode().is5xxServerError()) {
      // Counted by the circuit breaker and shown as "temporarily unavailable".
      return response
          .releaseBody()
          .then(
              Mono.error(
                  new IllegalStateException("user-service answered " + response.statusCode())));
    }
    int status = response.statusCode().value();
    return response
        .bodyToMono(PROBLEM)
        .onErrorResume(error -> Mono.empty())
        .defaultIfEmpty(Map.of())
        .map(problem -> failed(status, problem));
  }

  private static <T> UserServiceResult<T> failed(int status, Map<String, Object> problem) {
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
                  map.get("message") instanceof String m ? m : ""));
        }
      }
    }
    return new UserServiceResult.Failed<>(status, code, detail, List.copyOf(errors));
  }
}
