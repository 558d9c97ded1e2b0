package io.arabicnews.duplicates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The word shingles of an article body for near-duplicate detection: every run of {@link #WIDTH}
 * consecutive normalised tokens (hamza, ta marbuta and diacritics already folded, stop words kept:
 * a rewritten wire story keeps its function words too), hashed into {@link #DIMENSION} buckets.
 */
public final class Shingles {
  /** Words per shingle: four is long enough that unrelated articles rarely share one. */
  public static final int WIDTH = 4;
  /** Hash space of shingles: below {@link MinHashing#PRIME}, so MinHash tables map distinct shingles apart. */
  public static final int DIMENSION = 1 << 26;

  private final List<String> window = new ArrayList<>(WIDTH);
  private int[] hashes = new int[64];
  private int size;

  /** Feed the article's tokens in order. */
  public void add(String token) {
    if (window.size() == WIDTH) {
      window.remove(0);
    }
    window.add(token);
    if (window.size() == WIDTH) {
      int h = 1;
      for (String w : window) {
        h = 31 * h + w.hashCode();
      }
      h ^= h >>> 16;
      h *= 0x85ebca6b;
      h ^= h >>> 13;
      if (size == hashes.length) {
        hashes = Arrays.copyOf(hashes, size * 2);
      }
      hashes[size++] = h & (DIMENSION - 1);
    }
  }

  /** The distinct shingle hashes, sorted (what {@link MinHashing} signs and the exact Jaccard check intersects). */
  public List<Integer> distinctSorted() {
    int[] sorted = Arrays.copyOf(hashes, size);
    Arrays.sort(sorted);
    List<Integer> out = new ArrayList<>(size);
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        out.add(sorted[i]);
      }
    }
    return out;
  }

  /**
   * Jaccard similarity of two shingle sets given as ascending arrays without repeats (as {@link
   * #distinctSorted} makes them): one merge over both, no hash set per pair.
   */
  public static double jaccard(int[] a, int[] b) {
    int common = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        common++;
        i++;
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }
}
