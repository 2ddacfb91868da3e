package dev.animetracker.torrent.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach user-service's internal API ({@code animetracker.torrents.user-service.*}), used to
 * resolve the API keys of downloads without a token.
 *
 * @param url base URL of user-service ({@code USER_SERVICE_URL}), e.g. {@code
 *     http://127.0.0.1:8081}
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for the answer
 */
@Validated
@ConfigurationProperties("animetracker.torrents.user-service")
public record UserServiceProperties(
    @DefaultValue("http://127.0.0.1:8081") @NotBlank @Pattern(regexp = "https?://.+") String url,
    @DefaultValue("2s") @NotNull Duration connectTimeout,
    @DefaultValue("5s") @NotNull Duration readTimeout) {}
