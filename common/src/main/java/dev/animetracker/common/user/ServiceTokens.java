package dev.animetracker.common.user;

import dev.animetracker.common.security.ServiceAuthProperties;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Puts this service's token on every call to another service's {@code /internal/**}: a client
 * credentials token from user-service ({@link ServiceAuthProperties}), fetched on first use, kept
 * until shortly before it expires and shared by all threads (one fetch at a time). A 401 from the
 * callee drops the cached token, so the next call fetches a fresh one (after user-service rotated
 * its key, say) instead of failing until expiry.
 */
public final class ServiceTokens implements ClientHttpRequestInterceptor {

  private final ServiceAuthProperties properties;
  private final URI tokenUri;
  private final RestClient client;
  private final Clock clock;
  private final ReentrantLock fetching = new ReentrantLock();
  private volatile Token cached;

  private record Token(String value, Instant refreshAt) {}

  public ServiceTokens(ServiceAuthProperties properties, URI tokenUri, Clock clock) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(properties.connectTimeout());
    requests.setReadTimeout(properties.readTimeout());
    this.properties = properties;
    this.tokenUri = tokenUri;
    this.client = RestClient.builder().requestFactory(requests).build();
    this.clock = clock;
  }

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    String token = current();
    request.getHeaders().setBearerAuth(token);
    ClientHttpResponse response = execution.execute(request, body);
    if (response.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
      invalidate(token);
    }
    return response;
  }

  /**
   * A token valid for at least {@link ServiceAuthProperties#refreshBefore()} more.
   *
   * @throws ServiceTokenUnavailableException if user-service does not hand one out
   */
  public String current() throws ServiceTokenUnavailableException {
    Token token = cached;
    if (token != null && clock.instant().isBefore(token.refreshAt())) {
      return token.value();
    }
    fetching.lock();
    try {
      token = cached;
      if (token == null || !clock.instant().isBefore(token.refreshAt())) {
        token = fetch();
        cached = token;
      }
      return token.value();
    } finally {
      fetching.unlock();
    }
  }

  /** Forgets {@code token} if it is still the cached one. */
  void invalidate(String token) {
    Token current = cached;
    if (current != null && current.value().equals(token)) {
      cached = null;
    }
  }

  private Token fetch() throws ServiceTokenUnavailableException {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("scope", ServiceAuthProperties.INTERNAL_SCOPE);
    form.add("client_id", properties.clientId());
    form.add("client_secret", properties.secret());
    JsonNode answer;
    try {
      answer =
          client
              .post()
              .uri(tokenUri)
              .contentType(MediaType.APPLICATION_FORM_URLENCODED)
              .accept(MediaType.APPLICATION_JSON)
              .body(form)
              .retrieve()
              .body(JsonNode.class);
    } catch (RestClientException e) {
      throw new ServiceTokenUnavailableException(
          "No service token for "
              + properties.clientId()
              + " from "
              + tokenUri
              + ": "
              + e.getMessage(),
          e);
    }
    JsonNode value = answer == null ? null : answer.get("access_token");
    JsonNode expiresIn = answer == null ? null : answer.get("expires_in");
    if (value == null || !value.isString() || expiresIn == null || !expiresIn.canConvertToLong()) {
      throw new ServiceTokenUnavailableException("Unreadable token answer from " + tokenUri, null);
    }
    Duration lifetime = Duration.ofSeconds(expiresIn.asLong());
    Duration early =
        properties.refreshBefore().compareTo(lifetime.dividedBy(2)) < 0
            ? properties.refreshBefore()
            : lifetime.dividedBy(2);
    return new Token(value.asString(), clock.instant().plus(lifetime).minus(early));
  }
}
