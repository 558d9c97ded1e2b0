package io.arabicnews.duplicates;

import lombok.Builder;
import lombok.Value;

/** How near two articles must be to count as one story, and how hard LSH looks for them. */
@Value
@Builder(toBuilder = true)
public class DuplicatesConfig {
  /** Jaccard similarity of word 4-shingles at or above which two articles are duplicates; above 1 turns detection off. */
  @Builder.Default double minSimilarity = 0.5;
  /** MinHash functions (OR-amplified hash tables): a pair of similarity s is a candidate with probability 1-(1-s)^k. */
  @Builder.Default int hashTables = 8;
  /** Two articles printed more than this many days apart are not duplicates (undated ones may be). */
  @Builder.Default int maxDays = 2;
  /** Seed of the MinHash functions: fixed, so re-runs find the same clusters. */
  @Builder.Default long seed = 20_130_101L;

  public boolean enabled() {
    return minSimilarity <= 1.0;
  }

  public DuplicatesConfig validate() {
    if (!(minSimilarity > 0)) {
      throw new IllegalArgumentException("--dup-similarity must be above 0 (got " + minSimilarity + "); use a value above 1 to turn detection off");
    }
    if (hashTables < 1 || hashTables > 64) {
      throw new IllegalArgumentException("--dup-hash-tables must be 1..64 (got " + hashTables + ")");
    }
    if (maxDays < 0) {
      throw new IllegalArgumentException("--dup-max-days must be 0 or more (got " + maxDays + ")");
    }
    return this;
  }
}
