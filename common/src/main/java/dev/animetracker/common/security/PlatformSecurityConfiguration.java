package dev.animetracker.common.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The security every servlet service shares, imported by each one's security configuration: the
 * actuator's chain. Health and info answer everyone (probes, load balancers); every other endpoint
 * (Prometheus metrics above all) answers only TCP peers in {@link ManagementProperties#networks()}
 * and is a 404 for anyone else, as if there were nothing. It runs first ({@link
 * #MANAGEMENT_ORDER}), then the {@code /internal/**} chain ({@link #INTERNAL_ORDER}), then the
 * service's own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ManagementProperties.class)
public class PlatformSecurityConfiguration {

  /** Order of the management chain: before everything. */
  public static final int MANAGEMENT_ORDER = 0;

  /** Order a service gives its {@link ResourceServer#internalChain}: after management only. */
  public static final int INTERNAL_ORDER = 1;

  private static final byte[] NOT_FOUND =
      "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"code\":\"not-found\"}"
          .getBytes(StandardCharsets.UTF_8);

  @Bean
  @Order(MANAGEMENT_ORDER)
  SecurityFilterChain managementChain(HttpSecurity http, ManagementProperties settings)
      throws Exception {
    List<IpAddressMatcher> allowed =
        settings.networks().stream().map(IpAddressMatcher::new).toList();
    return stateless(http.securityMatcher("/actuator", "/actuator/**"))
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .anyRequest()
                    .access(
                        (authentication, context) ->
                            new AuthorizationDecision(fromAllowed(context.getRequest(), allowed))))
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint((request, response, denied) -> notFound(response))
                    .accessDeniedHandler((request, response, denied) -> notFound(response)))
        .build();
  }

  /**
   * A service without user APIs (search-service, notification-service): everything outside the
   * management and internal chains is open and stateless, no token is read. Needs no OAuth 2
   * classes, so a service without the resource server on its class path can use it.
   */
  public static SecurityFilterChain openChain(HttpSecurity http) throws Exception {
    return stateless(http)
        .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
        .build();
  }

  /** No session, CSRF, form or basic login, logout or request cache: an API behind tokens. */
  static HttpSecurity stateless(HttpSecurity http) throws Exception {
    return http.csrf(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
  }

  /** The TCP peer only: {@code getRemoteAddr()}, which no forwarded header changes here. */
  private static boolean fromAllowed(HttpServletRequest request, List<IpAddressMatcher> allowed) {
    String peer = request.getRemoteAddr();
    return allowed.stream().anyMatch(network -> network.matches(peer));
  }

  private static void notFound(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(NOT_FOUND);
  }
}
