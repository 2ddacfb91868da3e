package dev.animetracker.torrent.metainfo;

import dev.animetracker.common.bencode.BDecoder;
import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.common.bencode.BEncoder;
import dev.animetracker.common.bencode.BList;
import dev.animetracker.common.bencode.BRaw;
import dev.animetracker.common.bencode.BString;
import dev.animetracker.common.bencode.BValue;
import dev.animetracker.common.bencode.BencodeException;
import dev.animetracker.torrent.metainfo.MetainfoException.Codes;
import java.util.List;

/**
 * Rewrites the trackers of a .torrent (e.g. the per-user announce URL on download) while copying
 * the original {@code info} dictionary bytes verbatim, so the info hash never changes.
 */
public final class MetainfoRewriter {

  private MetainfoRewriter() {}

  /**
   * Returns {@code torrent} with {@code announce} set to the first URL of the first tier and {@code
   * announce-list} set to {@code tiers} (omitted when there is just one URL; both removed when
   * {@code tiers} is empty). Every other key is kept; the info dictionary is byte-identical.
   *
   * @param torrent a .torrent that {@link MetainfoParser} accepted
   */
  public static byte[] withTrackers(byte[] torrent, List<List<String>> tiers) {
    BDictionary root;
    try {
      root = BDecoder.strict().decodeDictionary(torrent);
    } catch (BencodeException e) {
      throw new MetainfoException(
          Codes.NOT_BENCODE, "The file is not a valid .torrent: " + e.getMessage() + ".", e);
    }
    BDictionary.Builder builder = root.toBuilder().remove("announce").remove("announce-list");
    root.spanOf("info").ifPresent(span -> builder.put("info", BRaw.of(torrent, span)));
    List<List<String>> nonEmpty = tiers.stream().filter(tier -> !tier.isEmpty()).toList();
    if (!nonEmpty.isEmpty()) {
      builder.put("announce", nonEmpty.getFirst().getFirst());
      if (nonEmpty.size() > 1 || nonEmpty.getFirst().size() > 1) {
        List<BValue> list =
            nonEmpty.stream()
                .map(
                    tier ->
                        (BValue)
                            new BList(tier.stream().map(url -> (BValue) BString.of(url)).toList()))
                .toList();
        builder.put("announce-list", new BList(list));
      }
    }
    return BEncoder.encode(builder.build());
  }
}
