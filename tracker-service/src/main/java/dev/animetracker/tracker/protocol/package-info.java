/**
 * The tracker's wire protocols (BEP 3/48 over HTTP, BEP 15 over UDP): parsing, replies, connection
 * ids; no Spring.
 */
@NullMarked
package dev.animetracker.tracker.protocol;

import org.jspecify.annotations.NullMarked;
