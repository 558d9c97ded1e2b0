package io.arabicnews.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arabicnews.SparkTestBase;
import io.arabicnews.TableRows;
import io.arabicnews.TestFiles;
import io.arabicnews.corpus.CorpusSpec;
import io.arabicnews.dates.Period;
import io.arabicnews.entities.EntitiesConfig;
import io.arabicnews.entities.EntityResources;
import io.arabicnews.entities.GazetteerFile;
import io.arabicnews.tables.Faults;
import io.arabicnews.tables.TableSchema;
import io.arabicnews.tables.Tables;
import io.arabicnews.terms.TermsConfig;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import io.arabicnews.topics.Taxonomy;
import io.arabicnews.topics.TopicsConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --mode append} on a small real sample: three days of egypt-news-2013 (two sources whole,
 * plus stories reprinted from one day to the next). A full run on the first two days, then the last
 * day appended, must give the tables a full run on the three days gives (the term tables with the
 * first run's vocabulary), and every count of an aggregate table must equal a recount from the
 * per-article tables.
 */
class AppendPipelineTest extends SparkTestBase {
  @TempDir static Path tmp;
  static Path firstDays;
  static Path lastDay;
  static Path allDays;
  static Path full;
  static Path appended;
  /** The full run on the first days, before the append. */
  static Path firstOnly;
  static AnalyzerResources resources;
  static EntityResources entityResources;
  static Taxonomy taxonomy;

  @BeforeAll
  static void runFullAndAppend() throws IOException {
    if (System.getProperty("append.keep") != null) {
      tmp = Files.createDirectories(Path.of(System.getProperty("append.keep")));
    }
    Set<String> reprinted;
    try (Stream<String> lines = Files.lines(Path.of("src/test/resources/append/cluster-ids.txt"))) {
      reprinted = lines.filter(l -> !l.startsWith("#") && !l.isBlank()).collect(Collectors.toSet());
    }
    List<String> first = new ArrayList<>();
    List<String> last = new ArrayList<>();
    Path part = EntityMentionEvaluationTest.CORPUS.resolve("part-5_2013-03-16_to_2013-03-26.jsonl.gz");
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(part), 1 << 16), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String id = field(line, "id");
        String date = field(line, "date");
        String source = field(line, "source");
        boolean wanted = reprinted.contains(id) || source.equals("bbcarabic") || source.equals("cnnarabic");
        if (wanted && date.compareTo("2013-03-24") >= 0) {
          (date.startsWith("2013-03-26") ? last : first).add(line);
        }
      }
    }
    firstDays = write("first", "days-24-25.jsonl", first);
    lastDay = write("last", "day-26.jsonl", last);
    allDays = write("all", "days-24-25.jsonl", first);
    Files.write(allDays.resolve("day-26.jsonl"), last, StandardCharsets.UTF_8);

    GazetteerFile g = GazetteerFile.defaults();
    resources = EntityResources.withGazetteerWords(AnalyzerResources.defaults(), g);
    entityResources = EntityResources.build(resources, g);
    try (ArabicTextAnalyzer a = new ArabicTextAnalyzer(resources)) {
      taxonomy = Taxonomy.defaults(a);
    }
    full = tmp.resolve("full");
    run(allDays, full, false);
    appended = tmp.resolve("appended");
    run(firstDays, appended, false);
    firstOnly = copyOf(appended, "first-only");
    run(lastDay, appended, true);
  }

  private static String field(String jsonLine, String name) {
    int at = jsonLine.indexOf("\"" + name + "\": \"");
    if (at < 0) {
      return "";
    }
    int from = at + name.length() + 5;
    return jsonLine.substring(from, jsonLine.indexOf('"', from));
  }

  private static Path write(String dir, String file, List<String> lines) throws IOException {
    Path d = Files.createDirectories(tmp.resolve(dir));
    Files.write(d.resolve(file), lines, StandardCharsets.UTF_8);
    return d;
  }

  static Map<String, Long> run(Path input, Path out, boolean append) {
    return run(input, out, append, "day");
  }

  static Map<String, Long> run(Path input, Path out, boolean append, String period) {
    Period p = Period.parse(period);
    return PipelineJob.run(spark(), PipelineJob.Settings.builder()
        .ingest(IngestConfig.builder().corpus(CorpusSpec.builder().inputPath(input.toString()).build())
            .outputRoot(out.toString()).build())
        .terms(TermsConfig.builder().period(p).build())
        .entities(EntitiesConfig.builder().period(p).build())
        .topics(TopicsConfig.builder().period(p).ldaTopics(3).ldaIterations(5).build())
        .analyzer(resources).entityResources(entityResources).taxonomy(taxonomy)
        .parameters(Map.of("--period", period, "--lda-topics", "3", "--lda-iterations", "5"))
        .append(append)
        .build());
  }

  static Dataset<Row> table(Path root, String name) {
    return spark().read().parquet(root.resolve(name).toString());
  }

  private static Dataset<Row> manifest(Path root) {
    return spark().read().option("mergeSchema", "true").parquet(root.resolve("run_manifest").toString())
        .orderBy("started_at");
  }

  @Test
  void theLastDayAppendedGivesTheFullRunsPerArticleTables() {
    Row m = manifest(appended).collectAsList().get(1);
    assertThat(m.<String>getAs("mode")).isEqualTo("append");
    long lastDayArticles = table(full, "articles").filter("published_date = DATE '2013-03-26'").count();
    assertThat((Long) m.getAs("articles_added")).isEqualTo(lastDayArticles).isPositive();
    assertThat((Long) m.getAs("articles_skipped")).isZero();
    // Stories of the 25th reprinted on the 26th: their clusters grew.
    assertThat((Long) m.getAs("articles_reclustered")).isPositive();
    assertThat(table(full, "articles").filter("dup_cluster_size > 1 AND published_date = DATE '2013-03-26'").count())
        .isPositive();

    for (String t : List.of("articles", "sentences", "entity_mentions", "rejects")) {
      TableRows.assertSameRows(t, TableRows.comparable(table(appended, t)), "appended",
          TableRows.comparable(table(full, t)), "in the full run");
    }
    // Curated topics do not depend on the corpus; learned weights come from the first run's model.
    TableRows.assertSameRows("article_topics", table(appended, "article_topics").filter("kind = 'curated'"), "appended",
        table(full, "article_topics").filter("kind = 'curated'"), "in the full run");
    assertThat(table(appended, "article_topics").filter("kind = 'learned'").select("article_id").distinct().count())
        .isEqualTo(table(appended, "articles").count());
    // article_terms: the appended rows count the first run's vocabulary, as the full run counts it
    // (compared on the terms of both vocabularies: a phrase of two days need not be one of three).
    Dataset<Row> vocabulary = table(appended, "term_frequencies").select("term_key", "n")
        .intersect(table(full, "term_frequencies").select("term_key", "n"));
    assertThat(vocabulary.count()).isGreaterThan(table(appended, "term_frequencies").count() * 9 / 10);
    String counted = "article_id, term_key, n, term_count, tf, is_canonical";
    TableRows.assertSameRows("article_terms", TableRows.comparable(table(appended, "article_terms")
            .join(vocabulary, new String[] {"term_key", "n"}, "left_semi").selectExpr(counted.split(", "))),
        "appended", TableRows.comparable(table(full, "article_terms").join(vocabulary, new String[] {"term_key", "n"}, "left_semi")
            .selectExpr(counted.split(", "))), "in the full run");
  }

  @Test
  void entityAndTopicTablesEqualTheFullRuns() {
    for (String t : List.of("entities", "entity_timeline", "entity_candidates", "co_mentions", "co_mention_timeline")) {
      TableRows.assertSameRows(t, TableRows.comparable(table(appended, t)), "appended",
          TableRows.comparable(table(full, t)), "in the full run");
    }
    assertThat(table(appended, "co_mentions").count()).isPositive();
    String curated = "kind = 'curated'";
    TableRows.assertSameRows("topic_timeline", TableRows.comparable(table(appended, "topic_timeline").filter(curated)),
        "appended", TableRows.comparable(table(full, "topic_timeline").filter(curated)), "in the full run");
    TableRows.assertSameRows("topics", table(appended, "topics").filter(curated), "appended",
        table(full, "topics").filter(curated), "in the full run");
  }

  @Test
  void termCountsEqualARecountOfTheAppendedArticleTerms() {
    assertTermTablesRecount(appended);
  }

  /** Every count of the term tables, and their idf and rates, recounted from article_terms and articles. */
  static void assertTermTablesRecount(Path root) {
    table(root, "article_terms").createOrReplaceTempView("at_recount");
    table(root, "articles").createOrReplaceTempView("a_recount");
    String counts = "count(*) AS doc_count, sum(term_count) AS term_count, "
        + "sum(CASE WHEN t.is_canonical THEN term_count ELSE 0 END) AS term_count_dedup, "
        + "sum(CASE WHEN t.is_canonical THEN 1 ELSE 0 END) AS doc_count_dedup";
    Dataset<Row> corpus = spark().sql("SELECT term_key, n, " + counts + " FROM at_recount t GROUP BY term_key, n");
    Row totals = spark().sql("SELECT count(*), sum(n_tokens) FROM a_recount").first();
    Dataset<Row> expected = corpus.selectExpr("term_key", "n", "term_count", "doc_count", "term_count_dedup",
        "doc_count_dedup", "ln((1.0D + " + totals.getLong(0) + ") / (1.0D + doc_count)) + 1 AS idf",
        "term_count * 10000.0D / " + totals.getLong(1) + " AS per_10k");
    String cols = "term_key, n, term_count, doc_count, term_count_dedup, doc_count_dedup, idf, per_10k";
    TableRows.assertSameRows("term_frequencies", TableRows.comparable(expected),
        "recounted", TableRows.comparable(table(root, "term_frequencies").selectExpr(cols.split(", "))), "in the table");
    // Ranks 1..k within each n, without gaps.
    assertThat(table(root, "term_frequencies").groupBy("n").agg(org.apache.spark.sql.functions.max("rank"),
        org.apache.spark.sql.functions.count("*")).filter("`max(rank)` != `count(1)`").count()).isZero();

    Dataset<Row> byDay = spark().sql("SELECT a.published_date AS period_start, term_key, n, " + counts
        + " FROM at_recount t JOIN a_recount a USING (article_id) WHERE a.published_date IS NOT NULL GROUP BY 1, 2, 3");
    String timeline = "period_start, term_key, n, term_count, doc_count, term_count_dedup, doc_count_dedup";
    TableRows.assertSameRows("term_timeline", byDay.selectExpr(timeline.split(", ")), "recounted",
        table(root, "term_timeline").selectExpr(timeline.split(", ")), "in the table");
    Dataset<Row> bySource = spark().sql("SELECT coalesce(a.source, '(unknown)') AS source, term_key, n, " + counts
        + " FROM at_recount t JOIN a_recount a USING (article_id) GROUP BY 1, 2, 3");
    String source = "source, term_key, n, term_count, doc_count, term_count_dedup, doc_count_dedup";
    TableRows.assertSameRows("term_by_source", bySource.selectExpr(source.split(", ")), "recounted",
        table(root, "term_by_source").selectExpr(source.split(", ")), "in the table");
    // Rates and keyness follow from the counts: per_10k against the day's tokens.
    Dataset<Row> dayTokens = spark().sql("SELECT published_date AS period_start, sum(n_tokens) AS tokens FROM a_recount "
        + "WHERE published_date IS NOT NULL GROUP BY 1");
    assertThat(table(root, "term_timeline").join(dayTokens, "period_start")
        .filter("abs(per_10k - term_count * 10000.0D / tokens) > 1e-9").count()).isZero();
  }

  @Test
  void theSameAppendTwiceChangesNothingTheSecondTime() throws IOException {
    Path twice = copyOf(appended, "twice");
    Map<String, String> before = fileDigests(twice);
    run(lastDay, twice, true);
    Map<String, String> after = fileDigests(twice);
    after.keySet().removeIf(k -> k.startsWith("run_manifest/"));
    before.keySet().removeIf(k -> k.startsWith("run_manifest/"));
    after.keySet().removeIf(k -> k.equals("catalog.duckdb") || k.equals("tables.sql"));
    before.keySet().removeIf(k -> k.equals("catalog.duckdb") || k.equals("tables.sql"));
    assertThat(after).isEqualTo(before);
    Row m = manifest(twice).collectAsList().get(2);
    assertThat((Long) m.getAs("articles_added")).isZero();
    assertThat((Long) m.getAs("articles_skipped")).isEqualTo(table(twice, "articles")
        .filter("published_date = DATE '2013-03-26'").count());
  }

  @Test
  void aCorrectedArticleReplacesEveryRowOfTheOldVersion() throws IOException {
    Path corrected = copyOf(appended, "corrected");
    List<String> lines = Files.readAllLines(lastDay.resolve("day-26.jsonl"), StandardCharsets.UTF_8);
    String id = field(lines.get(0), "id");
    String oldTitle = field(lines.get(0), "title");
    String newSentence = "وأعلنت وزارة الخارجية الروسية أن سيرغي لافروف سيزور القاهرة الأسبوع المقبل.";
    String line = lines.get(0).replace("\"text\": \"", "\"text\": \"" + newSentence + "\\n\\n");
    Path input = write("correction", "fix.jsonl", List.of(line));
    long mentionsBefore = table(corrected, "entity_mentions").filter("entity_id = 'LAVROV'").count();

    run(input, corrected, true);

    Row m = manifest(corrected).collectAsList().get(2);
    assertThat((Long) m.getAs("articles_updated")).isEqualTo(1);
    assertThat((Long) m.getAs("articles_added")).isZero();
    assertThat(table(corrected, "articles").count()).isEqualTo(table(appended, "articles").count());
    assertThat(table(corrected, "articles").filter(org.apache.spark.sql.functions.col("article_id").equalTo(id)).count()).isOne();
    Dataset<Row> sentences = table(corrected, "sentences").filter(org.apache.spark.sql.functions.col("article_id").equalTo(id));
    assertThat(sentences.filter("sentence_index = 1").first().<String>getAs("text")).isEqualTo(newSentence);
    assertThat(sentences.filter("sentence_index = 0").first().<String>getAs("text")).isEqualTo(oldTitle);
    assertThat(sentences.count()).isEqualTo(table(appended, "sentences")
        .filter(org.apache.spark.sql.functions.col("article_id").equalTo(id)).count() + 1);
    assertThat(table(corrected, "entity_mentions").filter("entity_id = 'LAVROV'").count()).isEqualTo(mentionsBefore + 1);
    assertTermTablesRecount(corrected);
    // The entity tables count the new version's mentions.
    assertThat(table(corrected, "entities").filter("entity_id = 'LAVROV'").first().<Long>getAs("mention_count"))
        .isEqualTo(mentionsBefore + 1);
  }

  @Test
  void anAppendStoppedMidwayLeavesTheTablesAsTheyWereAndCompletesWhenRunAgain() throws IOException {
    // after-terms fails the first thread while the second stages the entities; entities-staged fails the second
    for (String point : List.of("after-terms", "entities-staged", "mid-publish")) {
      Path stopped = copyOf(firstOnly, "stopped-" + point);
      Map<String, String> before = fileDigests(stopped);
      System.setProperty(Faults.PROPERTY, point);
      try {
        assertThatThrownBy(() -> run(lastDay, stopped, true)).hasMessageContaining("fault injected at " + point);
      } finally {
        System.clearProperty(Faults.PROPERTY);
      }
      if (!point.equals("mid-publish")) {
        Map<String, String> after = fileDigests(stopped);
        after.keySet().removeIf(k -> k.startsWith("_staging/"));
        assertThat(after).as("stopped before publishing").isEqualTo(before);
        continue; // run again, it is an append like the one in runFullAndAppend
      }
      // The next run finishes the stopped publication first, then finds every article loaded.
      run(lastDay, stopped, true);
      Row m = manifest(stopped).collectAsList().get(2);
      assertThat((Long) m.getAs("articles_added")).isZero();
      assertThat((Long) m.getAs("articles_skipped")).isEqualTo(table(full, "articles")
          .filter("published_date = DATE '2013-03-26'").count());
      for (TableSchema t : Tables.all()) {
        if (t != Tables.ARTICLE_TOPICS && t != Tables.TOPICS && t != Tables.TOPIC_TIMELINE) {
          TableRows.assertSameRows(t.name(), TableRows.comparable(table(stopped, t.name())), "after " + point,
              TableRows.comparable(table(appended, t.name())), "appended at once");
        }
      }
      assertThat(stopped.resolve("_journal")).doesNotExist();
    }
  }

  @Test
  void anAppendWithOtherSettingsStopsBeforeAnyWork() {
    assertThatThrownBy(() -> run(lastDay, copyOf(appended, "settings"), true, "week"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--period was day, now week");
    assertThatThrownBy(() -> run(lastDay, tmp.resolve("nothing-there"), true))
        .hasMessageContaining("run --mode replace on it first");
  }

  private static Path copyOf(Path from, String name) throws IOException {
    Path to = tmp.resolve(name);
    TestFiles.copyTree(from, to);
    return to;
  }

  /** SHA-256 of every file under {@code root} (checksum files left out), by relative path. */
  private static Map<String, String> fileDigests(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(p).toString();
        if (!p.getFileName().toString().endsWith(".crc")) {
          try {
            out.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
          } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return out;
  }
}
