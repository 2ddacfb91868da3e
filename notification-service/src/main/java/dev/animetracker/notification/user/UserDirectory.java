package dev.animetracker.notification.user;

import dev.animetracker.notification.config.UserServiceProperties;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks user-service about users ({@code GET /internal/users/{id}/contact}, not routed by the
 * gateway) with short timeouts, so a slow user-service cannot stall a listener for long.
 */
@Component
public class UserDirectory {

  private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

  private final RestClient client;
  private final JsonMapper mapper;

  public UserDirectory(UserServiceProperties properties, JsonMapper mapper) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(properties.connectTimeout());
    requests.setReadTimeout(properties.readTimeout());
    this.client = RestClient.builder().baseUrl(properties.url()).requestFactory(requests).build();
    this.mapper = mapper;
  }

  /**
   * The contact details of a user.
   *
   * @return empty if user-service says there is no such user (404)
   * @throws UserServiceUnavailableException for any other failure; callers let it propagate so the
   *     event is retried
   */
  public Optional<UserContact> contact(long userId) {
    byte[] body;
    try {
      body =
          client
              .get()
              .uri("/internal/users/{id}/contact", userId)
              .accept(MediaType.APPLICATION_JSON)
              .retrieve()
              .body(byte[].class);
    } catch (HttpClientErrorException.NotFound e) {
      return Optional.empty();
    } catch (RestClientException e) {
      log.warn("user-service did not answer for user {}: {}", userId, e.getMessage());
      throw new UserServiceUnavailableException(
          "user-service did not answer for user " + userId + ": " + e.getMessage());
    }
    try {
      if (body == null || body.length == 0) {
        throw new UserServiceUnavailableException("Empty contact of user " + userId);
      }
      return Optional.of(mapper.readValue(body, UserContact.class));
    } catch (JacksonException e) {
      throw new UserServiceUnavailableException(
          "Unreadable contact of user " + userId + ": " + e.getOriginalMessage());
    }
  }
}
