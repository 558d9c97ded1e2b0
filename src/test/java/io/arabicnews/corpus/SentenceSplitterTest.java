package io.arabicnews.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  @Test
  void splitsOnArabicAndLatinPunctuation() {
    assertThat(SentenceSplitter.split("هل زار موسكو؟ نعم زارها. وعاد؛ ثم سافر! انتهى"))
        .containsExactly("هل زار موسكو؟", "نعم زارها.", "وعاد؛", "ثم سافر!", "انتهى");
  }

  @Test
  void keepsQuotationsTogether() {
    String p = "وقال باتروشيف: \"إننا نرحب برفض القاهرة تقديم أسلحة لنظام كييف. وفي الوقت نفسه، نفهم ذلك\". ثم غادر.";
    assertThat(SentenceSplitter.split(p))
        .containsExactly(
            "وقال باتروشيف: \"إننا نرحب برفض القاهرة تقديم أسلحة لنظام كييف. وفي الوقت نفسه، نفهم ذلك\".",
            "ثم غادر.");
    assertThat(SentenceSplitter.split("أن «توقيع الاتفاقيات سيكون قريباً. والزيارة جاءت»، حسب المصدر. وأضاف."))
        .containsExactly("أن «توقيع الاتفاقيات سيكون قريباً. والزيارة جاءت»، حسب المصدر.", "وأضاف.");
  }

  @Test
  void decimalsAndAbbreviationsDoNotEndSentences() {
    assertThat(SentenceSplitter.split("بلغ النمو 3.5 في المئة. وقال د. أحمد إنه جيد."))
        .containsExactly("بلغ النمو 3.5 في المئة.", "وقال د. أحمد إنه جيد.");
  }

  @Test
  void aFullStopGluedToTheNextWordStillEndsTheSentence() {
    // Seed 004: «مع روسيا.وأفاد المصدر»
    assertThat(SentenceSplitter.split("للتعاون العسكري مع روسيا.وأفاد المصدر بأن المحادثات أسفرت"))
        .containsExactly("للتعاون العسكري مع روسيا.", "وأفاد المصدر بأن المحادثات أسفرت");
  }

  @Test
  void anUnclosedQuoteDoesNotSwallowTheParagraph() {
    String longQuote = "قال «" + "كلام طويل جدا ".repeat(40) + "انتهى. " + "جملة أخرى.";
    assertThat(SentenceSplitter.split(longQuote)).hasSize(2);
  }

  @Test
  void dropsPunctuationOnlyPieces() {
    assertThat(SentenceSplitter.split("... . !")).isEmpty();
  }
}
