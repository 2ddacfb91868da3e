package dev.animetracker.common.security;

import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * How every servlet service trusts a request: only through a valid access token (JWT signed by
 * user-service), never through a header a client could set. Each service's security configuration
 * calls {@link #configure} and then adds its own authorization rules.
 */
public final class ResourceServer {

  private ResourceServer() {}

  /**
   * Stateless API defaults: no session, no CSRF (no cookies reach services), no form login; JWT
   * bearer authentication with our role mapping; 401/403 as problem+json.
   */
  public static HttpSecurity configure(HttpSecurity http, JsonMapper mapper) throws Exception {
    SecurityProblems problems = new SecurityProblems(mapper);
    return PlatformSecurityConfiguration.stateless(http)
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
  }

  /**
   * Checks signatures against user-service's published keys (fetched and cached by Nimbus), expiry
   * and our issuer; for every service except user-service, which holds the keys itself.
   */
  public static JwtDecoder jwksDecoder(String jwksUri, String issuer) {
    return userTokens(NimbusJwtDecoder.withJwkSetUri(jwksUri).build(), issuer);
  }

  /**
   * Like {@link #jwksDecoder} but for {@code /internal/**}: only service tokens (audience {@link
   * ServiceAuthProperties#INTERNAL_AUDIENCE}) pass.
   */
  public static JwtDecoder internalJwksDecoder(String jwksUri, String issuer) {
    return serviceTokens(NimbusJwtDecoder.withJwkSetUri(jwksUri).build(), issuer);
  }

  /**
   * Our issuer, expiry, and no internal audience: a service token, which names no user, must never
   * act as one.
   */
  public static NimbusJwtDecoder userTokens(NimbusJwtDecoder decoder, String issuer) {
    return checked(decoder, issuer, false, "A service token is not a user's token");
  }

  /** Our issuer, expiry, and the internal audience: only tokens user-service issued to services. */
  public static NimbusJwtDecoder serviceTokens(NimbusJwtDecoder decoder, String issuer) {
    return checked(decoder, issuer, true, "Not a service token");
  }

  private static NimbusJwtDecoder checked(
      NimbusJwtDecoder decoder, String issuer, boolean internal, String refusal) {
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(issuer),
            jwt ->
                audiences(jwt).contains(ServiceAuthProperties.INTERNAL_AUDIENCE) == internal
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", refusal, null))));
    return decoder;
  }

  private static List<String> audiences(Jwt jwt) {
    List<String> audience = jwt.getAudience();
    return audience == null ? List.of() : audience;
  }

  /**
   * The chain of {@code /internal/**}, ahead of the service's own: every request needs a service
   * token with the {@code internal} scope, checked by {@code decoder} (from {@link
   * #internalJwksDecoder} or {@link #serviceTokens}); a user's token or none is a 401.
   */
  public static SecurityFilterChain internalChain(
      HttpSecurity http, JsonMapper mapper, JwtDecoder decoder) throws Exception {
    SecurityProblems problems = new SecurityProblems(mapper);
    return PlatformSecurityConfiguration.stateless(http.securityMatcher("/internal/**"))
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.decoder(decoder))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .anyRequest()
                    .hasAuthority("SCOPE_" + ServiceAuthProperties.INTERNAL_SCOPE))
        .build();
  }

  /** Authorities {@code ROLE_USER}, {@code ROLE_MODERATOR} from the {@code roles} claim. */
  public static JwtAuthenticationConverter authenticationConverter() {
    JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName("roles");
    authorities.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
    converter.setPrincipalClaimName("sub");
    return converter;
  }
}
