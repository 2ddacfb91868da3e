/**
 * The per-user session state that user-service writes to Redis and the gateway reads on every
 * authenticated request: the session version (access tokens carry it in their {@code ver} claim)
 * and the ban marker. One place for the key and field names, so writer and reader cannot drift.
 */
@NullMarked
package dev.animetracker.common.session;

import org.jspecify.annotations.NullMarked;
