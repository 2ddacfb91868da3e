package dev.animetracker.user.auth;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which services may trade the service secret for a token at {@code POST /oauth2/token} ({@code
 * animetracker.users.service-clients.*}).
 *
 * @param allowed client ids that get a token; {@code operator} is for {@code make reindex} and
 *     other operator scripts
 * @param tokenTtl lifetime of a service token; short, since a service token cannot be revoked
 */
@Validated
@ConfigurationProperties("animetracker.users.service-clients")
public record ServiceClientProperties(
    @DefaultValue({
          "user-service",
          "torrent-service",
          "search-service",
          "tracker-service",
          "notification-service",
          "operator"
        })
        @NotEmpty
        Set<String> allowed,
    @DefaultValue("5m") @NotNull Duration tokenTtl) {}
