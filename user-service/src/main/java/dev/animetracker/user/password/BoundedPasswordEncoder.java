package dev.animetracker.user.password;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that lets at most a fixed number of hashes (encode or verify) run at once.
 * Argon2 holds its whole memory cost for the duration of a hash, so without a bound a burst of
 * logins, registrations or reset confirmations allocates {@code requests x memory} and exhausts the
 * heap. A caller waits briefly for a slot and is then refused with {@link
 * PasswordHashingBusyException}.
 */
public class BoundedPasswordEncoder implements PasswordEncoder {

  private final PasswordEncoder delegate;
  private final Semaphore slots;
  private final int permits;
  private final Duration acquireTimeout;
  private final Duration retryAfter;
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  public BoundedPasswordEncoder(
      PasswordEncoder delegate, int permits, Duration acquireTimeout, Duration retryAfter) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be at least 1");
    }
    this.delegate = delegate;
    this.permits = permits;
    this.slots = new Semaphore(permits, true);
    this.acquireTimeout = acquireTimeout;
    this.retryAfter = retryAfter;
  }

  /** How many hashes may run at once. */
  public int permits() {
    return permits;
  }

  /** Hashes running now. */
  public int inUse() {
    return permits - slots.availablePermits();
  }

  /** Hashes (encode or verify) started since start-up. */
  public long started() {
    return started.get();
  }

  /** Requests refused because every slot stayed busy. */
  public long refused() {
    return refused.get();
  }

  @Override
  public @Nullable String encode(@Nullable CharSequence rawPassword) {
    acquire();
    try {
      return delegate.encode(rawPassword);
    } finally {
      slots.release();
    }
  }

  @Override
  public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
    acquire();
    try {
      return delegate.matches(rawPassword, encodedPassword);
    } finally {
      slots.release();
    }
  }

  /** Cheap (reads the parameters from the hash): no slot needed. */
  @Override
  public boolean upgradeEncoding(@Nullable String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }

  private void acquire() {
    try {
      if (!slots.tryAcquire(acquireTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
        refused.incrementAndGet();
        throw new PasswordHashingBusyException(retryAfter);
      }
      started.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PasswordHashingBusyException(retryAfter);
    }
  }
}
