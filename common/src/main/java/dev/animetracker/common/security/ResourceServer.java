package dev.animetracker.common.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
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
    return http.csrf(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
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
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUri).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
    return decoder;
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
