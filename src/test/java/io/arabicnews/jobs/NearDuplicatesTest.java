package io.arabicnews.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.arabicnews.Seeds;
import io.arabicnews.SparkTestBase;
import io.arabicnews.corpus.CorpusSpec;
import io.arabicnews.duplicates.DuplicatesConfig;
import io.arabicnews.duplicates.NearDuplicates;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import io.arabicnews.entities.EntitiesConfig;
import io.arabicnews.entities.EntityResources;
import io.arabicnews.entities.GazetteerFile;
import io.arabicnews.terms.TermsConfig;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import io.arabicnews.topics.Taxonomy;
import io.arabicnews.topics.TopicsConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One wire story printed three times (as published, an exact reprint a day later, an updated version
 * with a paragraph dropped and a sentence added) among the other seed articles.
 */
class NearDuplicatesTest extends SparkTestBase {
  @TempDir static Path tmp;
  private static Map<String, Row> articles;
  private static IngestReport report;

  @BeforeAll
  static void ingestSyndicatedCorpus() throws Exception {
    String story = Seeds.text(1);
    String body = story.substring(story.indexOf('\n') + 1).strip();
    // The update drops one paragraph and adds a sentence after the lede.
    List<String> paragraphs = new ArrayList<>(List.of(body.split("\n")));
    paragraphs.removeIf(p -> p.startsWith("وثمن الوزير شكري"));
    int lede = paragraphs.indexOf(paragraphs.stream().filter(p -> p.startsWith("عقدت مصر وروسيا")).findFirst().orElseThrow());
    paragraphs.add(lede + 1, "وأكد مصدر دبلوماسي أن المباحثات ستستأنف الأسبوع المقبل في موسكو بحضور وفدي البلدين.");
    String updated = String.join("\n", paragraphs);
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    lines.add(json.writeValueAsString(Map.of("id", "wire-first", "source", "agency", "date", "2023-09-26",
        "title", "مباحثات أمنية مصرية روسية", "text", body)));
    lines.add(json.writeValueAsString(Map.of("id", "wire-reprint", "source", "daily", "date", "2023-09-27",
        "title", "مصر وروسيا تبحثان التعاون الأمني", "text", body)));
    lines.add(json.writeValueAsString(Map.of("id", "wire-update", "source", "weekly", "date", "2023-09-28",
        "title", "تحديث: مباحثات أمنية", "text", updated)));
    for (int seed : new int[] {0, 2, 3, 4}) {
      String t = Seeds.text(seed);
      lines.add(json.writeValueAsString(Map.of("id", "seed-" + seed, "source", "seeds", "date", "2023-09-2" + seed,
          "title", t.substring(0, t.indexOf('\n')), "text", t.substring(t.indexOf('\n') + 1))));
    }
    Path corpus = tmp.resolve("syndicated.jsonl");
    Files.write(corpus, lines, StandardCharsets.UTF_8);
    // The same corpus without the two later printings: what the de-duplicated view must equal.
    Files.write(tmp.resolve("original-only.jsonl"),
        lines.stream().filter(l -> !l.contains("wire-reprint") && !l.contains("wire-update")).toList(),
        StandardCharsets.UTF_8);
    out = tmp.resolve("out");
    report = runAll(corpus, out);
    originalOnly = tmp.resolve("original-only-out");
    runAll(tmp.resolve("original-only.jsonl"), originalOnly);
    articles = table(out, "articles").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("article_id"), r -> r));
  }

  private static Path out;
  private static Path originalOnly;

  /** Ingest, terms, entities and curated topics (monthly: every article falls in September 2023). */
  private static IngestReport runAll(Path corpus, Path out) {
    IngestReport r = IngestJob.run(spark(), IngestConfig.builder()
        .corpus(CorpusSpec.builder().inputPath(corpus.toString()).build())
        .outputRoot(out.toString())
        .build()
        .validate());
    AnalyzerResources resources = AnalyzerResources.defaults();
    TermsJob.run(spark(), out.toString(), out.toString(), TermsConfig.builder().build(), resources);
    GazetteerFile g = GazetteerFile.defaults();
    EntitiesJob.run(spark(), out.toString(), out.toString(), EntitiesConfig.builder().build(),
        EntityResources.build(EntityResources.withGazetteerWords(resources, g), g));
    try (ArabicTextAnalyzer a = new ArabicTextAnalyzer(resources)) {
      TopicsJob.run(spark(), out.toString(), out.toString(), TopicsConfig.builder().ldaTopics(0).build(), resources,
          Taxonomy.defaults(a));
    }
    return r;
  }

  private static Dataset<Row> table(Path root, String name) {
    return spark().read().parquet(root.resolve(name).toString());
  }

  /** Rows of {@code sql} (over views full and original) as strings, for comparison. */
  private static List<String> rows(String table, String dedupColumns, String rawColumns, String key, String where) {
    table(out, table).createOrReplaceTempView("full");
    table(originalOnly, table).createOrReplaceTempView("original");
    List<String> dedup = spark().sql("SELECT " + key + ", " + dedupColumns + " FROM full WHERE " + where
        + " ORDER BY " + key).collectAsList().stream().map(Row::toString).toList();
    List<String> raw = spark().sql("SELECT " + key + ", " + rawColumns + " FROM original WHERE " + where
        + " ORDER BY " + key).collectAsList().stream().map(Row::toString).toList();
    spark().catalog().dropTempView("full");
    spark().catalog().dropTempView("original");
    assertThat(dedup).as(table + " de-duplicated view vs the corpus without copies").isEqualTo(raw);
    return dedup;
  }

  @Test
  void deduplicatedWordCountsEqualTheCountsOfTheCorpusWithoutTheCopies() {
    List<String> words = rows("term_frequencies", "term_count_dedup, doc_count_dedup", "term_count, doc_count",
        "term_key", "n = 1 AND term_count_dedup > 0");
    assertThat(words).hasSizeGreaterThan(500);
    // and the raw view really counts the copies: «شويغو» is in the story, printed three times.
    Row shoigu = table(out, "term_frequencies").filter("term_key = 'شويغو'").first();
    assertThat((Long) shoigu.getAs("term_count")).isGreaterThan((Long) shoigu.getAs("term_count_dedup"));
    rows("term_timeline", "term_count_dedup, doc_count_dedup", "term_count, doc_count",
        "period_start, term_key", "n = 1 AND term_count_dedup > 0");
    rows("term_by_source", "term_count_dedup, doc_count_dedup", "term_count, doc_count",
        "source, term_key", "n = 1 AND term_count_dedup > 0");
  }

  @Test
  void deduplicatedCoMentionsEqualTheCountsOfTheCorpusWithoutTheCopies() {
    List<String> pairs = rows("co_mentions", "co_count_dedup, article_count_dedup", "co_count, article_count",
        "scope, entity_a, entity_b", "co_count_dedup > 0");
    assertThat(pairs).isNotEmpty();
    assertThat(table(out, "co_mentions").filter("co_count > co_count_dedup").count()).isPositive();
    rows("co_mention_timeline", "co_count_dedup, article_count_dedup", "co_count, article_count",
        "period_start, scope, entity_a, entity_b", "co_count_dedup > 0");
  }

  @Test
  void deduplicatedTopicSharesEqualTheSharesOfTheCorpusWithoutTheCopies() {
    rows("topic_timeline", "article_count_dedup, round(weight_sum_dedup, 9), round(share_dedup, 9)",
        "article_count, round(weight_sum, 9), round(share, 9)", "period_start, topic_id", "kind = 'curated'");
  }

  @Test
  void theThreePrintingsOfOneStoryAreOneClusterLedByTheEarliest() {
    for (String id : List.of("wire-first", "wire-reprint", "wire-update")) {
      Row a = articles.get(id);
      assertThat((String) a.getAs("dup_cluster_id")).as(id).isEqualTo("wire-first");
      assertThat((Integer) a.getAs("dup_cluster_size")).as(id).isEqualTo(3);
      assertThat((Boolean) a.getAs("is_canonical")).as(id).isEqualTo(id.equals("wire-first"));
    }
    assertThat((Double) articles.get("wire-reprint").getAs("dup_max_similarity")).isEqualTo(1.0);
    // The update lost a paragraph and gained a sentence: similar, but not identical.
    assertThat((Double) articles.get("wire-update").getAs("dup_max_similarity")).isBetween(0.5, 0.99);
  }

  @Test
  void theOtherSeedArticlesStandAlone() {
    for (int seed : new int[] {0, 2, 3, 4}) {
      Row a = articles.get("seed-" + seed);
      assertThat((String) a.getAs("dup_cluster_id")).isEqualTo("seed-" + seed);
      assertThat((Boolean) a.getAs("is_canonical")).isTrue();
      assertThat((Integer) a.getAs("dup_cluster_size")).isEqualTo(1);
      assertThat((Object) a.getAs("dup_max_similarity")).isNull();
    }
  }

  @Test
  void theReconciliationSaysHowManyDuplicatesItFound() {
    assertThat(report.loaded()).isEqualTo(7);
    assertThat(report.duplicateClusters()).isEqualTo(1);
    assertThat(report.duplicateArticles()).isEqualTo(2);
    assertThat(report.reconciliation()).contains("1 near-duplicate cluster(s) hold 2 article(s)");
  }

  /** Shingle sets as ranges: {@code [from, from + 100)}; two ranges 30 apart have Jaccard 70/130 = 0.54. */
  private static Row article(String id, String date, int from) {
    return article(id, date, 1000, from, from + 100);
  }

  /** An article whose shingles are the numbers from {@code from} up to {@code to} (exclusive). */
  private static Row article(String id, String date, int chars, int from, int to) {
    return RowFactory.create(id, Date.valueOf(date), chars, IntStream.range(from, to).boxed().toList());
  }

  /** What {@link NearDuplicates} reads. */
  private static final StructType SHINGLED = new StructType()
      .add("article_id", "string").add("published_date", "date").add("n_chars", "int")
      .add("shingles", "array<int>");

  @Test
  void aChainOfFollowUpsAndALateReprintAreNotFoldedIntoTheFirstStory() {
    Dataset<Row> input = spark().createDataFrame(List.of(
        article("a-first", "2013-02-11", 0),
        article("b-follow-up", "2013-02-12", 30),   // 0.54 like a-first
        article("c-follow-up", "2013-02-13", 60),   // 0.54 like b, 0.25 like a-first
        article("d-reprint-late", "2013-02-21", 0)), // a-first's text ten days later
        SHINGLED);

    Map<String, Row> c = NearDuplicates.clusters(input, DuplicatesConfig.builder().build())
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("article_id"), r -> r));

    assertThat((String) c.get("b-follow-up").getAs("dup_cluster_id")).isEqualTo("a-first");
    assertThat((Double) c.get("b-follow-up").getAs("dup_max_similarity")).isCloseTo(70.0 / 130, Offset.offset(1e-9));
    assertThat((Integer) c.get("a-first").getAs("dup_cluster_size")).isEqualTo(2);
    // c is a near-duplicate of b only: connected components would chain it to a-first.
    assertThat((String) c.get("c-follow-up").getAs("dup_cluster_id")).isEqualTo("c-follow-up");
    assertThat((Integer) c.get("c-follow-up").getAs("dup_cluster_size")).isEqualTo(1);
    // Beyond --dup-max-days (2) the same text is not the same printing.
    assertThat((String) c.get("d-reprint-late").getAs("dup_cluster_id")).isEqualTo("d-reprint-late");
    Map<String, Row> wide = NearDuplicates.clusters(input,
            DuplicatesConfig.builder().maxDays(30).build())
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("article_id"), r -> r));
    assertThat((String) wide.get("d-reprint-late").getAs("dup_cluster_id")).isEqualTo("a-first");
    assertThat((Integer) wide.get("a-first").getAs("dup_cluster_size")).isEqualTo(3);
  }

  @Test
  void aStricterThresholdSplitsOffTheUpdate() {
    Path strict = tmp.resolve("strict");
    IngestJob.run(spark(), IngestConfig.builder()
        .corpus(CorpusSpec.builder().inputPath(tmp.resolve("syndicated.jsonl").toString()).build())
        .outputRoot(strict.toString())
        .duplicates(DuplicatesConfig.builder().minSimilarity(0.999).build())
        .build()
        .validate());
    Map<String, String> cluster = table(strict, "articles").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("article_id"), r -> r.getAs("dup_cluster_id")));
    assertThat(cluster.get("wire-reprint")).isEqualTo("wire-first");
    assertThat(cluster.get("wire-update")).isEqualTo("wire-update");
  }

  /**
   * A set inside one twice its size has Jaccard similarity exactly one half, the threshold: the bound
   * on similarity from the two sizes (which skips pairs before their sets are compared) lets it
   * through, while a pair just under it stays apart.
   */
  @Test
  void aPairExactlyAtTheThresholdBySizeIsStillFound() {
    Dataset<Row> input = spark().createDataFrame(List.of(
        article("long", "2013-03-01", 2000, 0, 200),
        article("half", "2013-03-01", 1000, 0, 100),
        article("under-half", "2013-03-01", 990, 0, 99)),
        SHINGLED);
    Map<String, Double> pairs = NearDuplicates.pairs(input, DuplicatesConfig.builder().build()).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0) + "+" + r.getString(1), r -> r.getDouble(2)));
    assertThat(pairs).containsOnlyKeys("half+long", "half+under-half");
    assertThat(pairs.get("half+long")).isEqualTo(0.5);
    assertThat(pairs.get("half+under-half")).isEqualTo(0.99);
  }
}
