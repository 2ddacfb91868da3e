package dev.animetracker.common.bencode;

/**
 * A bencoded value (BEP 3). Decoded by {@link BDecoder}, written by {@link BEncoder}.
 *
 * <p>{@link BRaw} never comes out of the decoder: it lets a caller splice already-encoded bytes
 * (e.g. a torrent's original {@code info} dictionary) into an encoded document verbatim.
 */
public sealed interface BValue permits BInteger, BString, BList, BDictionary, BRaw {}
