/** The day window every service's moderator stats endpoint reads from {@code ?days=}. */
@NullMarked
package dev.animetracker.common.stats;

import org.jspecify.annotations.NullMarked;
