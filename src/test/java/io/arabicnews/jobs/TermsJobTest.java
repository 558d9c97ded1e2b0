package io.arabicnews.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.SparkTestBase;
import io.arabicnews.TableRows;
import io.arabicnews.corpus.CorpusSpec;
import io.arabicnews.dates.Period;
import io.arabicnews.terms.TermsConfig;
import io.arabicnews.text.AnalyzerResources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermsJobTest extends SparkTestBase {
  @TempDir static Path tmp;
  private static Path out;
  private static TermsReport report;
  private static AnalyzerResources resources;

  @BeforeAll
  static void runOnSeeds() {
    out = tmp.resolve("seeds");
    resources = AnalyzerResources.defaults();
    IngestJob.run(spark(), IngestConfig.builder()
        .corpus(CorpusSpec.builder().inputPath("data").build()).outputRoot(out.toString()).build());
    report = TermsJob.run(spark(), out.toString(), out.toString(), TermsConfig.builder().build(), resources);
  }

  static Dataset<Row> table(Path root, String name) {
    return spark().read().parquet(root.resolve(name).toString());
  }

  private static Row term(String key) {
    List<Row> rows = table(out, "term_frequencies").filter(
        org.apache.spark.sql.functions.col("term_key").equalTo(key)).collectAsList();
    assertThat(rows).as("term «%s»", key).hasSize(1);
    return rows.get(0);
  }

  @Test
  void countsVerifiedByReadingTheSeedsMergeSpellingsAndClitics() {
    // الإرهاب: 000 ×1, 001 ×4 («“الإرهاب”»), 002 ×2, 003 ×4 («لمكافحة الإرهاب»…), 004 ×5 («الارهاب» ×2).
    Row terror = term("الارهاب");
    assertThat((Long) terror.getAs("term_count")).isEqualTo(16);
    assertThat((Long) terror.getAs("doc_count")).isEqualTo(5);
    assertThat((String) terror.getAs("display_form")).isEqualTo("الإرهاب");
    assertThat((String) terror.getAs("stem")).isEqualTo("ارهاب");
    // القاهرة: 000 ×5 (two in the title, «بالقاهرة» twice), 002 ×1, 003 ×2, 004 ×4.
    Row cairo = term("القاهره");
    assertThat((Long) cairo.getAs("term_count")).isEqualTo(12);
    assertThat((Long) cairo.getAs("doc_count")).isEqualTo(4);
    assertThat((String) cairo.getAs("display_form")).isEqualTo("القاهرة");
  }

  @Test
  void phrasesVerifiedByReadingTheSeeds() {
    // مكافحة الإرهاب: 000 ×1, 001 ×2 (in quotes), 002 ×2, 003 ×3, 004 ×3.
    Row ct = term("مكافحه الارهاب");
    assertThat((Long) ct.getAs("term_count")).isEqualTo(11);
    assertThat((Long) ct.getAs("doc_count")).isEqualTo(5);
    assertThat((String) ct.getAs("display_form")).isEqualTo("مكافحة الإرهاب");
    assertThat((Integer) ct.getAs("n")).isEqualTo(2);
    // الشرق الأوسط: 000 ×1, 001 ×2, 002 ×4, 003 ×4 (one «بالشرق الأوسط»).
    Row me = term("الشرق الاوسط");
    assertThat((Long) me.getAs("term_count")).isEqualTo(11);
    assertThat((Long) me.getAs("doc_count")).isEqualTo(4);
    // وزير الدفاع: 001 ×1, 003 ×5, 004 ×3.
    assertThat((Long) term("وزير الدفاع").getAs("term_count")).isEqualTo(9);
    assertThat((String) term("مجلس الامن الروسي").getAs("display_form")).isEqualTo("مجلس الأمن الروسي");
    assertThat((Double) me.getAs("npmi")).isGreaterThan(0.9);
  }

  @Test
  void topTermsAreContentWordsAndPhrases() {
    List<Row> top = table(out, "term_frequencies").filter("n = 1").orderBy("rank").limit(50).collectAsList();
    List<String> keys = top.stream().map(r -> (String) r.getAs("term_key")).collect(Collectors.toList());
    assertThat(keys.subList(0, 10)).contains("مصر", "روسيا", "التعاون", "الارهاب");
    assertThat(keys).contains("الدفاع");
    for (String k : keys) {
      assertThat(resources.getStopWords()).as("stop word «%s» in the top 50", k).doesNotContain(k);
      assertThat(k).as("«%s» is a word", k).matches("[\\p{IsArabic}\\p{IsLatin}]{2,}");
    }
    List<String> phrases = table(out, "term_frequencies").filter("n = 2").orderBy("rank").limit(5)
        .collectAsList().stream().map(r -> (String) r.getAs("term_key")).toList();
    assertThat(phrases).contains("الشرق الاوسط", "مكافحه الارهاب");
  }

  @Test
  void phrasesAreOnlyTheAssociatedOnes() {
    Dataset<Row> phrases = table(out, "term_frequencies").filter("n > 1");
    assertThat(phrases.filter("term_count < 3 OR npmi < 0.3").count()).isZero();
    // Every adjacent pair of content words seen 3+ times is a candidate; only some are kept.
    long kept = phrases.filter("n = 2").count();
    assertThat(kept).isBetween(10L, 40L);
    assertThat(report.termsByN()).containsEntry(2, kept);
  }

  @Test
  void articleTermsHaveTfAndTfIdf() {
    Row r = table(out, "article_terms")
        .filter("article_id = '000_31df72e609d04747' AND term_key = 'القاهره'").first();
    Row a = table(out, "articles").filter("article_id = '000_31df72e609d04747'").first();
    assertThat((Long) r.getAs("term_count")).isEqualTo(5);
    double tf = 5.0 / (Integer) a.getAs("n_tokens");
    assertThat((Double) r.getAs("tf")).isCloseTo(tf, org.assertj.core.data.Offset.offset(1e-12));
    double idf = Math.log(6.0 / 5.0) + 1; // 5 articles, Cairo in 4
    assertThat((Double) r.getAs("tf_idf")).isCloseTo(tf * idf, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void undatedSeedsAreReportedAndFallIntoNoPeriod() {
    assertThat(report.undatedArticles()).isEqualTo(4);
    List<Row> periods = table(out, "term_timeline").select("period_start").distinct().collectAsList();
    assertThat(periods).extracting(r -> r.getDate(0).toString()).containsExactly("2023-09-01");
    // Only seed 000 is dated: its one «مكافحة الإرهاب».
    Row ct = table(out, "term_timeline").filter("term_key = 'مكافحه الارهاب'").first();
    assertThat((Long) ct.getAs("term_count")).isEqualTo(1);
    assertThat(table(out, "term_by_source").select("source").distinct().collectAsList())
        .extracting(x -> x.getString(0)).containsExactly("(unknown)");
  }

  @Test
  void weeklyTimelineNormalisesByVolumeAndScoresKeyness() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("weeks-in"));
    String week1 = "{\"id\":\"w1-%d\",\"source\":\"%s\",\"date\":\"2013-01-28\",\"title\":\"أحداث بورسعيد\",\"text\":\"اشتباكات في بورسعيد بعد الحكم. الشرطة تنتشر في بورسعيد.\"}\n";
    String week2 = "{\"id\":\"w2-%d\",\"source\":\"%s\",\"date\":\"2013-02-06\",\"title\":\"الحكومة والاقتصاد\",\"text\":\"الحكومة تناقش الموازنة والاقتصاد. وزير المالية يعرض الموازنة على الحكومة.\"}\n";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      sb.append(String.format(week1, i, "youm7")).append(String.format(week2, i, i == 0 ? "youm7" : "shorouk"));
    }
    Files.writeString(in.resolve("news.jsonl"), sb.toString(), StandardCharsets.UTF_8);
    Path weeks = tmp.resolve("weeks-out");
    IngestJob.run(spark(), IngestConfig.builder()
        .corpus(CorpusSpec.builder().inputPath(in.toString()).build()).outputRoot(weeks.toString()).build());
    TermsJob.run(spark(), weeks.toString(), weeks.toString(),
        TermsConfig.builder().period(Period.WEEK).build(), resources);

    Map<String, Row> portSaid = table(weeks, "term_timeline").filter("term_key = 'بورسعيد'").collectAsList()
        .stream().collect(Collectors.toMap(r -> r.getDate(r.fieldIndex("period_start")).toString(), r -> r));
    assertThat(portSaid).containsOnlyKeys("2013-01-28"); // a Monday: the week's first day
    Row w = portSaid.get("2013-01-28");
    assertThat((Long) w.getAs("term_count")).isEqualTo(9);
    assertThat((Long) w.getAs("doc_count")).isEqualTo(3);
    assertThat((Double) w.getAs("keyness")).isGreaterThan(10.83);
    long weekTokens = table(weeks, "articles").filter("published_date < '2013-02-04'")
        .agg(org.apache.spark.sql.functions.sum("n_tokens")).first().getLong(0);
    assertThat((Double) w.getAs("per_10k")).isCloseTo(9 * 10_000.0 / weekTokens, org.assertj.core.data.Offset.offset(1e-9));
    Row budget = table(weeks, "term_timeline").filter("term_key = 'الموازنه' AND period_start = '2013-02-04'").first();
    assertThat((Double) budget.getAs("keyness")).isGreaterThan(0);
    // youm7 has all of week 1 and one of week 2: Port Said is key to youm7, the budget is not.
    Row youm7 = table(weeks, "term_by_source").filter("source = 'youm7' AND term_key = 'الموازنه'").first();
    assertThat((Double) youm7.getAs("keyness")).isLessThan(0);
  }

  /**
   * The tables do not depend on how Spark splits the sentence files ({@link #tablesInTwelveFiles},
   * read once a file per split and once in small splits, so cuts fall inside partitions, not only
   * at their edges, as with the 16× corpus's files of more than 128 MB): the same four tables, one
   * article_terms row per article and term. Nor on how the term rows meet their articles: the run in
   * small splits also treats the articles as too many to broadcast ({@code broadcastArticles} 0,
   * Spark's own broadcast off: one sort-merge join, kept on disk, as for a corpus of millions).
   */
  @Test
  void tablesDoNotDependOnHowTheSentenceFilesAreSplitOrHowArticlesAreJoined() throws IOException {
    Path tables = tablesInTwelveFiles(tmp.resolve("splits"));
    try {
      TermsConfig cfg = TermsConfig.builder().period(Period.WEEK).build();
      Path whole = tmp.resolve("splits-whole");
      TermsJob.run(spark(), tables.toString(), whole.toString(), cfg, resources);
      readInSmallSplits();
      assertThat(table(tables, "sentences").javaRDD().getNumPartitions()).isGreaterThan(6);
      // Read in small splits and joined to the articles by shuffle at once: one run, not one per change.
      Path shuffled = tmp.resolve("splits-cut-shuffle-join");
      spark().conf().set("spark.sql.autoBroadcastJoinThreshold", "-1");
      try {
        TermsJob.run(spark(), tables.toString(), shuffled.toString(), cfg.toBuilder().broadcastArticles(0).build(),
            resources);
      } finally {
        spark().conf().unset("spark.sql.autoBroadcastJoinThreshold");
      }

      assertThat(table(shuffled, "article_terms").groupBy("article_id", "term_key").count().filter("count > 1").count())
          .as("article and term pairs with more than one row").isZero();
      for (String name : List.of("term_frequencies", "article_terms", "term_timeline", "term_by_source")) {
        Dataset<Row> a = table(whole, name);
        assertThat(a.count()).as(name).isGreaterThan(1000);
        TableRows.assertSameRows(name, a, "when read a file per split", table(shuffled, name),
            "when read in small splits and joined to the articles by shuffle");
      }
      for (Path run : List.of(whole, shuffled)) {
        assertPeriodAndSourceCountsAreSumsOfArticleTerms(tables, run);
      }
    } finally {
      readWhole();
    }
  }

  /**
   * term_timeline (weekly) and term_by_source hold, for each group and term, the sums over the
   * group's article_terms rows: counted here from the per-article table, not as the job counts them.
   */
  private static void assertPeriodAndSourceCountsAreSumsOfArticleTerms(Path tables, Path run) {
    table(run, "article_terms").createOrReplaceTempView("at");
    table(tables, "articles").createOrReplaceTempView("a");
    String sums = "SUM(at.term_count) AS term_count, COUNT(*) AS doc_count, "
        + "SUM(IF(a.is_canonical, at.term_count, 0)) AS term_count_dedup, SUM(IF(a.is_canonical, 1, 0)) AS doc_count_dedup "
        + "FROM at JOIN a USING (article_id) ";
    Dataset<Row> weeks = spark().sql("SELECT CAST(date_trunc('week', a.published_date) AS DATE) AS period_start, "
        + "at.term_key, at.n, " + sums + "WHERE a.published_date IS NOT NULL GROUP BY 1, 2, 3");
    Dataset<Row> sources = spark().sql("SELECT COALESCE(a.source, '(unknown)') AS source, at.term_key, at.n, "
        + sums + "GROUP BY 1, 2, 3");
    String counts = "term_count, doc_count, term_count_dedup, doc_count_dedup";
    assertThat(weeks.select("period_start").distinct().count()).as("weeks").isGreaterThan(1);
    assertThat(sources.select("source").distinct().count()).as("sources").isGreaterThan(1);
    TableRows.assertSameRows("term_timeline", weeks, "summed from article_terms",
        table(run, "term_timeline").selectExpr(("period_start, term_key, n, " + counts).split(", ")), "in the table");
    TableRows.assertSameRows("term_by_source", sources, "summed from article_terms",
        table(run, "term_by_source").selectExpr(("source, term_key, n, " + counts).split(", ")), "in the table");
  }

  /**
   * Ingest tables of 240 real articles (two weeks of egypt-news-2013) whose sentences are rewritten
   * into twelve files of about 8 KB row groups, each article's sentences together and in order (as
   * ingest writes them): read in 16 KB splits ({@link #readInSmallSplits}), Spark cuts articles at
   * split ends and packs the small last splits of several files into one partition.
   */
  static Path tablesInTwelveFiles(Path dir) throws IOException {
    Path part = EntityMentionEvaluationTest.CORPUS.resolve("part-2_2013-02-01_to_2013-02-14.jsonl.gz");
    List<String> records = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(part), 1 << 16), StandardCharsets.UTF_8))) {
      int i = 0;
      for (String line = r.readLine(); line != null && records.size() < 240; line = r.readLine(), i++) {
        if (i % 40 == 0) {
          records.add(line);
        }
      }
    }
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.write(in.resolve("sample.jsonl"), records, StandardCharsets.UTF_8);
    Path ingested = dir.resolve("ingested");
    IngestJob.run(spark(), IngestConfig.builder()
        .corpus(CorpusSpec.builder().inputPath(in.toString()).build()).outputRoot(ingested.toString()).build());
    Path tables = dir.resolve("tables");
    table(ingested, "articles").write().parquet(tables.resolve("articles").toString());
    table(ingested, "sentences").repartition(12, org.apache.spark.sql.functions.col("article_id"))
        .sortWithinPartitions("article_id", "sentence_index")
        .write().option("parquet.block.size", 8192).parquet(tables.resolve("sentences").toString());
    return tables;
  }

  /** Reads files in 16 KB splits until {@link #readWhole}. */
  static void readInSmallSplits() {
    spark().conf().set("spark.sql.files.maxPartitionBytes", "16k");
    spark().conf().set("spark.sql.files.openCostInBytes", "0");
  }

  static void readWhole() {
    spark().conf().unset("spark.sql.files.maxPartitionBytes");
    spark().conf().unset("spark.sql.files.openCostInBytes");
  }
}
