package dev.animetracker.notification.community;

import dev.animetracker.common.event.community.WatchRef;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A release waiting for its user's digest. */
record DigestItem(
    long id,
    long torrentId,
    String title,
    @Nullable String uploader,
    List<WatchRef> matchedBy,
    Instant createdAt) {}
