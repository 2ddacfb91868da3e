package dev.animetracker.gateway.ui.support;

import dev.animetracker.gateway.catalog.CatalogDtos.UserRef;
import org.jspecify.annotations.Nullable;

/**
 * Who is looking at a page: the navbar and pages read it.
 *
 * @param username the logged-in user's name, {@code null} for visitors
 * @param moderator whether the token carries the moderator role
 * @param id the user id (the token's {@code sub}), {@code null} for visitors
 */
public record Viewer(@Nullable String username, boolean moderator, @Nullable String id) {

  public static final Viewer ANONYMOUS = new Viewer(null, false, null);

  public boolean authenticated() {
    return username != null;
  }

  /** Whether the user (an uploader or comment author) is the viewer. */
  public boolean is(@Nullable UserRef user) {
    if (user == null || !authenticated()) {
      return false;
    }
    if (id != null && !id.isBlank()) {
      return id.equals(Long.toString(user.id()));
    }
    return username != null && username.equals(user.username());
  }

  /** Whether the viewer may edit or delete what this user owns: the owner or a moderator. */
  public boolean mayManage(@Nullable UserRef owner) {
    return authenticated() && (moderator || is(owner));
  }
}
