package dev.animetracker.gateway.ui.profile;

import org.jspecify.annotations.Nullable;

/** The moderator toggle on a profile ({@code moderator=true|false}). */
record ModeratorForm(@Nullable String moderator) {}
