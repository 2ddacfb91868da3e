package dev.animetracker.common.consume;

import dev.animetracker.common.event.EventEnvelope;
import java.time.Instant;
import java.util.UUID;

/**
 * A decoded event: the envelope (id for deduplication, {@code occurredAt} for ordering) and its
 * payload as a member of the listener's sealed family.
 *
 * @param <E> the family, e.g. {@link dev.animetracker.common.event.torrent.TorrentEvent}
 */
public record Received<E>(EventEnvelope envelope, E event) {

  public UUID id() {
    return envelope.id();
  }

  public String type() {
    return envelope.type();
  }

  public Instant occurredAt() {
    return envelope.occurredAt();
  }
}
