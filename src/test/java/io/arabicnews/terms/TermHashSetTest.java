package io.arabicnews.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermHashSetTest {
  @Test
  void answersLikeAHashSetOfTheSameHashes() {
    Random random = new Random(7);
    long[] hashes = new long[50_000];
    Set<Long> expected = new HashSet<>();
    for (int i = 0; i < hashes.length; i++) {
      // Some duplicates, zero, and values sharing their low bits (the slot) to force probing.
      long h = i % 10 == 0 ? hashes[random.nextInt(Math.max(1, i))] : i % 97 == 0 ? (long) i << 40 : random.nextLong();
      hashes[i] = i == 123 ? 0L : h;
      expected.add(hashes[i]);
    }
    TermHashSet set = TermHashSet.of(hashes);

    assertThat(set.size()).isEqualTo(expected.size());
    for (long h : expected) {
      assertThat(set.contains(h)).as("member %d", h).isTrue();
    }
    int absentChecked = 0;
    for (int i = 0; i < 200_000; i++) {
      long h = i % 2 == 0 ? random.nextLong() : (long) (i + 1) << 40;
      if (!expected.contains(h)) {
        absentChecked++;
        assertThat(set.contains(h)).as("absent %d", h).isFalse();
      }
    }
    assertThat(absentChecked).isGreaterThan(190_000);
    assertThat(TermHashSet.of(1L, 2L).contains(0L)).isFalse();
  }

  @Test
  void findsTermKeysByTheirHashAfterSerialisation() throws Exception {
    TermHashSet set = TermHashSet.of(TermHash.of("مكافحه الارهاب"), TermHash.of("وزير الدفاع"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(set);
    }
    TermHashSet copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (TermHashSet) in.readObject();
    }

    assertThat(copy.contains(new StringBuilder("وزير الدفاع"))).isTrue();
    assertThat(copy.contains("مكافحه الارهاب")).isTrue();
    assertThat(copy.contains("مكافحه")).isFalse();
    assertThat(TermHashSet.of().contains("وزير")).isFalse();
  }
}
