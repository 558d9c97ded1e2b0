package io.arabicnews.terms;

/**
 * A 64-bit hash of a term key (FNV-1a over its chars, then MurmurHash3's finaliser), so the first
 * counting pass can aggregate fixed-width numbers instead of strings. With 64 bits, collisions among
 * the tens of millions of distinct n-grams of a large corpus are improbable, and harmless: a collision
 * only lets a rare phrase into the second pass, where it is counted exactly and judged again.
 */
public final class TermHash {
  private TermHash() {}

  public static long of(CharSequence key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
