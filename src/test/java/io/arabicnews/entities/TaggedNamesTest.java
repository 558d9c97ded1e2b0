package io.arabicnews.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.entities.tagger.NameModels;
import io.arabicnews.text.AnalyzedToken;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped tagger over analysed sentences, and the English spellings of the names it finds. */
class TaggedNamesTest {
  private static final Path NAMES = Path.of("..", "shared", "corpora", "name-transliterations");
  private static ArabicTextAnalyzer analyzer;

  @BeforeAll
  static void analyzer() {
    GazetteerFile g = GazetteerFile.defaults();
    analyzer = new ArabicTextAnalyzer(EntityResources.withGazetteerWords(AnalyzerResources.defaults(), g));
  }

  @AfterAll
  static void close() {
    analyzer.close();
  }

  private static List<TaggedNames.Name> names(String sentence) {
    return TaggedNames.find(NameModels.shipped(), sentence, analyzer.analyze(sentence));
  }

  @Test
  void namesComeBackInTheAnalysersPositionsWithTheirKeysAndPrintedForms() {
    // People and a party the gazetteer does not list, a comma between them, a clitic on the city.
    String sentence = "وقال الدكتور يونس مخيون، رئيس حزب الوسط، إن الحزب لن يشارك في الحوار بالقاهرة.";
    List<AnalyzedToken> tokens = analyzer.analyze(sentence);
    List<TaggedNames.Name> found = names(sentence);
    TaggedNames.Name person = found.stream().filter(n -> n.type().equals("PERSON")).findFirst().orElseThrow();
    assertThat(person.display()).isEqualTo("يونس مخيون");
    assertThat(tokens.get(person.start()).surface()).isEqualTo("يونس");
    assertThat(person.words()).isEqualTo(2);
    assertThat(person.confidence()).isBetween(0.5f, 1f);
    // The comma is the tagger's token, not the analyser's: the organisation after it keeps its positions.
    TaggedNames.Name party = found.stream().filter(n -> n.type().equals("ORGANIZATION")).findFirst().orElseThrow();
    assertThat(tokens.get(party.start()).surface()).isEqualTo("حزب");
    assertThat(party.surface()).isEqualTo("حزب الوسط");
    TaggedNames.Name city = found.stream().filter(n -> n.type().equals("PLACE")).findFirst().orElseThrow();
    assertThat(city.surface()).isEqualTo("بالقاهرة");
    assertThat(city.display()).isEqualTo("القاهرة");
  }

  @Test
  void spellingsThatDifferOnlyInSpacingHamzaOrTaMarbutaAreOneEntity() {
    assertThat(TaggedNames.entityId("عبد الرحمن")).isEqualTo(TaggedNames.entityId("عبدالرحمن"))
        .matches("ar-[0-9a-f]{12}");
    assertThat(TaggedNames.entityId("عبد الرحمن")).isNotEqualTo(TaggedNames.entityId("عبد الرحيم"));
    // Keys are normalised by the analyser: «أسامة» and «اسامه» have one key.
    String a = analyzer.analyze("أسامة").get(0).key();
    String b = analyzer.analyze("اسامه").get(0).key();
    assertThat(TaggedNames.entityId(a)).isEqualTo(TaggedNames.entityId(b));
  }

  @Test
  void englishLabelsUseTheUsualSpellingOfEachWord() {
    NameSpellings spellings = NameSpellings.shipped().withGazetteer(GazetteerFile.defaults());
    // The lists' majority spellings: «أحمد» Ahmed (not Ahmad), «شفيق» Shafik (Egyptian press: Shafik and Shafiq).
    assertThat(spellings.english("أحمد شفيق")).isEqualTo("Ahmed Shafik");
    // The gazetteer's own people spell their words: «السيسي» as el-Sisi.
    assertThat(spellings.english("السيسي")).isEqualTo("El-Sisi");
    assertThat(spellings.english("عادل السيسي")).endsWith(" el-Sisi");
    // A word with the article: «al-» and the spelling of the rest.
    String arian = spellings.english("عصام العريان");
    assertThat(arian).startsWith(spellings.english("عصام") + " al-");
    // A compound written as one word is spelt as two.
    assertThat(spellings.english("عبدالمنعم")).isEqualTo(spellings.english("عبد") + " " + spellings.english("المنعم"));
    // Letter rules when no list knows the word.
    assertThat(NameSpellings.letters("كريم")).isEqualTo("karim");
    assertThat(spellings.english("زغلبط")).matches("[A-Z][a-z]+");
  }

  @Test
  void theShippedSpellingsAreWhatJobsNameSpellingsWrites() throws Exception {
    NameSpellings built = NameSpellings.fromWordLists(
        List.of(NAMES.resolve("google-ar2en.tsv"), NAMES.resolve("wikidata-en-ar-name-tokens.tsv")));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    built.write(bytes);
    try (java.io.InputStream shipped = NameSpellings.class.getResourceAsStream(NameSpellings.SHIPPED)) {
      assertThat(bytes.toByteArray()).as("rebuild with jobs/name-spellings.sh").isEqualTo(shipped.readAllBytes());
    }
    assertThat(built.size()).isGreaterThan(40_000);
  }
}
