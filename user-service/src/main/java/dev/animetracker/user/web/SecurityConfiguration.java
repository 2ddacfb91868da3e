package dev.animetracker.user.web;

import dev.animetracker.common.security.PlatformSecurityConfiguration;
import dev.animetracker.common.security.ResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless resource server over our own tokens. Only the routes that need a user are protected;
 * everything else (registration, login, public profiles, JWKS, the service token endpoint, unknown
 * routes that should answer 404) is open. The actuator and {@code /internal/**} have chains of
 * their own ahead of this one ({@link PlatformSecurityConfiguration}, {@code TokenConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(PlatformSecurityConfiguration.class)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper mapper) throws Exception {
    return ResourceServer.configure(http, mapper)
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/api/users/me", "/api/users/me/**")
                    .authenticated()
                    .requestMatchers(
                        HttpMethod.PUT,
                        "/api/users/*/moderator",
                        "/api/users/*/ban",
                        "/api/users/*/trusted")
                    .hasRole("MODERATOR")
                    .anyRequest()
                    .permitAll())
        .build();
  }
}
