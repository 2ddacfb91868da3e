package dev.animetracker.gateway.media;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The image proxy for descriptions ({@code animetracker.gateway.media.*}, docs/gateway.md).
 *
 * @param maxBytes largest image served; a longer body is cut off while streaming
 * @param connectTimeout per connection to the image's host
 * @param totalTimeout the whole fetch, redirects included
 * @param maxRedirects redirects followed, each target checked again
 * @param ports ports an image URL may name (the scheme's default ports)
 * @param cacheBytes memory the cache of fetched images may hold on one instance
 * @param cacheTtl how long a fetched image is served from the cache
 * @param allowedNetworks CIDR networks let through although private or loopback: for tests only (a
 *     real deployment leaves it empty, or the proxy reaches our own services)
 */
@Validated
@ConfigurationProperties("animetracker.gateway.media")
public record MediaProperties(
    @DefaultValue("5MB") @NotNull DataSize maxBytes,
    @DefaultValue("3s") @NotNull Duration connectTimeout,
    @DefaultValue("10s") @NotNull Duration totalTimeout,
    @DefaultValue("3") @Min(0) @Max(10) int maxRedirects,
    @DefaultValue({"80", "443"}) List<Integer> ports,
    @DefaultValue("64MB") @NotNull DataSize cacheBytes,
    @DefaultValue("1h") @NotNull Duration cacheTtl,
    @DefaultValue List<String> allowedNetworks) {}
