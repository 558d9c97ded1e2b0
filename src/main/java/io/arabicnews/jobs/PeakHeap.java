package io.arabicnews.jobs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The JVM's peak heap use, printed by every job at exit for the benchmark (in local mode the driver's
 * heap is the executors' heap too). A daemon thread samples the used heap every 20 ms: the pools'
 * own peak counters cannot be summed (young and old generation peak at different moments, and the
 * sum can exceed the maximum heap), and a sample this often misses little of a peak that matters.
 */
public final class PeakHeap {
  private static volatile long peakBytes;
  private static Thread sampler;

  private PeakHeap() {}

  /** Starts sampling (once per JVM; later calls do nothing). */
  public static synchronized void start() {
    if (sampler != null) {
      return;
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    sampler = new Thread(() -> {
      while (true) {
        long used = memory.getHeapMemoryUsage().getUsed();
        if (used > peakBytes) {
          peakBytes = used;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "peak-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** The line the benchmark scripts look for. */
  public static String line() {
    long used = Math.max(peakBytes, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    return "peak JVM heap: " + (used >> 20) + " MB used of " + (Runtime.getRuntime().maxMemory() >> 20)
        + " MB maximum (sampled every 20 ms)";
  }
}
