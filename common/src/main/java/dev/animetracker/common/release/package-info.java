/**
 * Release-name parsing: the fields a fansub, raw or dub group writes into a torrent's title and
 * file names (group, series title, season, episodes, resolution, codecs, CRC32, languages). Pure
 * Java, no Spring; rules and measured accuracy in docs/releases.md.
 */
@NullMarked
package dev.animetracker.common.release;

import org.jspecify.annotations.NullMarked;
