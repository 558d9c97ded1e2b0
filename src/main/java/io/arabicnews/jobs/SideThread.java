package io.arabicnews.jobs;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A stage run on a driver thread of its own, beside the stages of the main thread (the full run's
 * entities beside its terms and topics; an append's entity tables beside its term and topic tables),
 * and the waits for it. A daemon thread: it never keeps a failed job's JVM alive.
 */
final class SideThread {
  private SideThread() {}

  /** One daemon thread named {@code name} for stages submitted to it. */
  static ExecutorService start(String name) {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  /** The stage's result, or its own exception rethrown as it was thrown. */
  static <T> T await(Future<T> stage) {
    try {
      return stage.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a stage", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Waits for the stage and ignores how it ended: for a run already failing, so that the stage stops
   * writing into the staging folder before the run reports its own (first) failure.
   */
  static void awaitQuietly(Future<?> stage) {
    try {
      await(stage);
    } catch (RuntimeException | Error ignored) {
      // The first failure is the one reported.
    }
  }
}
