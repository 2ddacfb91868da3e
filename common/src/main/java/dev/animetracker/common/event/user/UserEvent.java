package dev.animetracker.common.event.user;

/** Everything published on {@code user-events}; see {@link dev.animetracker.common.event}. */
public sealed interface UserEvent
    permits UserRegistered,
        UserVerified,
        VerificationRequested,
        PasswordResetRequested,
        PasswordChanged,
        ModeratorChanged,
        TrustedChanged {}
