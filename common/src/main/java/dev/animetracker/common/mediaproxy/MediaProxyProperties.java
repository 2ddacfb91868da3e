package dev.animetracker.common.mediaproxy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The key that signs image-proxy addresses ({@code animetracker.media-proxy.*}); torrent-service
 * signs when it renders a description, the gateway checks before it fetches, so both need the same
 * value. Without the signature the proxy would be an open relay.
 *
 * @param key at least 32 characters ({@code MEDIA_PROXY_KEY}, e.g. {@code openssl rand -base64
 *     32}); the development default is refused outside the {@code dev} and {@code test} profiles
 */
@Validated
@ConfigurationProperties("animetracker.media-proxy")
public record MediaProxyProperties(
    @DefaultValue(DEVELOPMENT_KEY) @NotBlank @Size(min = 32) String key) {

  /** A well-known key for development machines only. */
  public static final String DEVELOPMENT_KEY = "development-media-proxy-key-0123456789";
}
