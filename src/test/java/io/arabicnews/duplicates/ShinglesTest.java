package io.arabicnews.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShinglesTest {
  @Test
  void theMergedJaccardIsTheJaccardOfTheSetsOnTwoSeedVersions() throws IOException {
    // Seed 002 and a rewrite of it whose second half is seed 001's text: partly the same article.
    List<String> a = Files.readAllLines(Path.of("data/002_da11f2f27d591e95.txt"));
    List<String> other = Files.readAllLines(Path.of("data/001_d840a8d400466009.txt"));
    String original = String.join("\n", a);
    String rewrite = String.join("\n", a.subList(0, a.size() / 2)) + "\n" + String.join("\n", other);

    int[] x = shingles(original);
    int[] y = shingles(rewrite);
    double expected = setJaccard(x, y);

    assertThat(expected).isBetween(0.05, 0.95);
    assertThat(Shingles.jaccard(x, y)).isEqualTo(expected);
    assertThat(Shingles.jaccard(y, x)).isEqualTo(expected);
    assertThat(Shingles.jaccard(x, x)).isEqualTo(1.0);
  }

  @Test
  void disjointAndPartlySharedSets() {
    assertThat(Shingles.jaccard(new int[] {1, 3, 5}, new int[] {2, 4})).isZero();
    assertThat(Shingles.jaccard(new int[] {-5, 1, 3}, new int[] {1, 3, 7})).isEqualTo(0.5);
    assertThat(Shingles.jaccard(new int[] {1}, new int[] {1, 2, 3, 4})).isEqualTo(0.25);
  }

  private static int[] shingles(String text) {
    Shingles s = new Shingles();
    try (ArabicTextAnalyzer analyzer = new ArabicTextAnalyzer(AnalyzerResources.defaults())) {
      analyzer.forEachNormalizedToken(text, s::add);
    }
    return s.distinctSorted().stream().mapToInt(Integer::intValue).toArray();
  }

  private static double setJaccard(int[] a, int[] b) {
    Set<Integer> union = new HashSet<>();
    Set<Integer> left = new HashSet<>();
    for (int v : a) {
      left.add(v);
      union.add(v);
    }
    int common = 0;
    for (int v : b) {
      union.add(v);
      if (left.contains(v)) {
        common++;
      }
    }
    return (double) common / union.size();
  }
}
