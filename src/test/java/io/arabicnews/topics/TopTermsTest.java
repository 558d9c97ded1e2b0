package io.arabicnews.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;

class TopTermsTest {
  @Test
  void aPhraseHidesItsWordsWhetherRankedBeforeOrAfterThem() {
    // «قوات» ranks above the phrase: the phrase takes its place; «مسلح» after it is passed over.
    List<String> ranked = List.of("قوات", "قوات مسلح", "مسلح", "جماع", "جماع اسلام", "اسلام", "مرسي");
    assertThat(TopTerms.pick(ranked, 3)).containsExactly(1, 4, 6);
  }

  @Test
  void aLongerPhraseHidesItsShorterPhrasesButNotOverlappingOnes() {
    List<String> ranked = List.of("مجلس امن", "مجلس امن قومي", "امن قومي", "قومي مصري");
    // «امن قومي» is inside the three-word phrase; «قومي مصري» only overlaps it.
    assertThat(TopTerms.pick(ranked, 5)).containsExactly(1, 3);
    assertThat(TopTerms.contains("a b c".split(" "), "b c".split(" "))).isTrue();
    assertThat(TopTerms.contains("a b c".split(" "), "a c".split(" "))).isFalse();
  }

  @Test
  void relevanceBelowOnePrefersWhatIsSpecificToTheTopic() {
    // Two terms with the same probability in the topic: the one rarer in the corpus ranks first.
    assertThat(TopTerms.relevance(0.02, 0.001, 0.6)).isGreaterThan(TopTerms.relevance(0.02, 0.02, 0.6));
    assertThat(TopTerms.relevance(0.02, 0.001, 1.0)).isEqualTo(TopTerms.relevance(0.02, 0.02, 1.0));
  }

  @Test
  void topTermsOfAModelByRelevance() {
    // Vocabulary × topics. In topic 0 «عام» is the most probable term (0.56) but three quarters of the
    // corpus: the phrase (0.28, only in topic 0) outranks it, and hides its word «قوات». In topic 1
    // «عام» is 0.8 of the topic and still leads.
    String[] keys = {"عام", "قوات", "قوات مسلح", "دوري", "اهلي"};
    double[][] counts = {{40, 200}, {10, 0}, {20, 0}, {0, 30}, {1, 20}};
    double[] columnMajor = new double[keys.length * 2];
    for (int w = 0; w < keys.length; w++) {
      columnMajor[w] = counts[w][0];
      columnMajor[keys.length + w] = counts[w][1];
    }
    List<List<Integer>> top = TopTerms.ofModel(new DenseMatrix(keys.length, 2, columnMajor), keys, 0.6, 2);
    assertThat(top.get(0)).containsExactly(2, 0);
    assertThat(top.get(1)).containsExactly(0, 3);
    // Raw probability (λ = 1) would lead topic 0 with «عام».
    assertThat(TopTerms.ofModel(new DenseMatrix(keys.length, 2, columnMajor), keys, 1.0, 1).get(0)).containsExactly(0);
  }

  @Test
  void learnedTopicLabelsNameCuratedTopicsAndEntitiesInEnglish() {
    Map<String, String> curated = Map.of("protests", "Protests and clashes", "courts_trials", "Courts and trials");
    LearnedTopicNames.Label two = LearnedTopicNames.label(
        Map.of("protests", 0.40, "courts_trials", 0.25, "unassigned", 0.35), curated, List.of("Muslim Brotherhood", "Tahrir Square"));
    assertThat(two.text()).isEqualTo("≈ Protests and clashes + Courts and trials · Muslim Brotherhood, Tahrir Square");
    assertThat(two.overlap()).isCloseTo(0.65, org.assertj.core.data.Offset.offset(1e-12));
    // The second curated topic needs half the first's overlap.
    LearnedTopicNames.Label one = LearnedTopicNames.label(Map.of("protests", 0.60, "courts_trials", 0.25), curated, List.of());
    assertThat(one.text()).isEqualTo("≈ Protests and clashes");
    assertThat(one.overlap()).isEqualTo(0.60);
    // Mostly news no curated topic covers: no curated name, no overlap.
    LearnedTopicNames.Label other = LearnedTopicNames.label(Map.of("unassigned", 0.95, "protests", 0.05), curated, List.of("Mali"));
    assertThat(other.text()).isEqualTo("Other news · Mali");
    assertThat(other.overlap()).isNull();
  }
}
