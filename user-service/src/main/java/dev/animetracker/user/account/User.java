package dev.animetracker.user.account;

import dev.animetracker.common.session.SessionState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account. Inactive until its e-mail address is confirmed. */
@Entity
@Table(name = "users")
public class User {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 32)
  private String username;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(nullable = false, length = 2)
  private String locale;

  @Column(nullable = false)
  private boolean active;

  @Column(nullable = false)
  private boolean moderator;

  @Column(nullable = false)
  private boolean trusted;

  @Column(name = "upload_count", nullable = false)
  private long uploadCount;

  @Column(name = "download_count", nullable = false)
  private long downloadCount;

  /** SHA-256 (hex) of the API key; the key itself is shown once and never stored. */
  @Column(name = "api_key_hash", length = 64)
  private String apiKeyHash;

  @Column(name = "notify_on_comment", nullable = false)
  private boolean notifyOnComment = true;

  @Column(name = "session_version", nullable = false)
  private long sessionVersion;

  @Column(nullable = false)
  private boolean banned;

  @Column(name = "banned_until")
  private Instant bannedUntil;

  @Column(name = "ban_reason", length = 500)
  private String banReason;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected User() {}

  public User(String username, String email, String passwordHash, String locale) {
    this.username = username;
    this.email = email;
    this.passwordHash = passwordHash;
    this.locale = locale;
  }

  @PrePersist
  void onCreate() {
    Instant now = Instant.now();
    createdAt = now;
    updatedAt = now;
  }

  @PreUpdate
  void onUpdate() {
    updatedAt = Instant.now();
  }

  /** The role names written into the {@code roles} claim. */
  public java.util.List<String> roles() {
    return moderator ? java.util.List.of("USER", "MODERATOR") : java.util.List.of("USER");
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getEmail() {
    return email;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public String getLocale() {
    return locale;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public boolean isModerator() {
    return moderator;
  }

  public void setModerator(boolean moderator) {
    this.moderator = moderator;
  }

  public boolean isTrusted() {
    return trusted;
  }

  public void setTrusted(boolean trusted) {
    this.trusted = trusted;
  }

  public long getUploadCount() {
    return uploadCount;
  }

  public long getDownloadCount() {
    return downloadCount;
  }

  /** Whether comments on this user's torrents are mailed to them. */
  public boolean isNotifyOnComment() {
    return notifyOnComment;
  }

  public void setNotifyOnComment(boolean notifyOnComment) {
    this.notifyOnComment = notifyOnComment;
  }

  /**
   * Ends every access token issued so far: they carry the old version in their {@code ver} claim
   * and the gateway refuses them once the new version is in Redis.
   */
  public void endSessions() {
    sessionVersion++;
  }

  public long getSessionVersion() {
    return sessionVersion;
  }

  /** Bans the account until {@code until} ({@code null}: until a moderator lifts it). */
  public void ban(String reason, Instant until) {
    banned = true;
    banReason = reason;
    bannedUntil = until;
    endSessions();
  }

  public void unban() {
    banned = false;
    banReason = null;
    bannedUntil = null;
    endSessions();
  }

  /** Whether a ban is in force at {@code now}; a ban whose end has passed no longer counts. */
  public boolean isBannedAt(Instant now) {
    return banned && (bannedUntil == null || now.isBefore(bannedUntil));
  }

  public boolean isBanned() {
    return banned;
  }

  public Instant getBannedUntil() {
    return bannedUntil;
  }

  public String getBanReason() {
    return banReason;
  }

  /** What the gateway must know about this account (see {@link SessionState}). */
  public SessionState sessionState() {
    return new SessionState(sessionVersion, banned, banned ? bannedUntil : null);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
