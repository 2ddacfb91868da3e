package dev.animetracker.user.account;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Accounts; every lookup by name or address ignores case (backed by the lower() indexes). */
public interface UserRepository extends JpaRepository<User, Long> {

  @Query("select u from User u where lower(u.username) = lower(:username)")
  Optional<User> findByUsernameIgnoreCase(@Param("username") String username);

  @Query("select u from User u where lower(u.email) = lower(:email)")
  Optional<User> findByEmailIgnoreCase(@Param("email") String email);

  @Query("select count(u) > 0 from User u where lower(u.username) = lower(:username)")
  boolean existsByUsernameIgnoreCase(@Param("username") String username);

  @Query("select count(u) > 0 from User u where lower(u.email) = lower(:email)")
  boolean existsByEmailIgnoreCase(@Param("email") String email);

  Optional<User> findByApiKeyHash(String apiKeyHash);

  /**
   * Loads and locks the row for the rest of the transaction, so concurrent changes of the session
   * version or the ban of one user cannot overwrite each other.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select u from User u where u.id = :id")
  Optional<User> findForUpdate(@Param("id") long id);

  /** {@link #findByUsernameIgnoreCase} with the row locked like {@link #findForUpdate}. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select u from User u where lower(u.username) = lower(:username)")
  Optional<User> findByUsernameForUpdate(@Param("username") String username);

  /** Finds by username, or by e-mail address when the login contains an {@code @}. */
  default Optional<User> findByLogin(String login) {
    return login.indexOf('@') >= 0 ? findByEmailIgnoreCase(login) : findByUsernameIgnoreCase(login);
  }
}
