package dev.animetracker.user.account;

/**
 * In-process notice that an account was banned, for the features that keep sessions outside the
 * database (auth revokes the refresh token families once the ban is committed).
 *
 * @param userId the banned account
 */
public record AccountBanned(long userId) {}
