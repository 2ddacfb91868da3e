package dev.animetracker.gateway.ui.profile;

import org.jspecify.annotations.Nullable;

/** The ban form on a profile: {@code banned=true} with a reason and optional days, or an unban. */
record BanForm(@Nullable String banned, @Nullable String reason, @Nullable String days) {}
