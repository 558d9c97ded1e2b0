package io.arabicnews.jobs;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.arabicnews.append.AppendState;
import io.arabicnews.corpus.ArticleAssembler;
import io.arabicnews.corpus.ArticleTables;
import io.arabicnews.corpus.BoilerplatePatterns;
import io.arabicnews.corpus.CorpusReader;
import io.arabicnews.corpus.DuplicateIds;
import io.arabicnews.corpus.ProcessedArticle;
import io.arabicnews.corpus.RawArticle;
import io.arabicnews.duplicates.NearDuplicates;
import io.arabicnews.tables.TableWriter;
import io.arabicnews.tables.Tables;
import io.arabicnews.text.AnalyzerResources;
import java.nio.file.Path;
import java.util.Map;
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

/**
 * Ingest: reads a corpus, cleans and dates every article, splits sentences and writes the {@code
 * articles}, {@code sentences} and {@code rejects} tables. Prints the reconciliation {@code read N,
 * loaded A, rejected R}.
 */
@Slf4j
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Load an Arabic news corpus into the articles, sentences and rejects tables.")
public final class IngestJob implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin CommonOptions common;

  public static void main(String[] args) {
    System.exit(JobMain.execute(new IngestJob(), args));
  }

  IngestConfig config() {
    return IngestConfig.builder()
        .corpus(input.toSpec())
        .outputRoot(common.output)
        .boilerplatePath(input.boilerplate)
        .duplicates(input.duplicates())
        .build()
        .validate();
  }

  @Override
  public Integer call() {
    IngestConfig cfg = config();
    AnalyzerResources resources = common.analyzerResources();
    SparkSession spark = SparkSessions.create("arabic-news-ingest", common.master);
    try {
      try (SmallRuns.Applied tuned = SmallRuns.apply(SmallRuns.ofInput(spark, cfg.getCorpus().getInputPath()), spark)) {
        IngestReport report = run(spark, cfg, resources);
        System.out.println("ingest: " + report.reconciliation());
        return 0;
      }
    } finally {
      spark.stop();
    }
  }

  /** Ingest with the shipped analyser data (how tests and callers without user word lists run it). */
  public static IngestReport run(SparkSession spark, IngestConfig cfg) {
    return run(spark, cfg, AnalyzerResources.defaults());
  }

  /** @param resources the analyser data every stage of the run shares (token counts use it) */
  public static IngestReport run(SparkSession spark, IngestConfig cfg, AnalyzerResources resources) {
    long t0 = System.nanoTime();
    log.info("Ingest {}", cfg);
    Broadcast<AnalyzerResources> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(resources);
    BoilerplatePatterns boilerplate =
        cfg.getBoilerplatePath() == null
            ? BoilerplatePatterns.defaults()
            : BoilerplatePatterns.load(Path.of(cfg.getBoilerplatePath()));

    Dataset<RawArticle> raw = CorpusReader.read(spark, cfg.getCorpus());
    Dataset<ProcessedArticle> assembled =
        ArticleAssembler.assemble(raw, shared, boilerplate)
            // On disk, not in memory: the sorts and joins that follow need the heap, and the
            // operating system's page cache keeps re-reads fast anyway.
            .persist(StorageLevel.DISK_ONLY());
    try (RunCheckpoints checkpoints = RunCheckpoints.open(spark, cfg.getOutputRoot())) {
      // Duplicate ids are marked over the kept articles (a broadcast join when there are any).
      Dataset<ProcessedArticle> processed = DuplicateIds.reject(assembled);
      // Records, rejects by reason and undated articles from one pass over the persisted articles.
      long read = 0;
      long undated = 0;
      Map<String, Long> byReason = new TreeMap<>();
      for (Row r : processed.groupBy("rejectReason")
          .agg(count(lit(1)), sum(when(col("publishedDate").isNull(), 1L).otherwise(0L)))
          .collectAsList()) {
        read += r.getLong(1);
        if (r.isNullAt(0)) {
          undated = r.getLong(2);
        } else {
          byReason.put(r.getString(0), r.getLong(1));
        }
      }
      long rejected = byReason.values().stream().mapToLong(Long::longValue).sum();
      long loaded = read - rejected;
      log.info("Ingest read {} records: {} loaded, {} rejected {}", read, loaded, rejected, byReason);

      Dataset<Row> shingles = ArticleTables.shingles(processed);
      boolean clustered = cfg.getDuplicates().enabled() && cfg.isClusterDuplicates();
      NearDuplicates.Clustering clustering = clustered ? NearDuplicates.cluster(shingles, cfg.getDuplicates()) : null;
      Dataset<Row> duplicates = clustering != null ? clustering.clusters() : NearDuplicates.singletons(shingles);
      long clusters = 0;
      long duplicateArticles = 0;
      if (clustered) {
        Row dup = duplicates.agg(
                sum(when(col("dup_cluster_size").gt(1).and(col("is_canonical")), 1).otherwise(0)),
                sum(when(col("is_canonical"), 0).otherwise(1)))
            .first();
        clusters = dup.isNullAt(0) ? 0 : dup.getLong(0);
        duplicateArticles = dup.isNullAt(1) ? 0 : dup.getLong(1);
        log.info("Near-duplicates (Jaccard ≥ {}): {} clusters of 2 or more articles, {} articles beyond the canonical one",
            cfg.getDuplicates().getMinSimilarity(), clusters, duplicateArticles);
      }

      TableWriter writer = new TableWriter(cfg.getOutputRoot());
      // A small cluster table is broadcast to the articles rather than shuffling every body to meet it.
      Dataset<Row> clusterRows = loaded <= BROADCAST_CLUSTERS ? broadcast(duplicates) : duplicates;
      // By publication date: an append rewrites the files of the days its articles re-cluster, not the archive's.
      writer.writeByRange(ArticleTables.articles(processed, clusterRows), Tables.ARTICLES, filesFor(loaded, 25_000),
          col("published_date"), col("article_id"));
      writer.write(ArticleTables.sentences(processed), Tables.SENTENCES, filesFor(loaded, 10_000));
      writer.write(ArticleTables.rejects(processed), Tables.REJECTS, 1);
      if (cfg.getStateRoot() != null) {
        AppendState.writeShingles(shingles, cfg.getStateRoot());
        AppendState.writePairs(clustering != null ? clustering.pairs() : AppendState.noPairs(spark), cfg.getStateRoot());
      }
      return new IngestReport(
          read, loaded, rejected, byReason, undated, clusters, duplicateArticles, cfg.isClusterDuplicates(),
          (System.nanoTime() - t0) / 1e9);
    } finally {
      // Blocking: the session may stop right after, and removals still running then fail noisily.
      assembled.unpersist(true);
    }
  }

  /** Up to this many articles (about 80 bytes each in the cluster table) the clusters are broadcast. */
  static final long BROADCAST_CLUSTERS = 1_000_000;

  /** Enough Parquet files for ~{@code perFile} articles each, at least one. */
  static int filesFor(long rows, long perFile) {
    return (int) Math.max(1, (rows + perFile - 1) / perFile);
  }
}
