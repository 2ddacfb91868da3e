package dev.animetracker.common.user;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one client of user-service's internal API ({@code /internal/users/...}, not routed by the
 * gateway) that the other services use. A 404 is an answer (no such user or key); everything else
 * that is not a readable 200 is a {@link UserServiceUnavailableException}.
 */
public class UserServiceClient {

  /**
   * The message of a failed key lookup; shown to feed readers and downloaders as the 503 detail.
   */
  public static final String KEY_CHECK_UNAVAILABLE =
      "The API key cannot be checked right now; try again in a minute.";

  private static final Logger log = LoggerFactory.getLogger(UserServiceClient.class);

  private final RestClient client;
  private final JsonMapper mapper;

  /**
   * @param serviceTokens puts this service's token on every call ({@link ServiceTokens}): the
   *     internal API answers nobody else
   */
  public UserServiceClient(
      UserServiceProperties properties,
      JsonMapper mapper,
      ClientHttpRequestInterceptor serviceTokens) {
    this(properties, mapper, serviceTokens, RestClient.builder());
  }

  /**
   * @param restClients Boot's auto-configured builder, whose observation makes each call a span of
   *     the current trace and sends its {@code traceparent}
   */
  public UserServiceClient(
      UserServiceProperties properties,
      JsonMapper mapper,
      ClientHttpRequestInterceptor serviceTokens,
      RestClient.Builder restClients) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(properties.connectTimeout());
    requests.setReadTimeout(properties.readTimeout());
    this.client =
        restClients
            .clone()
            .baseUrl(properties.url())
            .requestFactory(requests)
            .requestInterceptor(serviceTokens)
            .build();
    this.mapper = mapper;
  }

  /**
   * The contact details of a user ({@code GET /internal/users/{id}/contact}).
   *
   * @return empty if user-service says there is no such user (404)
   * @throws UserServiceUnavailableException for any other failure
   */
  public Optional<UserContact> contact(long userId) {
    byte[] body;
    try {
      body = get("/internal/users/{id}/contact", userId);
    } catch (HttpClientErrorException.NotFound e) {
      return Optional.empty();
    } catch (RestClientException e) {
      log.warn("user-service did not answer for user {}: {}", userId, e.getMessage());
      throw new UserServiceUnavailableException(
          "user-service did not answer for user " + userId + ": " + e.getMessage());
    }
    if (body == null || body.length == 0) {
      throw new UserServiceUnavailableException("Empty contact of user " + userId);
    }
    try {
      return Optional.of(mapper.readValue(body, UserContact.class));
    } catch (JacksonException e) {
      throw new UserServiceUnavailableException(
          "Unreadable contact of user " + userId + ": " + e.getOriginalMessage());
    }
  }

  /**
   * The owner of an API key ({@code GET /internal/users/by-api-key/{key}}), active or not. The key
   * is a credential and is never logged.
   *
   * @return empty if user-service knows no such key (404)
   * @throws UserServiceUnavailableException for any other failure, with {@link
   *     #KEY_CHECK_UNAVAILABLE} as message
   */
  public Optional<KeyOwner> keyOwner(String key) {
    byte[] body;
    try {
      body = get("/internal/users/by-api-key/{key}", key);
    } catch (HttpClientErrorException.NotFound e) {
      return Optional.empty();
    } catch (RestClientException e) {
      // RestClient messages quote the request URL, which holds the key: log them without it.
      log.warn("user-service did not resolve an API key: {}", withoutKey(e, key));
      throw new UserServiceUnavailableException(KEY_CHECK_UNAVAILABLE);
    }
    if (body == null || body.length == 0) {
      log.warn("user-service answered an API key lookup with an empty body");
      throw new UserServiceUnavailableException(KEY_CHECK_UNAVAILABLE);
    }
    try {
      return Optional.of(mapper.readValue(body, KeyOwner.class));
    } catch (JacksonException e) {
      log.warn("Unreadable API key owner from user-service: {}", e.getOriginalMessage());
      throw new UserServiceUnavailableException(KEY_CHECK_UNAVAILABLE);
    }
  }

  /**
   * The exception's class and message with every occurrence of the key replaced (as is and
   * percent-encoded, as it appears in the URL), so no log line ever holds a usable key.
   */
  static String withoutKey(RestClientException e, String key) {
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (key == null || key.isEmpty()) {
      return message;
    }
    String encoded = UriUtils.encodePathSegment(key, StandardCharsets.UTF_8);
    return message.replace(key, "[api-key]").replace(encoded, "[api-key]");
  }

  private byte[] get(String path, Object variable) {
    return client
        .get()
        .uri(path, variable)
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .body(byte[].class);
  }
}
