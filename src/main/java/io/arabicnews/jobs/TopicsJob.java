package io.arabicnews.jobs;

import static org.apache.spark.sql.functions.col;

import io.arabicnews.append.AppendState;
import io.arabicnews.tables.TableSchema;
import io.arabicnews.tables.TableWriter;
import io.arabicnews.tables.Tables;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.topics.ArticleTopic;
import io.arabicnews.topics.CuratedTopicScorer;
import io.arabicnews.topics.LearnedTopicNames;
import io.arabicnews.topics.LearnedTopics;
import io.arabicnews.topics.Taxonomy;
import io.arabicnews.topics.TopicTables;
import io.arabicnews.topics.TopicsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import lombok.extern.slf4j.Slf4j;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
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

  /**
   * What the topic stage computed.
   *
   * @param learnedSkipped why the learned topics were skipped (an input too small for the default
   *     settings), or null
   */
  public record TopicsReport(long articles, long undated, long unassigned, int learned, String learnedSkipped, double seconds) {
    public String summary() {
      return String.format("%d articles (%d undated: in no period), %d unassigned to any curated topic; %s; %.1f s",
          articles, undated, unassigned, learnedSkipped == null ? learned + " learned topics" : "learned topics skipped: " + learnedSkipped,
          seconds);
    }
  }

  public static TopicsReport run(SparkSession spark, String tablesRoot, String outputRoot, TopicsConfig cfg,
      AnalyzerResources resources, Taxonomy taxonomy) {
    return run(spark, tablesRoot, outputRoot, cfg, resources, taxonomy, null);
  }

  /** @param stateRoot where to keep the learned model for appends ({@link AppendState}); null: not kept */
  public static TopicsReport run(SparkSession spark, String tablesRoot, String outputRoot, TopicsConfig cfg,
      AnalyzerResources resources, Taxonomy taxonomy, String stateRoot) {
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
      boolean fitted = learned != null && learned.fitted();
      if (fitted && stateRoot != null) {
        learned.model().save(spark.sparkContext().hadoopConfiguration(), AppendState.path(stateRoot, AppendState.LDA_MODEL));
      }
      TableWriter out = new TableWriter(outputRoot);
      Dataset<Row> topicsOfArticles = TopicTables.articleTopics(curated, fitted ? learned.articleTopics() : null);
      int files = IngestJob.filesFor(articleCount, 100_000);
      if (fitted && LearnedTopics.mergingFilesLimitsWeightTasks(files, articleCount)) {
        out.writeShuffled(topicsOfArticles, Tables.ARTICLE_TOPICS, files, col("article_id"));
      } else {
        out.write(topicsOfArticles, Tables.ARTICLE_TOPICS, files);
      }
      // The topics are labelled from the weights just written: read back, not computed again.
      Dataset<Row> articleTopics = spark.read().parquet(out.pathOf(Tables.ARTICLE_TOPICS));
      Dataset<Row> named = fitted ? LearnedTopicNames.name(spark, learned.topics(), articleTopics, curatedLabels(taxonomy),
          readIfPresent(spark, in, Tables.ENTITY_MENTIONS), readIfPresent(spark, in, Tables.ENTITIES)) : null;
      writeAggregates(spark, out, articleTopics, articles, named, cfg, taxonomy);
      long unassigned = articleTopics.filter(col("topic_id").equalTo(Taxonomy.UNASSIGNED)).count();
      long undated = articles.filter(col("published_date").isNull()).count();
      return new TopicsReport(articleCount, undated, unassigned, fitted ? cfg.getLdaTopics() : 0,
          learned == null ? null : learned.skipped(), (System.nanoTime() - t0) / 1e9);
    } finally {
      // Blocking: the session may stop right after, and removals still running then fail noisily.
      scored.unpersist(true);
    }
  }

  /**
   * The article_topics rows of the articles of {@code sentences}: curated weights, and learned ones by
   * {@code model} (none when null). What an append computes for its new articles.
   *
   * @param articleTerms the same articles' article_terms rows
   */
  public static Dataset<Row> articleTopics(SparkSession spark, Dataset<Row> sentences, Dataset<Row> articleIds,
      Dataset<Row> articleTerms, TopicsConfig cfg, AnalyzerResources resources, Taxonomy taxonomy,
      LearnedTopics.Model model) {
    Broadcast<CuratedTopicScorer.Resources> shared = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(new CuratedTopicScorer.Resources(resources, taxonomy, cfg.getMinTopicScore()));
    Dataset<ArticleTopic> curated =
        CuratedTopicScorer.rescoreCut(CuratedTopicScorer.score(sentences, shared), sentences, shared);
    return TopicTables.articleTopics(curated, model == null ? null : LearnedTopics.weigh(spark, articleIds, articleTerms, model));
  }

  /**
   * topics and topic_timeline from the whole article_topics table: curated topics' top terms
   * counted again; learned topics as the last full run named them ({@code learnedTopics}: its
   * learned rows of topics, or null).
   */
  public static void writeAggregates(SparkSession spark, TableWriter out, Dataset<Row> articleTopics, Dataset<Row> articles,
      Dataset<Row> learnedTopics, TopicsConfig cfg, Taxonomy taxonomy) {
    out.write(TopicTables.topics(spark, taxonomy, articleTopics.filter(col("kind").equalTo(TopicTables.CURATED)),
        learnedTopics == null ? null : learnedTopics.drop("kind")), Tables.TOPICS, 1);
    out.write(TopicTables.timeline(articleTopics, articles, spark.read().parquet(out.pathOf(Tables.TOPICS)),
        cfg.getPeriod(), cfg.getSmoothingWindow()), Tables.TOPIC_TIMELINE, 1);
  }

  private static Map<String, String> curatedLabels(Taxonomy taxonomy) {
    Map<String, String> labels = new HashMap<>();
    taxonomy.topics().forEach(t -> labels.put(t.id(), t.labelEn()));
    return labels;
  }

  /** A table of the entities stage, or null when it did not run over these tables (topics.sh alone). */
  private static Dataset<Row> readIfPresent(SparkSession spark, TableWriter in, TableSchema table) {
    Path dir = new Path(in.pathOf(table));
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(dir) ? spark.read().parquet(in.pathOf(table)) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look for " + dir + ": " + e.getMessage(), e);
    }
  }
}
