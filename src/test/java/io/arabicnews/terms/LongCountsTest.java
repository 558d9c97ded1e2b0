package io.arabicnews.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongCountsTest {
  /** Sums per key equal a HashMap's, across drains when full, key 0 and colliding slots included. */
  @Test
  void sumsPerKeyAcrossDrainsEqualAMapsSums() {
    LongCounts counts = new LongCounts(10); // 1,024 slots: full at 716 keys
    Map<Long, Long> expected = new HashMap<>();
    Map<Long, Long> drained = new HashMap<>();
    Random random = new Random(7);
    int drains = 0;
    for (int i = 0; i < 50_000; i++) {
      // Keys that share their low bits land on neighbouring slots and probe past each other.
      long key = random.nextInt(8) == 0 ? (long) random.nextInt(4) << 32 : random.nextLong() % 3_000;
      long by = 1 + random.nextInt(3);
      counts.add(key, by);
      expected.merge(key, by, Long::sum);
      if (counts.isFull()) {
        assertThat(counts.size()).isEqualTo(716);
        counts.drain((k, c) -> drained.merge(k, c, Long::sum));
        assertThat(counts.size()).isZero();
        drains++;
      }
    }
    counts.drain((k, c) -> drained.merge(k, c, Long::sum));
    assertThat(drains).isGreaterThan(10);
    assertThat(expected).containsKey(0L).containsKey(1L << 32);
    assertThat(drained).isEqualTo(expected);
  }

  @Test
  void aDrainHandsEachKeyOnceAndEmptiesTheTable() {
    LongCounts counts = new LongCounts(4);
    counts.add(0, 2);
    counts.add(5, 1);
    counts.add(5, 4);
    counts.add(-5, 1);
    Map<Long, Long> first = new HashMap<>();
    counts.drain((k, c) -> assertThat(first.put(k, c)).as("key %d handed twice", k).isNull());
    assertThat(first).isEqualTo(Map.of(0L, 2L, 5L, 5L, -5L, 1L));
    Map<Long, Long> second = new HashMap<>();
    counts.drain(second::put);
    assertThat(second).isEmpty();
    counts.add(5, 1);
    counts.drain(second::put);
    assertThat(second).isEqualTo(Map.of(5L, 1L));
  }
}
