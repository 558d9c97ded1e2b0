package io.arabicnews.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.SparkTestBase;
import io.arabicnews.TableRows;
import io.arabicnews.corpus.CorpusSpec;
import io.arabicnews.entities.EntitiesConfig;
import io.arabicnews.entities.EntityResources;
import io.arabicnews.entities.GazetteerFile;
import io.arabicnews.text.AnalyzerResources;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntitiesJobTest extends SparkTestBase {
  @TempDir static Path tmp;
  private static Path out;

  @BeforeAll
  static void runOnSeeds() {
    out = tmp.resolve("seeds");
    IngestJob.run(spark(), IngestConfig.builder()
        .corpus(CorpusSpec.builder().inputPath("data").build()).outputRoot(out.toString()).build());
    GazetteerFile g = GazetteerFile.defaults();
    EntitiesJob.run(spark(), out.toString(), out.toString(), EntitiesConfig.builder().build(),
        EntityResources.build(EntityResources.withGazetteerWords(AnalyzerResources.defaults(), g), g));
  }

  private static Dataset<Row> table(String name) {
    return spark().read().parquet(out.resolve(name).toString());
  }

  private static Row pair(String a, String b, String scope) {
    List<Row> rows = table("co_mentions")
        .filter(String.format("entity_a = '%s' AND entity_b = '%s' AND scope = '%s'", a, b, scope)).collectAsList();
    assertThat(rows).as("%s–%s at %s scope", a, b, scope).hasSize(1);
    return rows.get(0);
  }

  @Test
  void sentencePairsVerifiedByReadingTheSeeds() {
    // Sisi and Shoigu: one sentence in 003 («لقاء الرئيس المصري عبد الفتاح السيسي مع وزير الدفاع الروسي سيرغي شويغو»),
    // three in 004 (the lead, «وأشارت مباحثات السيسي ــ شويغو …» and «أعلن شويغو موجهاً حديثه للسيسي»).
    Row sisiShoigu = pair("SHOIGU", "SISI", "sentence");
    assertThat((Long) sisiShoigu.getAs("co_count")).isEqualTo(4);
    assertThat((Long) sisiShoigu.getAs("article_count")).isEqualTo(2);
    assertThat((String) sisiShoigu.getAs("label_a")).isEqualTo("Sergei Shoigu");
    assertThat((String) sisiShoigu.getAs("label_b")).isEqualTo("Abdel Fattah el-Sisi");
    // Lavrov and Shoukry: the sentence of 001 naming «سامح شكري» and «سيرغي لافروف».
    assertThat((Long) pair("LAVROV", "SHOUKRY", "sentence").getAs("co_count")).isEqualTo(1);
    // Patrushev with Russia's Security Council: two sentences of 000.
    assertThat((Long) pair("PATRUSHEV", "RUSC", "sentence").getAs("co_count")).isEqualTo(2);
    // Naryshkin with Sisi: the title, the lead and the embassy sentence of 002.
    assertThat((Long) pair("NARYSHKIN", "SISI", "sentence").getAs("co_count")).isEqualTo(3);
    assertThat((Double) pair("NARYSHKIN", "SISI", "sentence").getAs("npmi")).isGreaterThan(0.5);
  }

  @Test
  void articlePairsCountArticles() {
    Row egyRus = pair("EGY", "RUS", "article");
    assertThat((Long) egyRus.getAs("co_count")).isEqualTo(5);
    assertThat((Long) egyRus.getAs("article_count")).isEqualTo(5);
    // Only seed 000 is dated (2023-09-26).
    assertThat(egyRus.getDate(egyRus.fieldIndex("first_date")).toString()).isEqualTo("2023-09-26");
    assertThat(table("co_mentions").filter("entity_a >= entity_b").count()).isZero();
  }

  @Test
  void cliticAndNisbaMentions() {
    Dataset<Row> m = table("entity_mentions");
    Row cairo = m.filter("article_id = '000_31df72e609d04747' AND surface = 'بالقاهرة'").first();
    assertThat((String) cairo.getAs("entity_id")).isEqualTo("CAI");
    assertThat((Boolean) cairo.getAs("is_nisba")).isFalse();
    Row russian = m.filter("article_id = '003_7e0eab1ba710d1e2' AND surface = 'الروسي'").first();
    assertThat((String) russian.getAs("entity_id")).isEqualTo("RUS");
    assertThat((Boolean) russian.getAs("is_nisba")).isTrue();
    // «شكري» alone counts in 001, which also names «سامح شكري»: 1 full name + 3 bare mentions.
    assertThat(m.filter("entity_id = 'SHOUKRY'").count()).isEqualTo(4);
  }

  @Test
  void entitiesTableHasLabelsTypesAndCounts() {
    Row shoigu = table("entities").filter("entity_id = 'SHOIGU'").first();
    assertThat((String) shoigu.getAs("label_en")).isEqualTo("Sergei Shoigu");
    assertThat((String) shoigu.getAs("entity_type")).isEqualTo("PERSON");
    // 001 ×2, 003 ×2, 004 ×5 (« شويغو» in the lead, the «السيسي ــ شويغو» sentence and four more).
    assertThat((Long) shoigu.getAs("article_count")).isEqualTo(3);
    assertThat(table("entities").filter("mention_count = 0").count()).isGreaterThan(100);
  }

  @Test
  void timelineSharesUseDatedArticlesOnly() {
    List<Row> rows = table("entity_timeline").filter("entity_id = 'PATRUSHEV'").collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getDate(rows.get(0).fieldIndex("period_start")).toString()).isEqualTo("2023-09-01");
    assertThat((Double) rows.get(0).getAs("share")).isEqualTo(1.0);
    assertThat(table("co_mention_timeline").filter("entity_a = 'PATRUSHEV' AND entity_b = 'RUSC' AND scope = 'sentence'")
        .first().<Long>getAs("co_count")).isEqualTo(2);
  }

  /**
   * Mentions and co-mentions do not depend on how Spark splits the sentence files: in an article
   * cut by a reader split, a bare surname whose full name is in the other piece is still counted
   * (see TermsJobTest#tablesInTwelveFiles for the files).
   */
  @Test
  void tablesDoNotDependOnHowTheSentenceFilesAreSplit() throws java.io.IOException {
    Path tables = TermsJobTest.tablesInTwelveFiles(tmp.resolve("splits"));
    GazetteerFile g = GazetteerFile.defaults();
    EntityResources resources = EntityResources.build(EntityResources.withGazetteerWords(AnalyzerResources.defaults(), g), g);
    try {
      Path whole = tmp.resolve("splits-whole");
      EntitiesJob.run(spark(), tables.toString(), whole.toString(), EntitiesConfig.builder().build(), resources);
      TermsJobTest.readInSmallSplits();
      Path cut = tmp.resolve("splits-cut");
      EntitiesJob.run(spark(), tables.toString(), cut.toString(), EntitiesConfig.builder().build(), resources);
      for (String name : java.util.List.of("entity_mentions", "co_mentions", "entities")) {
        Dataset<Row> a = TermsJobTest.table(whole, name);
        Dataset<Row> b = TermsJobTest.table(cut, name);
        assertThat(a.count()).as(name).isGreaterThan(20);
        TableRows.assertSameRows(name, a, "when read a file per split", b, "when read in small splits");
      }
    } finally {
      TermsJobTest.readWhole();
    }
  }

  /**
   * Names the gazetteer does not list reach every entity table: a party leader named in full and then
   * by his surname is one tagger entity with an English label, named with the gazetteer's Shoukry in
   * one sentence, and listed in entity_candidates.
   */
  @Test
  void namesTheGazetteerDoesNotListAreEntitiesInEveryTable() throws java.io.IOException {
    Path in = java.nio.file.Files.createDirectories(tmp.resolve("unlisted-in"));
    java.nio.file.Files.writeString(in.resolve("a1.txt"), String.join("\n",
        "شكري يلتقي رئيس حزب الوسط",
        "وقال الدكتور يونس مخيون، رئيس حزب الوسط، إن لقاءه مع وزير الخارجية سامح شكري تناول الحوار الوطني.",
        "وأضاف مخيون أن الحزب يدعم الحوار."));
    Path root = tmp.resolve("unlisted-out");
    IngestJob.run(spark(), IngestConfig.builder()
        .corpus(CorpusSpec.builder().inputPath(in.toString()).build()).outputRoot(root.toString()).build());
    GazetteerFile g = GazetteerFile.defaults();
    EntityResources resources = EntityResources.build(EntityResources.withGazetteerWords(AnalyzerResources.defaults(), g), g);
    EntitiesJob.run(spark(), root.toString(), root.toString(), EntitiesConfig.builder().build(), resources);

    String id = io.arabicnews.entities.TaggedNames.entityId("يونس مخيون");
    Dataset<Row> mentions = TermsJobTest.table(root, "entity_mentions");
    List<Row> his = mentions.filter("entity_id = '" + id + "'").orderBy("sentence_index").collectAsList();
    // The full name, then «مخيون» alone joining it.
    assertThat(his).extracting(r -> r.<String>getAs("surface")).containsExactly("يونس مخيون", "مخيون");
    assertThat(his).allSatisfy(r -> {
      assertThat(r.<String>getAs("source")).isEqualTo("model");
      assertThat(r.<Double>getAs("confidence")).isBetween(EntityResources.DEFAULT_MIN_NAME_CONFIDENCE + 0.0, 1.0);
    });
    // «شكري» in the title counts for Shoukry: the article names him in full.
    assertThat(mentions.filter("entity_id = 'SHOUKRY'").count()).isEqualTo(2);
    assertThat(mentions.filter("entity_id = 'SHOUKRY' AND source = 'both'").count()).isPositive();

    Row entity = TermsJobTest.table(root, "entities").filter("entity_id = '" + id + "'").first();
    assertThat(entity.<String>getAs("label_ar")).isEqualTo("يونس مخيون");
    assertThat(entity.<String>getAs("entity_type")).isEqualTo("PERSON");
    assertThat(entity.<String>getAs("label_source")).isEqualTo("transliterated");
    assertThat(entity.<String>getAs("label_en")).isEqualTo(resources.spellings().english("يونس مخيون")).matches("[A-Z][a-z]+ [A-Z][a-z]+");
    assertThat(entity.<Long>getAs("mention_count")).isEqualTo(2);

    String a = id.compareTo("SHOUKRY") < 0 ? id : "SHOUKRY";
    String b = a.equals(id) ? "SHOUKRY" : id;
    Row pair = TermsJobTest.table(root, "co_mentions")
        .filter(String.format("entity_a = '%s' AND entity_b = '%s' AND scope = 'sentence'", a, b)).first();
    assertThat(pair.<Long>getAs("co_count")).isEqualTo(1);

    Row candidate = TermsJobTest.table(root, "entity_candidates").filter("entity_id = '" + id + "'").first();
    assertThat(candidate.<Long>getAs("mention_count")).isEqualTo(2);
    assertThat(candidate.<String>getAs("candidate")).isEqualTo("يونس مخيون");
    assertThat(candidate.<String>getAs("cue")).isEqualTo("الدكتور");
    // Every entity a mention names is in entities.
    assertThat(mentions.join(TermsJobTest.table(root, "entities"), new String[] {"entity_id"}, "left_anti").count()).isZero();
  }
}
