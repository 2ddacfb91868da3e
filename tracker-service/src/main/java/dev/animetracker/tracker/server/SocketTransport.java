package dev.animetracker.tracker.server;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;

/**
 * The socket transport of the tracker's event loops. {@link #AUTO} takes the one measured fastest
 * that this machine offers (docs/tracker-service.md, "Levers"); the others are for measuring and
 * for kernels where the preferred one misbehaves.
 */
public enum SocketTransport {
  /** The measured best available: epoll, else NIO. */
  AUTO,
  /** Linux io_uring (kernel 5.14+; may be disabled by {@code kernel.io_uring_disabled}). */
  IO_URING,
  /** Linux epoll. */
  EPOLL,
  /** The JDK's selector, everywhere. */
  NIO;

  /** This transport, or for {@link #AUTO} the one to use; fails when it is not available. */
  SocketTransport resolve() {
    return switch (this) {
      case AUTO -> Epoll.isAvailable() ? EPOLL : NIO;
      case IO_URING -> {
        IoUring.ensureAvailability();
        yield IO_URING;
      }
      case EPOLL -> {
        Epoll.ensureAvailability();
        yield EPOLL;
      }
      case NIO -> NIO;
    };
  }
}
