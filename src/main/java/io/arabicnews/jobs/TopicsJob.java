package io.arabicnews.jobs;

import static org.apache.spark.sql.functions.col;

import io.arabicnews.tables.TableWriter;
import io.arabicnews.tables.Tables;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.topics.ArticleTopic;
import io.arabicnews.topics.CuratedTopicScorer;
import io.arabicnews.topics.LearnedTopics;
import io.arabicnews.topics.Taxonomy;
import io.arabicnews.topics.TopicTables;
import io.arabicnews.topics.TopicsConfig;
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
 * Topics: curated (taxonomy) and learned (LDA) topics per article and over time. Reads articles,
 * sentences, article_terms and term_frequencies; writes {@code topics}, {@code article_topics} and
 * {@code topic_timeline}.
 */
@Slf4j
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Weigh articles by curated and learned topics and chart them over time.")
public final class TopicsJob implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin TopicsOptions topics;

  @Option(names = "--period", defaultValue = "month", description = "Timeline period: day, week, month, quarter or year (default: ${DEFAULT-VALUE})")
  String period;

  @Option(names = "--tables", description = "Folder holding the ingest and term tables (default: --output)")
  String tables;

  public static void main(String[] args) {
    System.exit(JobMain.execute(new TopicsJob(), args));
  }

  @Override
  public Integer call() {
    TopicsConfig cfg = topics.toConfig(period);
    AnalyzerResources resources = common.analyzerResources();
    Taxonomy taxonomy = topics.taxonomy(resources);
    SparkSession spark = SparkSessions.create("arabic-news-topics", common.master);
    try {
      String tablesRoot = tables == null ? common.output : tables;
      try (SmallRuns.Applied tuned = SmallRuns.apply(SmallRuns.ofCorpus(spark, tablesRoot), spark)) {
        TopicsReport report = run(spark, tablesRoot, common.output, cfg, resources, taxonomy);
        System.out.println("topics: " + report.summary());
        return 0;
      }
    } finally {
      spark.stop();
    }
  }

  /** What the topic stage computed. */
  public record TopicsReport(long articles, long undated, long unassigned, int learned, double seconds) {
    public String summary() {
      return String.format("%d articles (%d undated: in no period), %d unassigned to any curated topic; %d learned topics; %.1f s",
          articles, undated, unassigned, learned, seconds);
    }
  }

  public static TopicsReport run(SparkSession spark, String tablesRoot, String outputRoot, TopicsConfig cfg,
      AnalyzerResources resources, Taxonomy taxonomy) {
    long t0 = System.nanoTime();
    log.info("Topics over {} with {} ({} curated topics)", tablesRoot, cfg, taxonomy.topics().size());
    TableWriter in = new TableWriter(tablesRoot);
    Dataset<Row> articles = spark.read().parquet(in.pathOf(Tables.ARTICLES)).select("article_id", "published_date", "is_canonical");
    Dataset<Row> sentences = spark.read().parquet(in.pathOf(Tables.SENTENCES));
    Broadcast<CuratedTopicScorer.Resources> shared = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(new CuratedTopicScorer.Resources(resources, taxonomy, cfg.getMinTopicScore()));
    Dataset<ArticleTopic> scored = CuratedTopicScorer.score(sentences, shared).persist(StorageLevel.DISK_ONLY());
    Dataset<ArticleTopic> curated = CuratedTopicScorer.rescoreCut(scored, sentences, shared);
    try {
      long articleCount = in.rowCount(spark, Tables.ARTICLES);
      LearnedTopics.Result learned = cfg.getLdaTopics() == 0 ? null
          : LearnedTopics.learn(spark, articles.select("article_id"), spark.read().parquet(in.pathOf(Tables.ARTICLE_TERMS)),
              spark.read().parquet(in.pathOf(Tables.TERM_FREQUENCIES)), articleCount, cfg);
      TableWriter out = new TableWriter(outputRoot);
      out.write(TopicTables.topics(spark, taxonomy, learned == null ? null : learned.topics()), Tables.TOPICS, 1);
      Dataset<Row> topicsOfArticles = TopicTables.articleTopics(curated, learned == null ? null : learned.articleTopics());
      int files = IngestJob.filesFor(articleCount, 100_000);
      if (learned != null && LearnedTopics.mergingFilesLimitsWeightTasks(files, articleCount)) {
        out.writeShuffled(topicsOfArticles, Tables.ARTICLE_TOPICS, files, col("article_id"));
      } else {
        out.write(topicsOfArticles, Tables.ARTICLE_TOPICS, files);
      }
      Dataset<Row> articleTopics = spark.read().parquet(out.pathOf(Tables.ARTICLE_TOPICS));
      out.write(TopicTables.timeline(articleTopics, articles, spark.read().parquet(out.pathOf(Tables.TOPICS)),
          cfg.getPeriod(), cfg.getSmoothingWindow()), Tables.TOPIC_TIMELINE, 1);
      long unassigned = articleTopics.filter(col("topic_id").equalTo(Taxonomy.UNASSIGNED)).count();
      long undated = articles.filter(col("published_date").isNull()).count();
      return new TopicsReport(articleCount, undated, unassigned, cfg.getLdaTopics(), (System.nanoTime() - t0) / 1e9);
    } finally {
      // Blocking: the session may stop right after, and removals still running then fail noisily.
      scored.unpersist(true);
    }
  }
}
