package io.arabicnews.jobs;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.arabicnews.tables.TableWriter;
import io.arabicnews.tables.Tables;
import io.arabicnews.terms.ArticleTermCounter;
import io.arabicnews.terms.PhraseSelector;
import io.arabicnews.terms.TermCount;
import io.arabicnews.terms.TermHashSet;
import io.arabicnews.terms.TermTables;
import io.arabicnews.terms.TermsConfig;
import io.arabicnews.text.AnalyzerResources;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import lombok.extern.slf4j.Slf4j;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Term frequencies: reads the ingest tables (articles, sentences) and writes {@code term_frequencies},
 * {@code article_terms}, {@code term_timeline} and {@code term_by_source}.
 */
@Slf4j
@Command(name = "terms", mixinStandardHelpOptions = true, description = "Count words and phrases per article, period, source and corpus.")
public final class TermsJob implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin TermsOptions terms;

  @Option(names = "--tables", description = "Folder holding the ingest tables articles/ and sentences/ (default: --output)")
  String tables;

  public static void main(String[] args) {
    System.exit(JobMain.execute(new TermsJob(), args));
  }

  @Override
  public Integer call() {
    TermsConfig cfg = terms.toConfig();
    AnalyzerResources resources = common.analyzerResources();
    SparkSession spark = SparkSessions.create("arabic-news-terms", common.master);
    try {
      String tablesRoot = tables == null ? common.output : tables;
      try (SmallRuns.Applied tuned = SmallRuns.apply(SmallRuns.ofCorpus(spark, tablesRoot), spark)) {
        TermsReport report = run(spark, tablesRoot, common.output, cfg, resources);
        System.out.println("terms: " + report.summary());
        return 0;
      }
    } finally {
      spark.stop();
    }
  }

  /**
   * The per-article term rows of the articles of {@code sentences} ({@link TermTables#withArticles}),
   * counting words and the phrases of {@code phrases} only: what an append counts in its new articles
   * with the vocabulary of the last full run.
   *
   * @param articles {@code article_id, source, published_date, n_tokens, is_canonical} of those articles
   */
  public static Dataset<Row> perArticleRows(SparkSession spark, Dataset<Row> sentences, Dataset<Row> articles,
      TermsConfig cfg, AnalyzerResources resources, TermHashSet phrases) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Dataset<TermCount> counted = ArticleTermCounter.count(sentences, jsc.broadcast(resources), cfg.getMaxN(),
        jsc.broadcast(phrases));
    return TermTables.withArticles(TermTables.perArticle(counted, TermTables.rejoined(counted)), articles,
        cfg.getPeriod(), true);
  }

  public static TermsReport run(
      SparkSession spark, String tablesRoot, String outputRoot, TermsConfig cfg, AnalyzerResources resources) {
    long t0 = System.nanoTime();
    log.info("Terms over {} with {}", tablesRoot, cfg);
    TableWriter in = new TableWriter(tablesRoot);
    Dataset<Row> articles =
        spark.read().parquet(in.pathOf(Tables.ARTICLES))
            .select("article_id", "source", "published_date", "n_tokens", "is_canonical");
    Dataset<Row> sentences = spark.read().parquet(in.pathOf(Tables.SENTENCES));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<AnalyzerResources> shared = jsc.broadcast(resources);

    Row corpus = articles.agg(count(lit(1)), sum("n_tokens"), count(col("published_date")),
        sum(when(col("is_canonical"), col("n_tokens")).otherwise(0))).first();
    long articleCount = corpus.getLong(0);
    long totalTokens = corpus.isNullAt(1) ? 0 : corpus.getLong(1);
    long undated = articleCount - corpus.getLong(2);
    long canonicalTokens = corpus.isNullAt(3) ? 0 : corpus.getLong(3);
    // The per-article attributes joined to millions of term rows: broadcast while they are small.
    boolean broadcastArticles = articleCount <= cfg.getBroadcastArticles();
    long minCount = cfg.effectivePhraseMinCount(totalTokens);

    // Pass 1: which phrase hashes reach the minimum count (numbers, not strings, go through the shuffle).
    TermHashSet frequent = TermHashSet.of(
        ArticleTermCounter.phraseHashCounts(sentences, shared, cfg.getMaxN())
            .groupBy("hash")
            .agg(sum("term_count").as("term_count"))
            .filter(col("term_count").geq(minCount))
            .select("hash")
            .as(Encoders.LONG())
            .collectAsList()
            .stream()
            .mapToLong(Long::longValue)
            .toArray());
    log.info("{} phrase candidates seen at least {} times", frequent.size(), minCount);
    Broadcast<TermHashSet> frequentPhrases = jsc.broadcast(frequent);

    // Pass 2: per-article counts of words and frequent phrases, kept on disk: every table reads them.
    // The counter's own output is what is kept, not the per-article view over it: that view is a
    // union of two branches over the counter, and Spark would run the analysis once for each.
    Dataset<TermCount> counted =
        ArticleTermCounter.count(sentences, shared, cfg.getMaxN(), frequentPhrases).persist(StorageLevel.DISK_ONLY());
    // The few thousand rows of articles cut by partition edges, summed once: totals, article_terms and
    // the grouped counts would each scan all the counts again to find them. Summing them is also what
    // writes the counts (one branch over them: two branches materialising them at once would both run
    // the analysis), so their scan replaces the row count this job made before.
    Dataset<Row> rejoined = TermTables.rejoined(counted).persist(StorageLevel.MEMORY_AND_DISK());
    log.info("{} term rows of articles cut by a reader split, summed", rejoined.count());
    Dataset<Row> perArticleAll =
        TermTables.withArticles(TermTables.perArticle(counted, rejoined), articles, cfg.getPeriod(), broadcastArticles);
    if (!broadcastArticles) {
      // Too many articles to broadcast: each table's join would shuffle all the term rows (367
      // million at 16x egypt-news-2013). One shuffle join, kept on disk, serves the four tables.
      perArticleAll = perArticleAll.persist(StorageLevel.DISK_ONLY());
    }
    Dataset<Row> totalsAll = TermTables.totals(perArticleAll).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> phrases = null;
    Dataset<Row> vocabulary = null;
    try {
      PhraseSelector.Scored scored = PhraseSelector.score(totalsAll, cfg, minCount);
      // Kept: the vocabulary and term_frequencies both read the kept phrases and their scores, and
      // scoring joins every candidate's splits to the word counts again.
      phrases = scored.phrases().filter(col("kept")).persist(StorageLevel.MEMORY_AND_DISK());
      // The vocabulary of the tables: words seen often enough and phrases that passed the test.
      vocabulary =
          totalsAll
              .filter(col("n").equalTo(1).and(col("term_count").geq(cfg.getMinTermCount())))
              .select("term_key", "n")
              .unionByName(phrases.select("term_key", "n"))
              .persist(StorageLevel.MEMORY_AND_DISK());
      long keptPhrases = vocabulary.filter(col("n").gt(1)).count();
      log.info("Kept {} phrases (min count {}, {} ≥ {}) over {} content tokens",
          keptPhrases, minCount, cfg.getPhraseMeasure(), cfg.effectivePhraseMinScore(), scored.contentTokens());
      Dataset<Row> totals = totalsAll.join(broadcast(vocabulary), new String[] {"term_key", "n"}, "left_semi");

      TableWriter out = new TableWriter(outputRoot);
      int bigFiles = IngestJob.filesFor(articleCount, 25_000);
      out.write(TermTables.termFrequencies(totals, phrases, articleCount, totalTokens, canonicalTokens),
          Tables.TERM_FREQUENCIES, 1);
      phrases.unpersist(); // early: the largest tables are still to come
      Dataset<Row> frequencies = spark.read().parquet(out.pathOf(Tables.TERM_FREQUENCIES));
      // The inner join with term_frequencies already keeps only the vocabulary: no semi-join first.
      boolean hashesUnique = TermTables.hashesIdentifyTerms(totalsAll);
      log.info("64-bit term hashes {} every term of the corpus", hashesUnique ? "tell apart" : "do not tell apart (string keys used)");
      out.write(TermTables.articleTerms(perArticleAll, frequencies, hashesUnique),
          Tables.ARTICLE_TERMS, bigFiles);
      // Periods and sources from one pass over the per-article rows, kept while both tables are
      // written. Filtered to the vocabulary after grouping: the few rejected phrase candidates cost
      // less in the aggregation than a vocabulary lookup for each of the 23 million rows.
      Dataset<Row> groupCounts =
          TermTables.groupCounts(perArticleAll, vocabulary, hashesUnique)
              .persist(StorageLevel.MEMORY_AND_DISK());
      out.write(TermTables.termTimeline(groupCounts, articles, cfg.getPeriod()), Tables.TERM_TIMELINE, bigFiles);
      out.write(TermTables.termBySource(groupCounts, articles, cfg.getPeriod()), Tables.TERM_BY_SOURCE, bigFiles);
      groupCounts.unpersist();

      Map<Integer, Long> byN = new TreeMap<>();
      for (Row r : frequencies.groupBy("n").count().collectAsList()) {
        byN.put(r.getInt(0), r.getLong(1));
      }
      return new TermsReport(articleCount, undated, byN, minCount, (System.nanoTime() - t0) / 1e9);
    } finally {
      // Blocking: the session may stop right after, and removals still running then fail noisily.
      if (phrases != null) {
        phrases.unpersist(true);
      }
      if (vocabulary != null) {
        vocabulary.unpersist(true);
      }
      totalsAll.unpersist(true);
      perArticleAll.unpersist(true);
      rejoined.unpersist(true);
      counted.unpersist(true);
    }
  }
}
