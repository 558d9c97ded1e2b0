package io.arabicnews.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import io.arabicnews.tables.TableWriter;
import io.arabicnews.tables.Tables;
import io.arabicnews.terms.ArticleTermCounter;
import io.arabicnews.terms.PhraseSelector;
import io.arabicnews.terms.TermCount;
import io.arabicnews.terms.TermTables;
import io.arabicnews.terms.TermsConfig;
import io.arabicnews.text.AnalyzerResources;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import lombok.extern.slf4j.Slf4j;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
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
      TermsReport report = run(spark, tables == null ? common.output : tables, common.output, cfg, resources);
      System.out.println("terms: " + report.summary());
      return 0;
    } finally {
      spark.stop();
    }
  }

  public static TermsReport run(
      SparkSession spark, String tablesRoot, String outputRoot, TermsConfig cfg, AnalyzerResources resources) {
    long t0 = System.nanoTime();
    log.info("Terms over {} with {}", tablesRoot, cfg);
    TableWriter in = new TableWriter(tablesRoot);
    Dataset<Row> articles =
        spark.read().parquet(in.pathOf(Tables.ARTICLES)).select("article_id", "source", "published_date", "n_tokens");
    Dataset<Row> sentences = spark.read().parquet(in.pathOf(Tables.SENTENCES));
    Broadcast<AnalyzerResources> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(resources);

    // Pass 1: corpus counts of every candidate, to decide which phrases are collocations.
    Dataset<Row> candidates =
        ArticleTermCounter.count(sentences, shared, cfg.getMaxN(), null)
            .groupBy(col("termKey").as("term_key"), col("n"))
            .agg(sum("termCount").as("term_count"))
            .persist(StorageLevel.DISK_ONLY());
    PhraseSelector.Scored scored = PhraseSelector.score(candidates, cfg);
    Dataset<Row> phrases = scored.phrases().filter(col("kept")).persist(StorageLevel.DISK_ONLY());
    Set<String> kept = new HashSet<>();
    for (Row r : phrases.select("term_key").collectAsList()) {
      kept.add(r.getString(0));
    }
    log.info("Kept {} phrases (min count {}, {} ≥ {}) over {} content tokens",
        kept.size(), scored.minCount(), cfg.getPhraseMeasure(), cfg.effectivePhraseMinScore(), scored.contentTokens());
    Broadcast<Set<String>> keptPhrases =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(kept);

    // Pass 2: per-article counts of words and kept phrases, kept on disk: four tables read them.
    Dataset<TermCount> counts = ArticleTermCounter.count(sentences, shared, cfg.getMaxN(), keptPhrases);
    if (cfg.getMinTermCount() > 1) {
      Dataset<Row> rare =
          candidates.filter(col("n").equalTo(1).and(col("term_count").lt(cfg.getMinTermCount())))
              .select(col("term_key").as("termKey"));
      counts = counts.join(rare, new String[] {"termKey"}, "left_anti").as(ArticleTermCounter.ENCODER);
    }
    Dataset<Row> perArticle = TermTables.perArticle(counts).persist(StorageLevel.DISK_ONLY());
    try {
      long articleCount = articles.count();
      Row tokens = articles.agg(sum("n_tokens")).first();
      long totalTokens = tokens.isNullAt(0) ? 0 : tokens.getLong(0);
      long undated = articles.filter(col("published_date").isNull()).count();

      TableWriter out = new TableWriter(outputRoot);
      int bigFiles = IngestJob.filesFor(articleCount, 25_000);
      out.write(TermTables.termFrequencies(perArticle, phrases, articleCount, totalTokens), Tables.TERM_FREQUENCIES, 1);
      Dataset<Row> frequencies = spark.read().parquet(out.pathOf(Tables.TERM_FREQUENCIES));
      out.write(TermTables.articleTerms(perArticle, articles, frequencies), Tables.ARTICLE_TERMS, bigFiles);
      out.write(TermTables.termTimeline(perArticle, articles, cfg.getPeriod()), Tables.TERM_TIMELINE, bigFiles);
      out.write(TermTables.termBySource(perArticle, articles), Tables.TERM_BY_SOURCE, bigFiles);

      Map<Integer, Long> byN = new TreeMap<>();
      for (Row r : frequencies.groupBy("n").count().collectAsList()) {
        byN.put(r.getInt(0), r.getLong(1));
      }
      return new TermsReport(articleCount, undated, byN, scored.minCount(), (System.nanoTime() - t0) / 1e9);
    } finally {
      perArticle.unpersist();
      phrases.unpersist();
      candidates.unpersist();
    }
  }
}
