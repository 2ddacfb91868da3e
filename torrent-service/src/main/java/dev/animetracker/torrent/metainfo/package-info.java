/** The .torrent (v1, v2, hybrid) parser and the tracker rewriter; pure Java. */
@NullMarked
package dev.animetracker.torrent.metainfo;

import org.jspecify.annotations.NullMarked;
