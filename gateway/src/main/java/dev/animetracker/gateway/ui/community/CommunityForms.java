package dev.animetracker.gateway.ui.community;

import org.jspecify.annotations.Nullable;

/** The posted forms of the community pages and buttons. */
final class CommunityForms {

  private CommunityForms() {}

  /** A follow button or the delivery select of a follow; {@code back} is where to return. */
  record FollowForm(@Nullable String delivery, @Nullable String back) {}

  /** A bookmark button. */
  record BookmarkForm(@Nullable String back) {}

  /** A saved search's delivery and name. */
  record SubscriptionChange(@Nullable String delivery, @Nullable String name) {}

  /** An unsubscribe link's parameters (query or form). */
  record UnsubscribeForm(@Nullable String u, @Nullable String t) {}
}
