package io.arabicnews.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GazetteerTest {
  private static ArabicTextAnalyzer analyzer;
  private static Gazetteer gazetteer;

  @BeforeAll
  static void setUp() {
    GazetteerFile file = GazetteerFile.defaults();
    analyzer = new ArabicTextAnalyzer(EntityResources.withGazetteerWords(AnalyzerResources.defaults(), file));
    gazetteer = Gazetteer.compile(file, analyzer);
  }

  @AfterAll
  static void tearDown() {
    analyzer.close();
  }

  private static List<Mention> match(String s) {
    return gazetteer.match(s, analyzer.analyze(s));
  }

  private static List<String> ids(String s) {
    return match(s).stream().map(Mention::entityId).toList();
  }

  @Test
  void shippedGazetteerCoversTheSeedsAndTheRegion() {
    assertThat(gazetteer.entities()).containsKeys("SISI", "SHOIGU", "LAVROV", "SHOUKRY", "PATRUSHEV", "NARYSHKIN",
        "AKAMEL", "RUSC", "BRICS", "UNO", "UNSC", "NATO", "EU", "ARL", "AU", "IAEA", "MB", "HAMAS", "HZB", "ISIS",
        "GAZ", "WBK", "SIN", "CRM", "DON", "CAI", "MOW", "IEV", "PUTIN", "NETANYAHU", "ERDOGAN", "ZELENSKY");
    assertThat(gazetteer.entities()).hasSizeGreaterThanOrEqualTo(190);
  }

  @Test
  void matchesSpellingVariantsAndClitics() {
    assertThat(ids("سيرغي شويغو")).containsExactly("SHOIGU");
    assertThat(ids("سيرجي شويجو")).containsExactly("SHOIGU");
    assertThat(ids("عبدالفتاح السيسي")).containsExactly("SISI");
    assertThat(ids("عبد الفتاح السيسى")).containsExactly("SISI");
    assertThat(ids("بالقاهرة وموسكو لروسيا")).containsExactly("CAI", "MOW", "RUS");
    assertThat(ids("وباتروشيف")).containsExactly("PATRUSHEV");
  }

  @Test
  void longestAliasWinsAndCapitalsAreTheirOwnEntities() {
    assertThat(ids("مجلس الأمن الروسي")).containsExactly("RUSC");
    assertThat(ids("جماعة الإخوان المسلمين")).containsExactly("MB");
    assertThat(ids("القاهرة")).containsExactly("CAI");
    assertThat(ids("مرسى مطروح")).containsExactly("MMT");
  }

  @Test
  void nisbaAdjectivesMapToTheirCountryAndAreFlagged() {
    List<Mention> m = match("وزير الدفاع الروسي والمصريين والقوات الروسية");
    assertThat(m).extracting(Mention::entityId).containsExactly("RUS", "EGY", "RUS");
    assertThat(m).allMatch(Mention::nisba);
    assertThat(match("روسيا").get(0).nisba()).isFalse();
  }

  @Test
  void bareSurnamesAreConditional() {
    assertThat(match("قال شكري").get(0).conditional()).isTrue();
    assertThat(match("قال سامح شكري").get(0).conditional()).isFalse();
  }

  @Test
  void badGazetteerLinesAreClearErrorsWithFileAndLine() {
    assertThatThrownBy(() -> parse("A\tPERSON\tX\tس\t\tسين\t\nB\tPLANET\tY\tص\t\tصاد\t\n"))
        .hasMessageContaining("test.tsv line 2").hasMessageContaining("PLANET");
    assertThatThrownBy(() -> parse("A\tPERSON\tX\tس\n"))
        .hasMessageContaining("test.tsv line 1").hasMessageContaining("7 tab-separated fields");
    assertThatThrownBy(() -> Gazetteer.compile(parse("A\tCITY\tX\tس\t\tعمان\t\nB\tCOUNTRY\tY\tص\t\tعمان\t\n"), analyzer))
        .hasMessageContaining("test.tsv line 2").hasMessageContaining("already an alias of «A»");
    assertThatThrownBy(() -> parse("A\tCITY\tX\tس\tcairo\tسين\t\n")).hasMessageContaining("Q123");
  }

  @Test
  void nisbaFormsAreGenerated() {
    assertThat(GazetteerFile.nisbaForms("روسي")).contains("روسي", "روسية", "روسيين", "روسيون", "الروسي", "الروسية", "الروسيين");
    assertThat(GazetteerFile.nisbaForms("روس")).containsExactly("روس", "الروس");
  }

  private static GazetteerFile parse(String tsv) {
    return GazetteerFile.parse(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)), "test.tsv");
  }
}
