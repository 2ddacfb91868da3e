package dev.animetracker.user.auth;

import dev.animetracker.common.security.ServiceAuthProperties;
import dev.animetracker.common.security.ServiceSecrets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * OAuth 2 client credentials for our own services: an allowed client id with the service secret
 * gets a short-lived token of the internal audience, which {@code /internal/**} everywhere
 * requires. Refusals are counted ({@code animetracker_service_tokens_refused_total}): outside an
 * operator's mistake, someone is knocking.
 */
@Service
class ServiceTokenService {

  /** A signed service token and its lifetime in seconds. */
  record IssuedServiceToken(String value, long expiresInSeconds) {}

  private final byte[] secretDigest;
  private final ServiceClientProperties clients;
  private final AccessTokens tokens;
  private final Counter refused;

  ServiceTokenService(
      ServiceAuthProperties auth,
      ServiceClientProperties clients,
      AccessTokens tokens,
      MeterRegistry meters,
      Environment environment) {
    ServiceSecrets.check(auth.secret(), environment.getActiveProfiles());
    this.secretDigest = sha256(auth.secret());
    this.clients = clients;
    this.tokens = tokens;
    this.refused =
        Counter.builder("animetracker.service_tokens.refused")
            .description("Client-credentials requests refused (unknown client or wrong secret)")
            .register(meters);
  }

  /**
   * @throws ServiceClientRefusedException for another grant type, another scope, an unknown client
   *     or a wrong secret
   */
  IssuedServiceToken issue(String grantType, String scope, String clientId, String clientSecret) {
    if (!"client_credentials".equals(grantType)) {
      throw ServiceClientRefusedException.unsupportedGrantType();
    }
    if (scope != null && !scope.isBlank() && !ServiceAuthProperties.INTERNAL_SCOPE.equals(scope)) {
      throw ServiceClientRefusedException.invalidScope();
    }
    // Digests of equal length, compared in constant time: neither the secret's length nor a
    // common prefix shows in the timing.
    boolean secretMatches =
        clientSecret != null && MessageDigest.isEqual(secretDigest, sha256(clientSecret));
    if (clientId == null || !clients.allowed().contains(clientId) || !secretMatches) {
      refused.increment();
      throw ServiceClientRefusedException.invalidClient();
    }
    return new IssuedServiceToken(
        tokens.issueForService(clientId, clients.tokenTtl()), clients.tokenTtl().toSeconds());
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
