package dev.animetracker.torrent.user;

import dev.animetracker.common.web.DomainException;
import dev.animetracker.torrent.web.Caller;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a personal API key (feeds, Torznab) into the caller it belongs to, by asking user-service
 * ({@code GET /internal/users/by-api-key/{key}}, not routed by the gateway). Not cached: a rotated
 * key must stop downloading at once, and one lookup per .torrent is cheap.
 */
@Component
public class ApiKeyUsers {

  private static final Logger log = LoggerFactory.getLogger(ApiKeyUsers.class);

  /** user-service issues 32 random bytes as lower-case hex; nothing else can be a key. */
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

  /** What user-service answers about the owner of a key (other fields are ignored). */
  record KeyOwner(long id, String username, boolean moderator, boolean active) {}

  private final RestClient client;
  private final JsonMapper mapper;

  ApiKeyUsers(UserServiceProperties properties, JsonMapper mapper) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(properties.connectTimeout());
    requests.setReadTimeout(properties.readTimeout());
    this.client = RestClient.builder().baseUrl(properties.url()).requestFactory(requests).build();
    this.mapper = mapper;
  }

  /**
   * The caller owning this key.
   *
   * @throws DomainException 401 {@code invalid-api-key} for an unknown, malformed or inactive
   *     account's key; 503 {@code user-service-unavailable} when user-service cannot answer
   */
  public Caller caller(String apiKey) {
    KeyOwner owner =
        owner(apiKey)
            .filter(KeyOwner::active)
            .orElseThrow(
                () ->
                    new DomainException(
                        HttpStatus.UNAUTHORIZED,
                        "invalid-api-key",
                        "This API key is not valid (it may have been replaced); copy the current"
                            + " one from your profile."));
    return new Caller(owner.id(), owner.username(), owner.moderator());
  }

  private Optional<KeyOwner> owner(String apiKey) {
    if (apiKey == null || !KEY.matcher(apiKey).matches()) {
      return Optional.empty();
    }
    byte[] body;
    try {
      body =
          client
              .get()
              .uri("/internal/users/by-api-key/{key}", apiKey)
              .accept(MediaType.APPLICATION_JSON)
              .retrieve()
              .body(byte[].class);
    } catch (HttpClientErrorException.NotFound e) {
      return Optional.empty();
    } catch (RestClientException e) {
      // Never log the key itself: it is a credential.
      log.warn("user-service did not resolve an API key: {}", e.getMessage());
      throw unavailable();
    }
    try {
      if (body == null || body.length == 0) {
        throw unavailable();
      }
      return Optional.of(mapper.readValue(body, KeyOwner.class));
    } catch (JacksonException e) {
      log.warn("Unreadable API key owner from user-service: {}", e.getOriginalMessage());
      throw unavailable();
    }
  }

  private static DomainException unavailable() {
    return new DomainException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "user-service-unavailable",
        "The API key cannot be checked right now; try again in a minute.");
  }
}
