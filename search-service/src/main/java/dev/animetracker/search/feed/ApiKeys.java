package dev.animetracker.search.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves feed API keys through user-service ({@code GET /internal/users/by-api-key/{key}}, not
 * routed by the gateway). Feed readers poll every few minutes and Torznab clients page through
 * results, so valid keys are remembered for a short while in a small bounded cache; unknown keys
 * are not, so a key created a moment ago works at once.
 */
@Component
public class ApiKeys {

  private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

  /** user-service issues 32 random bytes as lower-case hex; nothing else can be a key. */
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

  /** The owner of a key, as user-service describes it (other fields are ignored). */
  public record KeyOwner(long id, String username, boolean moderator, boolean active) {}

  private record Cached(KeyOwner owner, Instant expires) {}

  private final RestClient client;
  private final JsonMapper mapper;
  private final Clock clock;
  private final FeedProperties.UserService settings;
  private final Map<String, Cached> cache;

  @Autowired
  ApiKeys(FeedProperties properties, JsonMapper mapper) {
    this(properties, mapper, Clock.systemUTC());
  }

  ApiKeys(FeedProperties properties, JsonMapper mapper, Clock clock) {
    this.settings = properties.userService();
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(settings.connectTimeout());
    requests.setReadTimeout(settings.readTimeout());
    this.client = RestClient.builder().baseUrl(settings.url()).requestFactory(requests).build();
    this.mapper = mapper;
    this.clock = clock;
    int maxSize = settings.keyCacheSize();
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > maxSize;
          }
        };
  }

  /**
   * The active account owning this key.
   *
   * @return empty for a malformed or unknown key, or one of an inactive account
   * @throws UserServiceUnavailableException when user-service cannot answer
   */
  public Optional<KeyOwner> owner(@Nullable String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    synchronized (cache) {
      Cached cached = cache.get(key);
      if (cached != null && now.isBefore(cached.expires())) {
        return Optional.of(cached.owner());
      }
      cache.remove(key);
    }
    Optional<KeyOwner> owner = lookup(key).filter(KeyOwner::active);
    owner.ifPresent(
        found -> {
          synchronized (cache) {
            cache.put(key, new Cached(found, now.plus(settings.keyCacheTtl())));
          }
        });
    return owner;
  }

  private Optional<KeyOwner> lookup(String key) {
    byte[] body;
    try {
      body =
          client
              .get()
              .uri("/internal/users/by-api-key/{key}", key)
              .accept(MediaType.APPLICATION_JSON)
              .retrieve()
              .body(byte[].class);
    } catch (HttpClientErrorException.NotFound e) {
      return Optional.empty();
    } catch (RestClientException e) {
      // Never log the key: it is a credential.
      log.warn("user-service did not resolve an API key: {}", e.getMessage());
      throw new UserServiceUnavailableException();
    }
    if (body == null || body.length == 0) {
      log.warn("user-service answered an API key lookup with an empty body");
      throw new UserServiceUnavailableException();
    }
    try {
      return Optional.of(mapper.readValue(body, KeyOwner.class));
    } catch (JacksonException e) {
      log.warn("Unreadable API key owner from user-service: {}", e.getOriginalMessage());
      throw new UserServiceUnavailableException();
    }
  }

  /** user-service could not say whether a key is valid (down, slow or answering nonsense). */
  public static class UserServiceUnavailableException extends RuntimeException {
    UserServiceUnavailableException() {
      super("The API key cannot be checked right now; try again in a minute.");
    }
  }
}
