package dev.animetracker.user.auth;

import dev.animetracker.common.security.ServiceAuthProperties;
import dev.animetracker.common.session.SessionState;
import dev.animetracker.user.UsersProperties;
import dev.animetracker.user.account.User;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs RS256 access tokens with the claims of docs/conventions.md. */
@Component
class AccessTokens {

  private final JwtEncoder encoder;
  private final SigningKeys keys;
  private final UsersProperties properties;

  AccessTokens(JwtEncoder encoder, SigningKeys keys, UsersProperties properties) {
    this.encoder = encoder;
    this.keys = keys;
    this.properties = properties;
  }

  /** A signed token for the user, valid for the configured access token lifetime. */
  public String issue(User user) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(properties.jwt().issuer())
            .subject(String.valueOf(user.getId()))
            .claim("preferred_username", user.getUsername())
            .claim("roles", user.roles())
            .claim(SessionState.VERSION_CLAIM, user.getSessionVersion())
            .id(UUID.randomUUID().toString())
            .issuedAt(now)
            .expiresAt(now.plus(properties.jwt().accessTokenTtl()))
            .build();
    return sign(claims);
  }

  /**
   * A token for one of our services (client credentials): audience {@link
   * ServiceAuthProperties#INTERNAL_AUDIENCE}, scope {@code internal}, subject {@code
   * service:<clientId>}. It names no user, and user APIs refuse it.
   */
  public String issueForService(String clientId, Duration lifetime) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(properties.jwt().issuer())
            .subject("service:" + clientId)
            .audience(List.of(ServiceAuthProperties.INTERNAL_AUDIENCE))
            .claim("scope", ServiceAuthProperties.INTERNAL_SCOPE)
            .claim("client_id", clientId)
            .id(UUID.randomUUID().toString())
            .issuedAt(now)
            .expiresAt(now.plus(lifetime))
            .build();
    return sign(claims);
  }

  private String sign(JwtClaimsSet claims) {
    JwsHeader header =
        JwsHeader.with(SignatureAlgorithm.RS256)
            .keyId(keys.current().getKeyID())
            .type("JWT")
            .build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }

  /** Lifetime of an access token in seconds (the {@code expiresIn} of a token response). */
  public long expiresInSeconds() {
    return properties.jwt().accessTokenTtl().toSeconds();
  }
}
