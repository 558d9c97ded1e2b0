package io.arabicnews.duplicates;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * MinHash signatures of shingle sets, the scheme of Spark MLlib's {@code MinHashLSH}: table {@code t}
 * hashes a shingle {@code x} to {@code ((1 + x) · a_t + b_t) mod p} and keeps the minimum over the
 * set; two sets agree on a table with probability equal to their Jaccard similarity. Over plain int
 * arrays, so signing a corpus boxes nothing (MLlib's sparse vectors did, for every shingle).
 */
final class MinHashing implements Serializable {
  private static final long serialVersionUID = 1L;
  /** MLlib's prime: larger than every shingle hash (2^26), below 2^31 so products stay in a long. */
  static final long PRIME = 2038074743L;

  private final long[] a;
  private final long[] b;

  MinHashing(int tables, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    a = new long[tables];
    b = new long[tables];
    for (int t = 0; t < tables; t++) {
      a[t] = 1 + random.nextLong(PRIME - 1);
      b[t] = random.nextLong(PRIME - 1);
    }
  }

  /** One minimum per table; a set without shingles gets the maximum value in every table. */
  int[] signature(int[] shingles) {
    int[] signature = new int[a.length];
    for (int t = 0; t < a.length; t++) {
      long min = PRIME;
      for (int x : shingles) {
        long h = ((1L + x) * a[t] + b[t]) % PRIME;
        if (h < min) {
          min = h;
        }
      }
      signature[t] = (int) min;
    }
    return signature;
  }
}
