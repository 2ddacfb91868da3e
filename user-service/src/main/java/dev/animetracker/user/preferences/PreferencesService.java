package dev.animetracker.user.preferences;

import dev.animetracker.user.account.AccountExceptions.UserNotFoundException;
import dev.animetracker.user.account.User;
import dev.animetracker.user.account.UserRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes notification preferences. */
@Service
class PreferencesService {

  private final UserRepository users;

  PreferencesService(UserRepository users) {
    this.users = users;
  }

  @Transactional(readOnly = true)
  public boolean notifyOnComment(long userId) {
    return user(userId).isNotifyOnComment();
  }

  /** Sets whether comments on the user's torrents are mailed to them; returns the new value. */
  @Transactional
  public boolean setNotifyOnComment(long userId, boolean notifyOnComment) {
    User user = user(userId);
    user.setNotifyOnComment(notifyOnComment);
    return user.isNotifyOnComment();
  }

  private User user(long userId) {
    return users.findById(userId).orElseThrow(UserNotFoundException::new);
  }
}
