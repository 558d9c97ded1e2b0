package io.arabicnews.terms;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NgramExtractorTest {
  private static ArabicTextAnalyzer analyzer;

  @BeforeAll
  static void setUp() {
    analyzer = new ArabicTextAnalyzer(AnalyzerResources.defaults());
  }

  @AfterAll
  static void tearDown() {
    analyzer.close();
  }

  private static List<Ngram> ngrams(String s) {
    List<Ngram> out = new ArrayList<>();
    new NgramExtractor(3).extract(s, analyzer.analyze(s), out::add);
    return out;
  }

  @Test
  void phrasesAreRunsOfContentWordsWithKeysAndDisplayForms() {
    List<Ngram> g = ngrams("أكد وزير الدفاع الروسي على مكافحة الإرهاب");
    assertThat(g).extracting(Ngram::display).containsExactly(
        "وزير", "وزير الدفاع", "وزير الدفاع الروسي", "الدفاع", "الدفاع الروسي", "الروسي",
        "مكافحة", "مكافحة الإرهاب", "الإرهاب");
    assertThat(g).filteredOn(x -> x.display().equals("مكافحة الإرهاب")).singleElement()
        .satisfies(x -> {
          assertThat(x.key()).isEqualTo("مكافحه الارهاب");
          assertThat(x.n()).isEqualTo(2);
        });
  }

  @Test
  void phrasesDoNotCrossPunctuationStopWordsOrNumbers() {
    List<String> keys = ngrams("بين مصر، روسيا في 2023 القاهرة").stream().map(Ngram::key).toList();
    assertThat(keys).containsExactly("مصر", "روسيا", "القاهره");
    assertThat(ngrams("مكافحة “الإرهاب”").stream().map(Ngram::display).toList())
        .containsExactly("مكافحة", "مكافحة الإرهاب", "الإرهاب");
    assertThat(ngrams("الأمن والاستقرار").get(1).display()).isEqualTo("الأمن والاستقرار");
  }

  /** A rejected phrase ends the phrases starting at its first word: the longer ones are not asked about. */
  @Test
  void phrasesAfterARejectedOneAreNotAskedAbout() {
    String s = "أكد وزير الدفاع الروسي على مكافحة الإرهاب";
    List<String> asked = new ArrayList<>();
    List<String> emitted = new ArrayList<>();
    new NgramExtractor(3).extract(s, analyzer.analyze(s),
        key -> {
          asked.add(key.toString());
          return !key.toString().equals("وزير الدفاع");
        },
        g -> emitted.add(g.key()));
    assertThat(asked).containsExactly("وزير الدفاع", "الدفاع الروسي", "مكافحه الارهاب");
    assertThat(emitted).containsExactly(
        "وزير", "الدفاع", "الدفاع الروسي", "الروسي", "مكافحه", "مكافحه الارهاب", "الارهاب");
  }

  @Test
  void cliticsComeOffInsidePhrases() {
    List<String> keys = ngrams("تعاون للإرهاب وبالقاهرة").stream().filter(x -> x.n() == 3).map(Ngram::key).toList();
    assertThat(keys).containsExactly("تعاون الارهاب القاهره");
  }
}
