package io.arabicnews.terms;

import java.io.Serializable;

/**
 * A set of {@link TermHash}es, asked once per candidate phrase of every sentence: an open-addressing
 * table at most half full, so a lookup is usually one probe (one cache line) where a binary search of a
 * sorted array of 150,000 hashes took about 17 dependent reads (9% of the second counting pass in a
 * profile). Immutable once built; serialised as two primitive arrays.
 */
public final class TermHashSet implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long EMPTY = 0L; // hash 0 is kept in its own flag

  private final long[] slots;
  private final int mask;
  private final boolean hasZero;
  private final int size;

  private TermHashSet(long[] slots, boolean hasZero, int size) {
    this.slots = slots;
    this.mask = slots.length - 1;
    this.hasZero = hasZero;
    this.size = size;
  }

  /** The set of these hashes (duplicates allowed). */
  public static TermHashSet of(long... hashes) {
    if (hashes.length > 1 << 29) {
      throw new IllegalArgumentException(hashes.length + " hashes: more than a table of 2^30 slots holds at half load");
    }
    int capacity = Integer.highestOneBit(Math.max(4, hashes.length) * 2 - 1) << 1; // ≥ 2 × length
    long[] slots = new long[capacity];
    int mask = capacity - 1;
    boolean hasZero = false;
    int size = 0;
    for (long h : hashes) {
      if (h == EMPTY) {
        size += hasZero ? 0 : 1;
        hasZero = true;
        continue;
      }
      int i = slot(h, mask);
      while (slots[i] != EMPTY && slots[i] != h) {
        i = (i + 1) & mask;
      }
      if (slots[i] == EMPTY) {
        slots[i] = h;
        size++;
      }
    }
    return new TermHashSet(slots, hasZero, size);
  }

  /** Whether the hash of this term key is in the set. */
  public boolean contains(CharSequence key) {
    return contains(TermHash.of(key));
  }

  public boolean contains(long hash) {
    if (hash == EMPTY) {
      return hasZero;
    }
    int i = slot(hash, mask);
    for (long s = slots[i]; s != EMPTY; s = slots[i]) {
      if (s == hash) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  /** How many distinct hashes the set holds. */
  public int size() {
    return size;
  }

  private static int slot(long hash, int mask) {
    // TermHash ends with MurmurHash3's finaliser: its low bits are already mixed.
    return (int) hash & mask;
  }
}
