package dev.animetracker.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Source addresses for simulated people: every {@link #next()} is a loopback address no one else in
 * this test JVM uses, so the gateway's per-IP limits count each person apart as they would on the
 * internet. Linux answers the whole of 127.0.0.0/8 on {@code lo}, so any of them can be bound.
 *
 * <p>127.0.0.1 (the second octet 0) stays the browser's: Chromium cannot bind a source address, and
 * no Java client here uses 127.0.0.1 for the limited endpoints, so BrowserIT's page logins and
 * registrations have that address's budget to themselves.
 */
final class Loopback {

  /**
   * The second octet, fresh per run: Redis keeps a limit's bucket up to two minutes, so a run
   * started right after another must not inherit its counts.
   */
  private static final int RUN = 1 + ThreadLocalRandom.current().nextInt(254);

  private static final AtomicInteger NEXT = new AtomicInteger();

  private Loopback() {}

  /** A loopback address of this run not handed out before (127.RUN.x.y, y never 0 or 255). */
  static InetAddress next() {
    int n = NEXT.getAndIncrement();
    int third = n / 254;
    int fourth = 1 + n % 254;
    if (third > 255) {
      throw new IllegalStateException("out of loopback addresses for this run");
    }
    try {
      return InetAddress.getByAddress(new byte[] {127, (byte) RUN, (byte) third, (byte) fourth});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
