package dev.animetracker.common.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The owner of an API key as user-service describes it ({@code GET
 * /internal/users/by-api-key/{key}}; other fields of the answer are ignored). {@code active} is
 * false while the account is banned, and {@code banned} says why.
 */
public record KeyOwner(
    long id, String username, boolean moderator, boolean active, boolean banned) {

  /** An owner that is not banned. */
  public KeyOwner(long id, String username, boolean moderator, boolean active) {
    this(id, username, moderator, active, false);
  }

  /** Reads an answer; one without {@code banned} (an older user-service) is not banned. */
  @JsonCreator
  static KeyOwner read(
      @JsonProperty("id") long id,
      @JsonProperty("username") String username,
      @JsonProperty("moderator") boolean moderator,
      @JsonProperty("active") boolean active,
      @JsonProperty("banned") @Nullable Boolean banned) {
    return new KeyOwner(id, username, moderator, active, Boolean.TRUE.equals(banned));
  }
}
