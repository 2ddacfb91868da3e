/** Signed addresses of the gateway's image proxy for images in descriptions. */
@NullMarked
package dev.animetracker.common.mediaproxy;

import org.jspecify.annotations.NullMarked;
