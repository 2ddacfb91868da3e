package dev.animetracker.search.watch;

import dev.animetracker.common.user.UserServiceProperties;
import dev.animetracker.common.web.DomainException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Usernames to user ids for following an uploader: user-service's public profile ({@code GET
 * /api/users/{username}}, case-insensitive), the one place that knows every account, including
 * those that never uploaded.
 */
@Component
class UserDirectory {

  /** The part of the public profile a follow needs. */
  record Profile(long id, String username) {}

  private final RestClient client;

  UserDirectory(UserServiceProperties properties, RestClient.Builder restClients) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(properties.connectTimeout());
    requests.setReadTimeout(properties.readTimeout());
    // Boot's builder: the call is a span of the request's trace and sends its traceparent.
    this.client = restClients.clone().baseUrl(properties.url()).requestFactory(requests).build();
  }

  /**
   * The account of this name, empty when user-service has none.
   *
   * @throws DomainException 503 {@code user-service-unavailable} when it does not answer
   */
  Optional<Profile> byUsername(String username) {
    try {
      Profile profile =
          client
              .get()
              .uri("/api/users/{username}", username)
              .accept(MediaType.APPLICATION_JSON)
              .retrieve()
              .body(Profile.class);
      if (profile == null || profile.username() == null) {
        throw unavailable();
      }
      return Optional.of(profile);
    } catch (HttpClientErrorException.NotFound e) {
      return Optional.empty();
    } catch (RestClientException e) {
      throw unavailable();
    }
  }

  private static DomainException unavailable() {
    return new DomainException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "user-service-unavailable",
        "Accounts cannot be looked up right now; try again in a minute.");
  }
}
