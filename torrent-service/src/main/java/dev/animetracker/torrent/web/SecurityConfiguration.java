package dev.animetracker.torrent.web;

import dev.animetracker.common.security.PlatformSecurityConfiguration;
import dev.animetracker.common.security.ResourceServer;
import dev.animetracker.torrent.TorrentsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless resource server over user-service's tokens (RS256, keys from its JWKS, our issuer).
 * Reading the catalogue (series included) is public; uploads, downloads, edits (of series too),
 * comments and previews need a token (a download may instead carry the user's {@code apikey},
 * checked by the controller, so feed readers and Torznab clients can fetch .torrent files); an
 * upload may instead carry {@code X-Api-Key} (upload scripts; checked by the controller, a bearer
 * token wins when both are sent); reports need a token; category administration and every {@code
 * /api/moderation/**} route need {@code ROLE_MODERATOR}; unknown routes answer 404. {@code
 * /internal/**} is for other services only: the gateway does not route it and it needs a service
 * token (its own chain, below).
 */
@Configuration(proxyBeanMethods = false)
@Import(PlatformSecurityConfiguration.class)
public class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper mapper) throws Exception {
    return ResourceServer.configure(http, mapper)
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(apiKeyDownload(), apiKeyUpload())
                    .permitAll()
                    .requestMatchers("/api/moderation/**")
                    .hasRole("MODERATOR")
                    .requestMatchers(HttpMethod.POST, "/api/torrents/*/reports")
                    .authenticated()
                    .requestMatchers(HttpMethod.GET, "/api/torrents/*/download")
                    .authenticated()
                    .requestMatchers(
                        HttpMethod.POST, "/api/torrents", "/api/torrents/*/comments", "/api/series")
                    .authenticated()
                    .requestMatchers(HttpMethod.PATCH, "/api/series/*")
                    .authenticated()
                    .requestMatchers(HttpMethod.PATCH, "/api/torrents/*")
                    .authenticated()
                    .requestMatchers(HttpMethod.DELETE, "/api/torrents/*")
                    .authenticated()
                    .requestMatchers("/api/comments/**", "/api/markdown/**", "/api/releases/**")
                    .authenticated()
                    .requestMatchers(HttpMethod.POST, "/api/categories")
                    .hasRole("MODERATOR")
                    .requestMatchers(HttpMethod.PATCH, "/api/categories/*")
                    .hasRole("MODERATOR")
                    .anyRequest()
                    .permitAll())
        .build();
  }

  /** A download naming an API key; without one the token rule below answers the usual 401. */
  private static RequestMatcher apiKeyDownload() {
    return new AndRequestMatcher(
        PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.GET, "/api/torrents/*/download"),
        request -> request.getParameter("apikey") != null);
  }

  /** Header name of the API key an upload may carry instead of a bearer token. */
  public static final String API_KEY_HEADER = "X-Api-Key";

  /**
   * An upload naming an API key and no bearer token; the controller resolves the key (401 {@code
   * invalid-api-key}, 403 {@code banned}). With a token the token rule applies and the key is
   * ignored.
   */
  private static RequestMatcher apiKeyUpload() {
    return new AndRequestMatcher(
        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/torrents"),
        request ->
            request.getHeader(API_KEY_HEADER) != null
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null);
  }

  /**
   * {@code /internal/**}: the tracker's whitelist and search-service's snapshots, service tokens
   * only.
   */
  @Bean
  @Order(PlatformSecurityConfiguration.INTERNAL_ORDER)
  SecurityFilterChain internalChain(
      HttpSecurity http, JsonMapper mapper, TorrentsProperties properties) throws Exception {
    return ResourceServer.internalChain(
        http,
        mapper,
        ResourceServer.internalJwksDecoder(
            properties.jwt().jwksUri().toString(), properties.jwt().issuer()));
  }

  @Bean
  JwtDecoder jwtDecoder(TorrentsProperties properties) {
    return ResourceServer.jwksDecoder(
        properties.jwt().jwksUri().toString(), properties.jwt().issuer());
  }
}
