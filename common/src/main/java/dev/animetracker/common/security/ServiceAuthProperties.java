package dev.animetracker.common.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service proves to another that it is one of ours ({@code animetracker.service-auth.*}): it
 * trades its client id and the shared service secret at user-service's token endpoint (OAuth 2
 * client credentials) for a short-lived access token of the {@linkplain #INTERNAL_AUDIENCE internal
 * audience}, which every {@code /internal/**} endpoint requires. user-service reads the same secret
 * to check the trade.
 *
 * @param clientId who this service is ({@code torrent-service}, ...); user-service allows a fixed
 *     list
 * @param secret the service secret ({@code SERVICE_SECRET}); the development default is refused
 *     outside the {@code dev} and {@code test} profiles (see {@link ServiceSecrets})
 * @param tokenUri user-service's token endpoint; empty means the user-service URL + {@link
 *     #TOKEN_PATH}
 * @param connectTimeout how long to wait for a connection to the token endpoint
 * @param readTimeout how long to wait for its answer
 * @param refreshBefore a cached token is replaced this long before it expires, so a call never
 *     carries a token that expires on the way
 */
@Validated
@ConfigurationProperties("animetracker.service-auth")
public record ServiceAuthProperties(
    @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}") String clientId,
    @DefaultValue(DEVELOPMENT_SECRET) @NotBlank @Size(min = 32, max = 512) String secret,
    @DefaultValue("") @Pattern(regexp = "|https?://.+") String tokenUri,
    @DefaultValue("2s") @NotNull Duration connectTimeout,
    @DefaultValue("5s") @NotNull Duration readTimeout,
    @DefaultValue("60s") @NotNull Duration refreshBefore) {

  /** The shared development secret; a service outside dev/test refuses to start with it. */
  public static final String DEVELOPMENT_SECRET = "development-service-secret-not-for-production";

  /** {@code aud} of service tokens; user tokens never carry it and user APIs refuse it. */
  public static final String INTERNAL_AUDIENCE = "animetracker-internal";

  /** The only scope a service token carries; {@code /internal/**} requires it. */
  public static final String INTERNAL_SCOPE = "internal";

  /** user-service's token endpoint (RFC 6749 section 4.4). */
  public static final String TOKEN_PATH = "/oauth2/token";
}
