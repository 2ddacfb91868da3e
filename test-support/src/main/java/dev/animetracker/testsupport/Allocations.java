package dev.animetracker.testsupport;

import java.lang.management.ManagementFactory;

/**
 * Bytes a piece of work allocates on the calling thread, transient garbage included ({@code
 * com.sun.management.ThreadMXBean}): a deterministic measure of cost where a timing would be flaky.
 */
public final class Allocations {

  private Allocations() {}

  /** What {@code work} allocated on this thread. */
  public static long allocatedBy(Runnable work) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().threadId();
    long before = threads.getThreadAllocatedBytes(id);
    work.run();
    return threads.getThreadAllocatedBytes(id) - before;
  }
}
