package io.arabicnews.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.duplicates.NearDuplicates.Bucket;
import io.arabicnews.duplicates.NearDuplicates.BucketPairs;
import io.arabicnews.duplicates.NearDuplicates.CandidateIds;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BucketPairsTest {
  private static final LocalDate DAY = LocalDate.of(2013, 3, 1);

  private static List<String> pairs(List<Bucket> sorted, int maxDays, double minSimilarity) {
    List<String> out = new ArrayList<>();
    new BucketPairs(sorted.iterator(), maxDays, minSimilarity)
        .forEachRemaining(p -> out.add(p.getA() + "+" + p.getB()));
    return out;
  }

  @Test
  void everyTwoArticlesOfABucketThatDatesAndSizesAllow() {
    List<Bucket> sorted = List.of(
        new Bucket(0, 5, "solo", DAY, 100),
        new Bucket(0, 9, "c", DAY, 100),
        new Bucket(0, 9, "a", DAY.plusDays(2), 100),
        new Bucket(0, 9, "b", null, 40),             // too short for c and a: 40 / 100 < 0.5
        new Bucket(1, 9, "x", DAY, 100),             // same value, another table: another bucket
        new Bucket(1, 9, "y", DAY.plusDays(3), 100), // three days after x
        new Bucket(1, 9, "z", null, 50));            // 50 / 100 is the threshold itself
    assertThat(pairs(sorted, 2, 0.5)).containsExactly("a+c", "x+z", "y+z");
    assertThat(pairs(sorted, 3, 0.4)).containsExactly("a+c", "b+c", "a+b", "x+y", "x+z", "y+z");
    assertThat(pairs(List.of(), 2, 0.5)).isEmpty();
    assertThat(pairs(List.of(new Bucket(0, 1, "a", DAY, 10)), 2, 0.5)).isEmpty();
  }

  /** The pairs of random sorted buckets equal those of comparing every two rows of each bucket. */
  @Test
  void theScanFindsWhatComparingEveryTwoRowsFinds() {
    Random random = new Random(11);
    List<Bucket> sorted = new ArrayList<>();
    for (int table = 0; table < 3; table++) {
      for (int value = 0; value < 200; value++) {
        int size = random.nextInt(10) == 0 ? 30 : random.nextInt(4);
        for (int k = 0; k < size; k++) {
          sorted.add(new Bucket(table, value, "article-" + random.nextInt(400),
              random.nextInt(8) == 0 ? null : DAY.plusDays(random.nextInt(6)), 20 + random.nextInt(40)));
        }
      }
    }
    Set<String> expected = new HashSet<>();
    int compared = 0;
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size(); j++) {
        Bucket x = sorted.get(i);
        Bucket y = sorted.get(j);
        if (x.getTable() != y.getTable() || x.getValue() != y.getValue() || x.getArticleId().equals(y.getArticleId())) {
          continue;
        }
        compared++;
        boolean dated = x.getPublishedDate() != null && y.getPublishedDate() != null;
        if (dated && Math.abs(ChronoUnit.DAYS.between(x.getPublishedDate(), y.getPublishedDate())) > 2) {
          continue;
        }
        if (Math.min(x.getSize(), y.getSize()) < 0.5 * Math.max(x.getSize(), y.getSize())) {
          continue;
        }
        String a = x.getArticleId().compareTo(y.getArticleId()) < 0 ? x.getArticleId() : y.getArticleId();
        String b = a.equals(x.getArticleId()) ? y.getArticleId() : x.getArticleId();
        expected.add(a + "+" + b);
      }
    }
    List<String> found = pairs(sorted, 2, 0.5);
    assertThat(compared).isGreaterThan(1_000);
    assertThat(new HashSet<>(found)).isEqualTo(expected);
  }

  /** A bucket of a common template holds thousands of articles: its pairs come one at a time. */
  @Test
  void aLargeBucketYieldsAllItsPairs() {
    List<Bucket> sorted = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      sorted.add(new Bucket(0, 1, String.format("a%05d", i), DAY, 100));
    }
    BucketPairs pairs = new BucketPairs(sorted.iterator(), 2, 0.5);
    long n = 0;
    CandidateIds last = null;
    while (pairs.hasNext()) {
      last = pairs.next();
      n++;
    }
    assertThat(n).isEqualTo(2_000L * 1_999 / 2);
    assertThat(last.getA() + "+" + last.getB()).isEqualTo("a01998+a01999");
  }
}
