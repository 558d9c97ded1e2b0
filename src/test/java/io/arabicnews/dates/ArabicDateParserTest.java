package io.arabicnews.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArabicDateParserTest {

  private static LocalDate dateline(String s) {
    return ArabicDateParser.findDateline(s).filter(ParsedDate::isValid).map(ParsedDate::date).orElse(null);
  }

  @Test
  void readsSeed000Dateline() {
    assertThat(dateline("الثلاثاء 26 سبتمبر 2023 03:50 م")).isEqualTo(LocalDate.of(2023, 9, 26));
  }

  @Test
  void readsArabicIndicDigitsAndHamzaVariants() {
    assertThat(dateline("٢٦ سبتمبر ٢٠٢٣")).isEqualTo(LocalDate.of(2023, 9, 26));
    assertThat(dateline("الأحد 3 إبريل 2022")).isEqualTo(LocalDate.of(2022, 4, 3));
    assertThat(dateline("الأحد 3 أبريل 2022")).isEqualTo(LocalDate.of(2022, 4, 3));
    assertThat(dateline("السبت ١٢ أكتوبر ٢٠١٩ - ١٠:٣٠ ص")).isEqualTo(LocalDate.of(2019, 10, 12));
  }

  @Test
  void readsLevantineMaghrebiAndPairedMonthNames() {
    assertThat(dateline("12 كانون الثاني 2014")).isEqualTo(LocalDate.of(2014, 1, 12));
    assertThat(dateline("5 تشرين أول 2015")).isEqualTo(LocalDate.of(2015, 10, 5));
    assertThat(dateline("7 آذار 2013")).isEqualTo(LocalDate.of(2013, 3, 7));
    assertThat(dateline("5 أغسطس/آب 2023")).isEqualTo(LocalDate.of(2023, 8, 5));
    assertThat(dateline("9 يونيو/ حزيران 2014")).isEqualTo(LocalDate.of(2014, 6, 9));
    assertThat(dateline("3 جانفي 2020")).isEqualTo(LocalDate.of(2020, 1, 3));
  }

  @Test
  void readsNumericForms() {
    assertThat(dateline("2013-02-14")).isEqualTo(LocalDate.of(2013, 2, 14));
    assertThat(dateline("14/02/2013 10:00")).isEqualTo(LocalDate.of(2013, 2, 14));
    assertThat(ArabicDateParser.parseMetadata("2013-03-26T21:14:58").orElseThrow().date())
        .isEqualTo(LocalDate.of(2013, 3, 26));
  }

  @Test
  void reportsImpossibleAndUnparseableDatesInsteadOfGuessing() {
    ParsedDate feb31 = ArabicDateParser.parseMetadata("31 فبراير 2013").orElseThrow();
    assertThat(feb31.isValid()).isFalse();
    assertThat(feb31.problem()).isEqualTo("impossible date 2013-02-31");
    ParsedDate junk = ArabicDateParser.parseMetadata("قريبا").orElseThrow();
    assertThat(junk.problem()).contains("unparseable");
    assertThat(ArabicDateParser.parseMetadata("  ")).isEmpty();
  }

  @Test
  void monthPairsThatDisagreeAreFlagged() {
    ParsedDate d = ArabicDateParser.find("5 أغسطس/أيلول 2023").orElseThrow();
    assertThat(d.date()).isEqualTo(LocalDate.of(2023, 8, 5));
    assertThat(d.problem()).contains("disagree");
  }

  @Test
  void aDateDeepInASentenceIsNotADateline() {
    // Seed 003: the date of an event, far into the sentence.
    String line = "ومع تولي السيسي السلطة في مصر، في يونيو/ حزيران 2014، تنامت العلاقات المصرية الروسية";
    assertThat(ArabicDateParser.findDateline(line)).isEmpty();
    assertThat(ArabicDateParser.find("وقع الهجوم في 24 نوفمبر 2017 في سيناء")).isPresent();
    assertThat(dateline("القاهرة في ٥ مارس ٢٠١٣ - قال")).isEqualTo(LocalDate.of(2013, 3, 5));
  }

  @Test
  void doesNotReadMonthNamesInsideWords() {
    assertThat(ArabicDateParser.find("12 مارسيليا 2013")).isEmpty();
  }

  @Test
  void aDatelineSearchOfTheLineStartFindsWhatASearchOfTheWholeLineFinds() {
    // findDateline reads only the first DATELINE_SEARCH_CHARS characters; on long paragraphs with a
    // date at every early position (and more dates further on) it must agree with a whole-line search.
    String[] dates = {"26 سبتمبر 2023", "٥ مارس ٢٠١٣", "5 أغسطس/آب 2023", "12 من كانون الثاني عام 2014", "2013-03-05", "31 فبراير 2013"};
    String filler = "وقال المتحدث إن المباحثات تناولت التعاون الأمني والعسكري بين البلدين في 3 مارس 2012 ";
    for (String date : dates) {
      for (int at = 0; at <= ArabicDateParser.DATELINE_MAX_START + 10; at++) {
        String line = "ا".repeat(at) + " " + date + " " + filler.repeat(20);
        Optional<ParsedDate> whole = ArabicDateParser.find(line).filter(d -> d.start() <= ArabicDateParser.DATELINE_MAX_START);
        assertThat(line.length()).isGreaterThan(ArabicDateParser.DATELINE_SEARCH_CHARS);
        assertThat(ArabicDateParser.findDateline(line)).as("%s at %d", date, at).isEqualTo(whole);
      }
    }
    assertThat(ArabicDateParser.findDateline(filler.repeat(20))).isEmpty();
    assertThat(ArabicDateParser.findDateline("")).isEmpty();
    assertThat(ArabicDateParser.findDateline(null)).isEmpty();
  }
}
