package dev.animetracker.common.user;

/**
 * The owner of an API key as user-service describes it ({@code GET
 * /internal/users/by-api-key/{key}}; other fields of the answer are ignored). {@code active} is
 * false while the account is banned, and {@code banned} says why.
 */
public record KeyOwner(
    long id, String username, boolean moderator, boolean active, boolean banned) {

  /** An owner that is not banned (user-service before it reported bans said nothing of them). */
  public KeyOwner(long id, String username, boolean moderator, boolean active) {
    this(id, username, moderator, active, false);
  }
}
