package dev.animetracker.notification.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One inbox entry as the API shows it; absent members are left out of the JSON.
 *
 * @param url the site path to open
 * @param matchedBy why a release was shown (releases only)
 * @param action the moderator's action (report outcomes only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationView(
    long id,
    String kind,
    @Nullable Long torrentId,
    @Nullable Long commentId,
    String title,
    @Nullable String text,
    @Nullable String actor,
    String url,
    boolean read,
    Instant createdAt,
    @Nullable List<MatchedBy> matchedBy,
    @Nullable String action) {}
