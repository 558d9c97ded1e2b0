package io.arabicnews.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.Seeds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {
  private final ArticleCleaner cleaner = new ArticleCleaner(BoilerplatePatterns.defaults());

  private CleanedArticle seed(int n) {
    return cleaner.clean(Seeds.text(n), null, true);
  }

  @Test
  void seed000TitleDatelineAndTailBoilerplate() {
    CleanedArticle a = seed(0);
    assertThat(a.title()).isEqualTo("مباحثات أمنية روسية مصرية بالقاهرة.. وموسكو تشيد برفض القاهرة إرسال أسلحة لأوكرانيا");
    assertThat(a.dateline().date()).isEqualTo(LocalDate.of(2023, 9, 26));
    assertThat(a.paragraphs().get(0)).startsWith("أعلنت روسيا عن إجراء مباحثات أمنية مهمة");
    assertThat(a.paragraphs()).last().isEqualTo("وقالت وثائق أخرى أن مصر تراجعت لاحقًا عن تلك الخطة وسط ضغوط أمريكية.");
    assertThat(a.body()).doesNotContain("الثلاثاء 26 سبتمبر", "المصدر |", "كلمات مفتاحية", "العلاقات المصرية الروسية أوكرانيا مباحثات أمنية");
    // The subheading «إشادة روسية» is part of the article.
    assertThat(a.paragraphs()).contains("إشادة روسية");
  }

  @Test
  void seed001SkipsSectionLabelAndDropsUrlSourceAndRelatedLinks() {
    CleanedArticle a = seed(1);
    assertThat(a.title()).isEqualTo("مباحثات روسية مصرية.. هذا أبرز ما جاء فيها");
    assertThat(a.body()).doesNotContain("الشأن السوري", "https://", "facebook", "المصدر: (وكالات)",
        "بوتين يواصل دعم الأسد", "مقالات ذات صلة", "زر الذهاب إلى الأعلى");
    assertThat(a.paragraphs()).last().asString().startsWith("وتابع: نحن مستعدون لترسيخ القدرات الدفاعية المصرية");
    assertThat(a.dateline()).isNull();
  }

  @Test
  void seed002DropsTheSubheadingThatEchoesTheLead() {
    CleanedArticle a = seed(2);
    assertThat(a.title()).startsWith("التحالف الاستراتيجي يتجدد");
    assertThat(a.paragraphs()).doesNotContain("تعزيز الروابط الاستراتيجية والدفاعية");
    assertThat(a.paragraphs()).contains("زيارة عمل");
    assertThat(a.paragraphs()).hasSize(7);
  }

  @Test
  void seed003HasNoTitleAndLosesItsTrailingHeadlines() {
    CleanedArticle a = seed(3);
    assertThat(a.title()).isNull(); // the first line is the lead sentence
    assertThat(a.paragraphs().get(0)).startsWith("بحثت مصر وروسيا، الأربعاء");
    assertThat(a.paragraphs()).hasSize(12);
    assertThat(a.body()).doesNotContain("نيقوسيا", "الكيماوي بسوريا", "أردوغان");
    assertThat(a.dateline()).isNull(); // «يونيو/ حزيران 2014» is an event in the body
  }

  @Test
  void seed004LeadParagraphIsNotATitleAndTheTruncatedEndIsKept() {
    CleanedArticle a = seed(4);
    assertThat(a.title()).isNull();
    assertThat(a.paragraphs()).hasSize(11);
    assertThat(a.paragraphs()).last().asString().endsWith("في المجال العسكري،");
  }

  @Test
  void noSeedBodyKeepsAUrlOrABoilerplateLine() {
    BoilerplatePatterns patterns = BoilerplatePatterns.defaults();
    for (int n = 0; n < 5; n++) {
      CleanedArticle a = seed(n);
      assertThat(a.body()).as("seed %d", n).doesNotContain("http", "www.");
      for (String p : a.paragraphs()) {
        assertThat(patterns.classify(p)).as("seed %d line «%s»", n, p).isNull();
      }
    }
  }

  @Test
  void removesInvisibleMarksAndRepeatedParagraphs() {
    String text = "عنوان الخبر\nقال\u200F الوزير\u200B إن\u00A0العلاقات   جيدة.\n\nفقرة ثانية مهمة.\nقال الوزير إن العلاقات جيدة.\n";
    CleanedArticle a = cleaner.clean(text, null, true);
    assertThat(a.paragraphs()).containsExactly("قال الوزير إن العلاقات جيدة.", "فقرة ثانية مهمة.");
    assertThat(a.removedLines()).isEqualTo(1);
  }

  @Test
  void aBodyOfOnlyBoilerplateIsEmpty() {
    CleanedArticle a = cleaner.clean("مقالات ذات صلة\nزر الذهاب إلى الأعلى\nشارك", "عنوان", false);
    assertThat(a.paragraphs()).isEmpty();
  }

  @Test
  void aMetadataTitleRepeatedAsFirstBodyLineIsRemoved() {
    CleanedArticle a = cleaner.clean("السيسي يستقبل لافروف\nاستقبل الرئيس السيسي وزير الخارجية الروسي.", "السيسي يستقبل لافروف", false);
    assertThat(a.title()).isEqualTo("السيسي يستقبل لافروف");
    assertThat(a.paragraphs()).containsExactly("استقبل الرئيس السيسي وزير الخارجية الروسي.");
  }

  @Test
  void normalizeLineIsTheRegularExpressionNormalisation() {
    // The one-pass normalisation must give what the two regular expressions it replaced gave, on the
    // seeds' lines and on random strings over every character class involved.
    Pattern invisible =
        Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF\\u00AD]");
    Pattern spaces =
        Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
    Function<String, String> reference =
        raw -> spaces.matcher(invisible.matcher(raw).replaceAll("")).replaceAll(" ").strip();
    List<String> inputs = new ArrayList<>();
    for (int n = 0; n < 5; n++) {
      inputs.addAll(Arrays.asList(Seeds.text(n).split("\n")));
    }
    String alphabet = " \t\n\u000B\f\r\u00A0\u2000\u2007\u200A\u200B\u200E\u200F\u202A\u202E\u202F"
        + "\u205F\u2060\u2066\u2069\u3000\uFEFF\u00AD\u1680\u2028\u001Cمصر a.\uD83D\uDE00";
    Random random = new Random(20261126);
    for (int k = 0; k < 20_000; k++) {
      StringBuilder b = new StringBuilder();
      for (int len = random.nextInt(12); len > 0; len--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      inputs.add(b.toString());
    }
    for (String raw : inputs) {
      assertThat(ArticleCleaner.normalizeLine(raw)).as("«%s»", raw).isEqualTo(reference.apply(raw));
    }
  }

  @Test
  void linesEndAtEveryKindOfLineBreak() {
    CleanedArticle a = cleaner.clean("العنوان\r\nالفقرة الأولى في النص.\rالفقرة الثانية في النص.\n\n\nالفقرة الثالثة في النص.", null, true);
    assertThat(a.title()).isEqualTo("العنوان");
    assertThat(a.paragraphs()).containsExactly("الفقرة الأولى في النص.", "الفقرة الثانية في النص.", "الفقرة الثالثة في النص.");
  }
}
