package dev.animetracker.gateway.account;

import dev.animetracker.gateway.GatewayProperties;
import dev.animetracker.gateway.account.UserServiceDtos.ApiKey;
import dev.animetracker.gateway.account.UserServiceDtos.ApiKeyStatus;
import dev.animetracker.gateway.account.UserServiceDtos.Me;
import dev.animetracker.gateway.account.UserServiceDtos.Preferences;
import dev.animetracker.gateway.account.UserServiceDtos.PublicProfile;
import dev.animetracker.gateway.account.UserServiceDtos.Registered;
import dev.animetracker.gateway.account.UserServiceDtos.TokenPair;
import dev.animetracker.gateway.downstream.DownstreamCalls;
import dev.animetracker.gateway.downstream.DownstreamResult;
import java.util.Map;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The web UI's and the session refresher's way to user-service, behind the {@code user-service}
 * circuit breaker: a down service yields {@link DownstreamResult.Unavailable}, never an error.
 */
@Component
public class UserServiceClient {

  private final WebClient web;

  private final DownstreamCalls calls;

  UserServiceClient(
      GatewayProperties properties,
      ReactiveCircuitBreakerFactory<?, ?> breakers,
      WebClient.Builder webClients) {
    this.web =
        DownstreamCalls.webClient(
                webClients, properties.services().userService(), properties.timeouts())
            .build();
    this.calls = new DownstreamCalls("user-service", breakers, UserServiceClient.class);
  }

  public Mono<DownstreamResult<TokenPair>> login(String login, String password) {
    return post("/api/auth/login", Map.of("login", login, "password", password), TokenPair.class);
  }

  public Mono<DownstreamResult<TokenPair>> refresh(String refreshToken) {
    return post("/api/auth/refresh", Map.of("refreshToken", refreshToken), TokenPair.class);
  }

  public Mono<DownstreamResult<Void>> logout(String refreshToken) {
    return post("/api/auth/logout", Map.of("refreshToken", refreshToken), Void.class);
  }

  public Mono<DownstreamResult<Registered>> register(
      String username, String email, String password, String locale) {
    return post(
        "/api/auth/register",
        Map.of("username", username, "email", email, "password", password, "locale", locale),
        Registered.class);
  }

  public Mono<DownstreamResult<Void>> verifyEmail(String token) {
    return post("/api/auth/verify-email", Map.of("token", token), Void.class);
  }

  public Mono<DownstreamResult<Void>> resendVerification(String email) {
    return post("/api/auth/verify-email/resend", Map.of("email", email), Void.class);
  }

  public Mono<DownstreamResult<Void>> requestPasswordReset(String email) {
    return post("/api/auth/password-reset", Map.of("email", email), Void.class);
  }

  public Mono<DownstreamResult<Void>> confirmPasswordReset(String token, String newPassword) {
    return post(
        "/api/auth/password-reset/confirm",
        Map.of("token", token, "newPassword", newPassword),
        Void.class);
  }

  public Mono<DownstreamResult<Me>> me(String accessToken) {
    return call(
        web.get().uri("/api/users/me").headers(h -> h.setBearerAuth(accessToken)), Me.class);
  }

  public Mono<DownstreamResult<PublicProfile>> profile(String username) {
    return call(web.get().uri("/api/users/{username}", username), PublicProfile.class);
  }

  public Mono<DownstreamResult<ApiKeyStatus>> apiKeyStatus(String accessToken) {
    return call(
        web.get().uri("/api/users/me/api-key").headers(h -> h.setBearerAuth(accessToken)),
        ApiKeyStatus.class);
  }

  /** A new key (the old one stops working); the answer is the only time the key is shown. */
  public Mono<DownstreamResult<ApiKey>> rotateApiKey(String accessToken) {
    return call(
        web.post().uri("/api/users/me/api-key").headers(h -> h.setBearerAuth(accessToken)),
        ApiKey.class);
  }

  public Mono<DownstreamResult<Preferences>> preferences(String accessToken) {
    return call(
        web.get().uri("/api/users/me/preferences").headers(h -> h.setBearerAuth(accessToken)),
        Preferences.class);
  }

  public Mono<DownstreamResult<Preferences>> updatePreferences(
      String accessToken, Preferences preferences) {
    return call(
        web.put()
            .uri("/api/users/me/preferences")
            .headers(h -> h.setBearerAuth(accessToken))
            .bodyValue(preferences),
        Preferences.class);
  }

  /** Marks an account trusted or withdraws the mark (user-service allows moderators only). */
  public Mono<DownstreamResult<PublicProfile>> setTrusted(
      String accessToken, String username, boolean trusted) {
    return call(
        web.put()
            .uri("/api/users/{username}/trusted", username)
            .headers(h -> h.setBearerAuth(accessToken))
            .bodyValue(Map.of("trusted", trusted)),
        PublicProfile.class);
  }

  /** Grants or withdraws the moderator role (user-service allows moderators only). */
  public Mono<DownstreamResult<PublicProfile>> setModerator(
      String accessToken, String username, boolean moderator) {
    return call(
        web.put()
            .uri("/api/users/{username}/moderator", username)
            .headers(h -> h.setBearerAuth(accessToken))
            .bodyValue(Map.of("moderator", moderator)),
        PublicProfile.class);
  }

  /**
   * Bans ({@code reason} required, {@code until} optional) or unbans an account (user-service
   * allows moderators only).
   */
  public Mono<DownstreamResult<PublicProfile>> setBan(
      String accessToken, String username, Map<String, Object> ban) {
    return call(
        web.put()
            .uri("/api/users/{username}/ban", username)
            .headers(h -> h.setBearerAuth(accessToken))
            .bodyValue(ban),
        PublicProfile.class);
  }

  private <T> Mono<DownstreamResult<T>> post(String path, Object body, Class<T> type) {
    return call(web.post().uri(path).bodyValue(body), type);
  }

  private <T> Mono<DownstreamResult<T>> call(
      WebClient.RequestHeadersSpec<?> request, Class<T> type) {
    return calls.call(request, type == Void.class ? null : response -> response.bodyToMono(type));
  }
}
