package io.arabicnews.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.Seeds;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.ar.ArabicStemmer;
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

  /** Lucene's light stem of one word key, straight from its stemmer: what the stems must equal. */
  private static String luceneStem(String key) {
    char[] chars = key.toCharArray();
    return new String(chars, 0, new ArabicStemmer().stem(chars, chars.length));
  }

  /** A term's stems from its key alone (how the term tables get them) are Lucene's stems of its words. */
  @Test
  void stemsOfATermKeyAreTheStemsOfItsWords() {
    int pairs = 0;
    int changed = 0;
    for (int i = 0; i < 5; i++) {
      List<AnalyzedToken> content = analyzer.analyze(Seeds.text(i)).stream().filter(AnalyzedToken::isContent).toList();
      for (int j = 0; j + 1 < content.size(); j++) {
        AnalyzedToken a = content.get(j);
        AnalyzedToken b = content.get(j + 1);
        String stemA = luceneStem(a.key());
        assertThat(a.stem()).as(a.key()).isEqualTo(stemA);
        assertThat(ArabicTextAnalyzer.stemKeys(a.key())).as(a.key()).isEqualTo(stemA);
        assertThat(ArabicTextAnalyzer.stemKeys(a.key() + " " + b.key()))
            .isEqualTo(stemA + " " + luceneStem(b.key()));
        pairs++;
        changed += stemA.equals(a.key()) ? 0 : 1;
      }
    }
    assertThat(pairs).isGreaterThan(500);
    assertThat(changed).as("words the stemmer shortens").isGreaterThan(pairs / 4);
    AnalyzedToken longWord = one("الاستراتيجياتوالتكتيكاتالعسكرية");
    assertThat(ArabicTextAnalyzer.stemKeys("مصر " + longWord.key() + " روسيا"))
        .isEqualTo("مصر " + luceneStem(longWord.key()) + " روسيا");
    assertThat(ArabicTextAnalyzer.stemKeys("مكافحه الارهاب")).isEqualTo("مكافح ارهاب");
    assertThat(one("٢٠٢٣").stem()).as("numbers are their own stem").isEqualTo("2023");
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

  /** The display form as the character loop computes it for every token (what the fast path must equal). */
  private static String displayByLoop(String surface, CliticSegmenter.Segmented seg) {
    StringBuilder sb = new StringBuilder();
    int toSkip = seg.lettersRemoved();
    for (char c : surface.toCharArray()) {
      if (ArabicTextAnalyzer.isTatweelOrDiacritic(c)) {
        continue;
      }
      if (toSkip > 0) {
        toSkip--;
        continue;
      }
      sb.append(Character.toLowerCase(c));
    }
    return seg.lamLamToAlefLam() ? "ال" + sb : sb.toString();
  }

  /**
   * Display forms and {@code withoutMarks} take a shortcut for plain tokens (no marks, nothing to
   * lower-case): on every seed token and on 100,000 random strings over Arabic letters, tatweel,
   * diacritics, both kinds of digits, Latin of both cases and other letters with case, they equal
   * the character loop.
   */
  @Test
  void displayFormShortcutEqualsTheLoop() {
    for (int i = 0; i < 5; i++) {
      String text = Seeds.text(i);
      for (AnalyzedToken t : analyzer.analyze(text)) {
        CliticSegmenter.Segmented seg = new CliticSegmenter.Segmented(t.key(), 0, false);
        assertThat(ArabicTextAnalyzer.displayForm(t.surface(), seg)).isEqualTo(displayByLoop(t.surface(), seg));
      }
    }
    String alphabet = "بالقاهرةوموسكولإرهابىئؤآ\u0640\u064B\u064E\u0650\u0651\u0652\u0670"
        + "0123456789\u0660\u0665\u0669AZaqRTİIıΣσÉé-_.«»";
    java.util.Random random = new java.util.Random(9);
    for (int n = 0; n < 100_000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = 1 + random.nextInt(12);
      for (int i = 0; i < length; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String surface = sb.toString();
      CliticSegmenter.Segmented seg =
          new CliticSegmenter.Segmented("x", random.nextInt(3), random.nextInt(4) == 0);
      assertThat(ArabicTextAnalyzer.displayForm(surface, seg)).as(surface).isEqualTo(displayByLoop(surface, seg));
      assertThat(ArabicTextAnalyzer.withoutMarks(surface)).as(surface)
          .isEqualTo(displayByLoop(surface, new CliticSegmenter.Segmented("x", 0, false)));
    }
  }
}
