package dev.animetracker.gateway.ui.profile;

import org.jspecify.annotations.Nullable;

/** The notification preference form on the own profile, as posted. */
record PreferencesForm(@Nullable String notifyOnComment) {}
