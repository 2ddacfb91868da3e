package dev.animetracker.gateway.security;

import dev.animetracker.gateway.GatewayProperties;
import dev.animetracker.gateway.problem.GatewayException;
import dev.animetracker.gateway.problem.Problems;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Token validation, CSRF and security headers. The gateway decides nothing about API access (the
 * services do); it rejects bad tokens and sends anonymous visitors of login-only pages to /login.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "object-src 'none'; base-uri 'self'; form-action 'self'; "
          + "frame-ancestors 'none'";

  static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

  private static final Set<HttpMethod> SAFE_METHODS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

  @Bean
  ReactiveJwtDecoder jwtDecoder(GatewayProperties properties) {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwt().jwksUri().toString()).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.jwt().issuer()));
    return decoder;
  }

  @Bean
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http,
      ReactiveJwtDecoder decoder,
      SessionStateCache sessionStates,
      GatewayProperties properties) {
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName("roles");
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
    authentication.setJwtGrantedAuthoritiesConverter(roles);
    authentication.setPrincipalClaimName("preferred_username");

    CookieServerCsrfTokenRepository csrfTokens =
        CookieServerCsrfTokenRepository.withHttpOnlyFalse();
    csrfTokens.setCookiePath("/");
    csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));

    // The upload page posts multipart/form-data: take _csrf from it too, so it works without JS.
    ServerCsrfTokenRequestAttributeHandler csrfHandler =
        new ServerCsrfTokenRequestAttributeHandler();
    csrfHandler.setTokenFromMultipartDataEnabled(true);

    return http.authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers("/profile", "/profile/**", "/upload", "/me/**")
                    .authenticated()
                    // Visitors are sent to the login, logged-in non-moderators get the 403 page.
                    .pathMatchers("/moderation", "/moderation/**", "/torrents/*/peers")
                    .hasRole("MODERATOR")
                    .anyExchange()
                    .permitAll())
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(
                                    new ReactiveJwtAuthenticationConverterAdapter(authentication)))
                    .authenticationEntryPoint(SecurityConfig::invalidToken))
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint(loginRequired())
                    .accessDeniedHandler(
                        (exchange, denied) ->
                            Mono.error(
                                new GatewayException(
                                    HttpStatus.FORBIDDEN, "forbidden", "You may not do this."))))
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens)
                    .csrfTokenRequestHandler(csrfHandler)
                    .requireCsrfProtectionMatcher(SecurityConfig::csrfRequired)
                    .accessDeniedHandler(
                        (exchange, denied) ->
                            Mono.error(
                                new GatewayException(
                                    HttpStatus.FORBIDDEN,
                                    "csrf-invalid",
                                    "The CSRF token is missing or wrong; reload the page and try"
                                        + " again."))))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(frame -> frame.mode(Mode.DENY))
                    .referrerPolicy(
                        referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    .permissionsPolicy(permissions -> permissions.policy(PERMISSIONS_POLICY))
                    // Sent only over HTTPS: direct TLS, or a trusted proxy's X-Forwarded-Proto
                    // (TrustedForwardedProtoWebFilter).
                    .hsts(
                        hsts ->
                            hsts.maxAge(properties.sessions().hstsMaxAge())
                                .includeSubdomains(false)))
        .addFilterBefore(
            new SessionStateWebFilter(sessionStates), SecurityWebFiltersOrder.AUTHORIZATION)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .build();
  }

  /** The page an e-mail's unsubscribe link opens (GET) or a mail client posts to (RFC 8058). */
  static final String UNSUBSCRIBE_PATH = "/unsubscribe";

  /**
   * CSRF applies to state-changing requests that a browser could forge: those carrying our session
   * cookies and every web UI form post. A request with its own Authorization header (a pure Bearer
   * API client) cannot be forged cross-site and is exempt.
   */
  static Mono<ServerWebExchangeMatcher.MatchResult> csrfRequired(ServerWebExchange exchange) {
    var request = exchange.getRequest();
    if (SAFE_METHODS.contains(request.getMethod())) {
      return ServerWebExchangeMatcher.MatchResult.notMatch();
    }
    if (UNSUBSCRIBE_PATH.equals(request.getPath().pathWithinApplication().value())) {
      // RFC 8058 one-click: the mail client posts the List-Unsubscribe address with no page and
      // no token of ours; the sealed token in the address is the proof, and all a forged post
      // could do is what the link itself does.
      return ServerWebExchangeMatcher.MatchResult.notMatch();
    }
    boolean ownAuthorization =
        request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
            && !Boolean.TRUE.equals(exchange.getAttribute(SessionCookies.FROM_COOKIE_ATTR));
    if (ownAuthorization) {
      return ServerWebExchangeMatcher.MatchResult.notMatch();
    }
    boolean browser =
        SessionCookies.present(exchange)
            || Boolean.TRUE.equals(exchange.getAttribute(SessionCookies.FROM_COOKIE_ATTR))
            || !Problems.isApiPath(request.getPath().pathWithinApplication().value());
    return browser
        ? ServerWebExchangeMatcher.MatchResult.match()
        : ServerWebExchangeMatcher.MatchResult.notMatch();
  }

  private static Mono<Void> invalidToken(ServerWebExchange exchange, Exception error) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(
        HttpHeaders.WWW_AUTHENTICATE,
        "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or"
            + " expired\"");
    return Mono.error(
        new GatewayException(
            HttpStatus.UNAUTHORIZED,
            "invalid-token",
            "The access token is invalid or expired; log in again or refresh it.",
            headers));
  }

  private static ServerAuthenticationEntryPoint loginRequired() {
    return (exchange, error) -> {
      String path = exchange.getRequest().getPath().pathWithinApplication().value();
      if (Problems.isApiPath(path)) {
        return Mono.error(
            new GatewayException(
                HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication is required."));
      }
      String target = exchange.getRequest().getURI().getRawPath();
      String query = exchange.getRequest().getURI().getRawQuery();
      if (query != null) {
        target += "?" + query;
      }
      // The login page says why it is shown: uploading (or another page) needs an account.
      String reason = "/upload".equals(path) ? "upload" : "page";
      URI login =
          URI.create(
              "/login?reason="
                  + reason
                  + "&redirect="
                  + URLEncoder.encode(target, StandardCharsets.UTF_8));
      exchange.getResponse().setStatusCode(HttpStatus.FOUND);
      exchange.getResponse().getHeaders().setLocation(login);
      return exchange.getResponse().setComplete();
    };
  }
}
