package io.arabicnews.terms;

import java.util.Arrays;

/**
 * Counts per 64-bit key in two primitive arrays (open addressing, linear probing): a partition's
 * pre-aggregation without a boxed object per key. Fixed capacity; callers drain it when {@link
 * #isFull()} and start again, so memory stays bounded whatever the partition holds.
 */
final class LongCounts {
  private static final long EMPTY = 0L; // key 0 is stored in its own slot
  private final long[] keys;
  private final long[] counts;
  private final int mask;
  private final int limit;
  private int size;
  private long zeroCount;
  private boolean hasZero;

  LongCounts(int capacityPowerOfTwo) {
    int capacity = 1 << capacityPowerOfTwo;
    keys = new long[capacity];
    counts = new long[capacity];
    mask = capacity - 1;
    limit = (int) (capacity * 0.7);
  }

  void add(long key, long by) {
    if (key == EMPTY) {
      zeroCount += by;
      if (!hasZero) {
        hasZero = true;
        size++;
      }
      return;
    }
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] == EMPTY) {
      keys[i] = key;
      size++;
    }
    counts[i] += by;
  }

  boolean isFull() {
    return size >= limit;
  }

  /** How many distinct keys it holds. */
  int size() {
    return size;
  }

  /** Hands every (key, count) to the consumer and empties the table. */
  void drain(Entry out) {
    if (hasZero) {
      out.accept(EMPTY, zeroCount);
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        out.accept(keys[i], counts[i]);
      }
    }
    Arrays.fill(keys, EMPTY);
    Arrays.fill(counts, 0);
    size = 0;
    zeroCount = 0;
    hasZero = false;
  }

  @FunctionalInterface
  interface Entry {
    void accept(long key, long count);
  }
}
