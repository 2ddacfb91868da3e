package dev.animetracker.gateway.ui;

import org.jspecify.annotations.Nullable;

/**
 * Who is looking at a page: the navbar and pages read it.
 *
 * @param username the logged-in user's name, {@code null} for visitors
 * @param moderator whether the token carries the moderator role
 */
public record Viewer(@Nullable String username, boolean moderator) {

  static final Viewer ANONYMOUS = new Viewer(null, false);

  public boolean authenticated() {
    return username != null;
  }
}
