package io.arabicnews.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.Seeds;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArabicTextAnalyzerTest {
  private static ArabicTextAnalyzer analyzer;

  @BeforeAll
  static void setUp() {
    analyzer = new ArabicTextAnalyzer(AnalyzerResources.defaults());
  }

  @AfterAll
  static void tearDown() {
    analyzer.close();
  }

  private static AnalyzedToken one(String word) {
    List<AnalyzedToken> tokens = analyzer.analyze(word);
    assertThat(tokens).as("tokens of «%s»", word).hasSize(1);
    return tokens.get(0);
  }

  private static String key(String word) {
    return one(word).key();
  }

  @Test
  void hamzaAndCliticVariantsOfTerrorismAreOneTerm() {
    assertThat(key("الإرهاب")).isEqualTo("الارهاب");
    assertThat(key("الارهاب")).isEqualTo("الارهاب");
    assertThat(key("والإرهاب")).isEqualTo("الارهاب");
    assertThat(key("للإرهاب")).isEqualTo("الارهاب");
    assertThat(key("وللإرهاب")).isEqualTo("الارهاب");
  }

  @Test
  void procliticsComeOffPlaceNames() {
    assertThat(key("بالقاهرة")).isEqualTo(key("القاهرة")).isEqualTo("القاهره");
    assertThat(key("وموسكو")).isEqualTo("موسكو");
    assertThat(key("لروسيا")).isEqualTo("روسيا");
    assertThat(key("ومصر")).isEqualTo("مصر");
  }

  @Test
  void wordsThatOnlyLookLikeCliticsAreKept() {
    assertThat(key("وزير")).isEqualTo("وزير");
    assertThat(key("بريطانيا")).isEqualTo("بريطانيا");
    assertThat(key("لبنان")).isEqualTo("لبنان");
    assertThat(key("كامل")).isEqualTo("كامل");
    assertThat(key("والد")).isEqualTo("والد");
    assertThat(key("بالفعل")).isEqualTo("بالفعل");
  }

  @Test
  void displayFormIsTheSurfaceWithoutCliticsTatweelAndDiacritics() {
    assertThat(one("بالقاهرة").display()).isEqualTo("القاهرة");
    assertThat(one("للإرهاب").display()).isEqualTo("الإرهاب");
    assertThat(one("وموسكو").display()).isEqualTo("موسكو");
    assertThat(one("بوشيـــــن").display()).isEqualTo("بوشين");
    assertThat(one("إنَّ").key()).isEqualTo("ان");
    assertThat(one("بالقاهرة").surface()).isEqualTo("بالقاهرة");
  }

  @Test
  void normalisesTaMarbutaAlefMaqsuraAndHamzaForms() {
    assertThat(key("مصرية")).isEqualTo("مصريه");
    assertThat(key("مستشفى")).isEqualTo("مستشفي");
    assertThat(key("أوكرانيا")).isEqualTo(key("اوكرانيا"));
    assertThat(key("إسرائيل")).isEqualTo("اسرائيل");
    assertThat(key("آذار")).isEqualTo("اذار");
  }

  @Test
  void stopWordsAreFlaggedIncludingEgyptianSpellings() {
    for (String w : List.of("في", "على", "إلى", "التي", "فى", "علي", "الى", "التى", "الذى", "هى", "وفي", "أن", "قال")) {
      assertThat(one(w).stop()).as("«%s» is a stop word", w).isTrue();
    }
    for (String w : List.of("روسيا", "الإرهاب", "التعاون", "الدفاع")) {
      assertThat(one(w).stop()).as("«%s» is a term", w).isFalse();
    }
  }

  @Test
  void digitsAreFoldedAndFlaggedLatinIsLowerCased() {
    AnalyzedToken year = one("٢٠٢٣");
    assertThat(year.key()).isEqualTo("2023");
    assertThat(year.number()).isTrue();
    assertThat(year.isContent()).isFalse();
    assertThat(key("Discord")).isEqualTo("discord");
    assertThat(key("بـ40")).isEqualTo("40");
  }

  @Test
  void stemsAreLuceneLightStems() {
    assertThat(one("الإرهاب").stem()).isEqualTo("ارهاب");
    assertThat(one("بالقاهرة").stem()).isEqualTo(one("القاهرة").stem());
  }

  @Test
  void positionsCountEveryTokenOfTheSentence() {
    List<AnalyzedToken> t = analyzer.analyze("أكد وزير الدفاع الروسي على مكافحة الإرهاب");
    assertThat(t).extracting(AnalyzedToken::position).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(t.stream().filter(AnalyzedToken::isContent).map(AnalyzedToken::key).collect(Collectors.toList()))
        .containsExactly("وزير", "الدفاع", "الروسي", "مكافحه", "الارهاب");
  }

  @Test
  void seedTextsYieldCleanKeys() {
    for (int n = 0; n < 5; n++) {
      for (AnalyzedToken t : analyzer.analyze(Seeds.text(n))) {
        assertThat(t.key()).as("seed %d token «%s»", n, t.surface())
            .doesNotContain("\u0640", "\u064E", "\u064B", "أ", "إ", "آ", "ة", "ى")
            .isNotBlank();
      }
    }
    long cairo = analyzer.analyze(Seeds.text(0)).stream().filter(t -> t.key().equals("القاهره")).count();
    // Seed 000: بالقاهرة (title), القاهرة (title), القاهرة, بالقاهرة, القاهرة = 5 (the dateline has none)
    assertThat(cairo).isEqualTo(5);
  }
}
