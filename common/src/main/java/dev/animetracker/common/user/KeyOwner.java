package dev.animetracker.common.user;

/**
 * The owner of an API key as user-service describes it ({@code GET
 * /internal/users/by-api-key/{key}}; other fields of the answer are ignored).
 */
public record KeyOwner(long id, String username, boolean moderator, boolean active) {}
