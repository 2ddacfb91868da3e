package dev.animetracker.common.mailtoken;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The key that seals mailed tokens inside events ({@code animetracker.mail-token.*}); user-service
 * seals, notification-service opens, so both need the same value.
 *
 * @param key Base64 of 32 random bytes ({@code MAIL_TOKEN_KEY}, e.g. {@code openssl rand -base64
 *     32}); the development default is refused outside the {@code dev} and {@code test} profiles
 */
@Validated
@ConfigurationProperties("animetracker.mail-token")
public record MailTokenProperties(@DefaultValue(DEVELOPMENT_KEY) @NotBlank String key) {

  /** A well-known key for development machines only. */
  public static final String DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQtbWFpbC10b2tlbi1rZXktMzJieXQ=";
}
