package dev.animetracker.torrent.user;

import dev.animetracker.common.user.UserServiceProperties;
import dev.animetracker.common.web.DomainException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bans an account through user-service's public {@code PUT /api/users/{username}/ban}, with the
 * moderator's own access token: user-service re-checks the moderator role and records who banned,
 * so this service holds no power of its own over accounts. Same URL and timeouts as the internal
 * client ({@code animetracker.user-service.*}).
 */
@Component
public class UserBans {

  private static final Logger log = LoggerFactory.getLogger(UserBans.class);

  private final RestClient client;
  private final JsonMapper mapper;

  UserBans(UserServiceProperties properties, JsonMapper mapper, RestClient.Builder restClients) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(properties.connectTimeout());
    requests.setReadTimeout(properties.readTimeout());
    // Boot's builder: the call is a span of the request's trace and sends its traceparent.
    this.client = restClients.clone().baseUrl(properties.url()).requestFactory(requests).build();
    this.mapper = mapper;
  }

  /**
   * Bans {@code username} until {@code until} (null: until lifted).
   *
   * @throws DomainException 503 {@code user-service-unavailable} when user-service cannot be
   *     reached or fails; user-service's own 4xx problem (its status and {@code code}) otherwise
   */
  public void ban(String bearerToken, String username, String reason, @Nullable Instant until) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("banned", true);
    body.put("reason", reason);
    if (until != null) {
      body.put("until", until.toString());
    }
    try {
      client
          .put()
          .uri("/api/users/{username}/ban", username)
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
          .contentType(MediaType.APPLICATION_JSON)
          .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
          .body(mapper.writeValueAsString(body))
          .retrieve()
          .toBodilessEntity();
    } catch (HttpClientErrorException e) {
      throw refused(e);
    } catch (RestClientException e) {
      log.warn("user-service did not ban {}: {}", username, e.getMessage());
      throw new DomainException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "user-service-unavailable",
          "The account cannot be banned right now (user-service does not answer); nothing was"
              + " resolved. Try again in a minute.");
    }
  }

  /** user-service's refusal (404 unknown user, 403 no longer a moderator, 409 oneself, ...). */
  private DomainException refused(HttpClientErrorException e) {
    String code = "http-" + e.getStatusCode().value();
    String detail = "user-service refused the ban.";
    try {
      JsonNode problem = mapper.readTree(e.getResponseBodyAsByteArray());
      if (problem.hasNonNull("code")) {
        code = problem.get("code").asString();
      }
      if (problem.hasNonNull("detail")) {
        detail = problem.get("detail").asString();
      }
    } catch (JacksonException ignored) {
      // keep the generic code and detail
    }
    return new DomainException(HttpStatus.valueOf(e.getStatusCode().value()), code, detail);
  }
}
