/** Strict bencode (BEP 3) values, decoder and encoder. */
@NullMarked
package dev.animetracker.common.bencode;

import org.jspecify.annotations.NullMarked;
