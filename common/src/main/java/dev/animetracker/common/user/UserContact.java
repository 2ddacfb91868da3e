package dev.animetracker.common.user;

/**
 * What user-service tells about a user another service may mail ({@code GET
 * /internal/users/{id}/contact}).
 *
 * @param locale {@code ru} or {@code en}
 * @param notifyOnComment whether the user wants a mail about comments on their torrents
 * @param active whether the account is confirmed and usable
 */
public record UserContact(
    long id,
    String username,
    String email,
    String locale,
    boolean notifyOnComment,
    boolean active) {}
