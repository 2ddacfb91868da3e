package dev.animetracker.gateway.ui.profile;

import org.jspecify.annotations.Nullable;

/** A moderator's trusted toggle on a public profile, as posted ({@code "true"} marks). */
record TrustedForm(@Nullable String trusted) {}
