package io.arabicnews.jobs;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.arabicnews.append.AppendState;
import io.arabicnews.append.ArticleChanges;
import io.arabicnews.append.ClusterUpdate;
import io.arabicnews.append.EntityCountChanges;
import io.arabicnews.append.TermCountChanges;
import io.arabicnews.duplicates.DuplicatesConfig;
import io.arabicnews.duplicates.NearDuplicates;
import io.arabicnews.entities.EntitiesConfig;
import io.arabicnews.entities.EntityExtractor;
import io.arabicnews.entities.EntityHit;
import io.arabicnews.entities.EntityResources;
import io.arabicnews.entities.EntityTables;
import io.arabicnews.tables.Faults;
import io.arabicnews.tables.ParquetRowCounts;
import io.arabicnews.tables.PerArticleFiles;
import io.arabicnews.tables.RunManifest;
import io.arabicnews.tables.TablePublisher;
import io.arabicnews.tables.TableSchema;
import io.arabicnews.tables.TableWriter;
import io.arabicnews.tables.Tables;
import io.arabicnews.terms.TermHash;
import io.arabicnews.terms.TermHashSet;
import io.arabicnews.terms.TermTables;
import io.arabicnews.topics.LearnedTopics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import lombok.extern.slf4j.Slf4j;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code --mode append}: adds the input's new articles to the tables of the output root, replaces the
 * articles it corrects and skips those loaded before, at the cost of the new articles and the
 * aggregate tables, not of the archive's text:
 * <ul>
 *   <li>the input is ingested alone and each article classified against the loaded ones ({@link
 *       ArticleChanges});
 *   <li>near-duplicates: the new and corrected articles are compared with the archive articles of
 *       their days, and every article connected to them is clustered again ({@link ClusterUpdate});
 *   <li>the per-article tables gain the new articles' rows in new files; only files holding an article
 *       whose rows change (corrected, or re-clustered) are rewritten ({@link PerArticleFiles});
 *   <li>the term tables' counts are brought up to date by what the changed rows add and take away
 *       ({@link TermCountChanges}), with the vocabulary of the last full run; the entity, co-mention and
 *       topic tables are counted again from their per-article tables, with the learned topic model of
 *       the last full run; the entity and co-mention tables are staged on a second thread while the
 *       term and topic tables are staged on the first;
 *   <li>everything is staged and published together through the journal ({@link TablePublisher}).
 * </ul>
 */
@Slf4j
final class AppendPipeline {
  private AppendPipeline() {}

  static Map<String, Long> run(SparkSession spark, PipelineJob.Settings s) {
    Instant started = Instant.now();
    String out = s.getIngest().getOutputRoot();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String liveState = AppendState.root(out);
    Map<String, String> stored = AppendState.readSettings(conf, liveState);
    String why = AppendState.incompatibility(stored, AppendState.fingerprint(s.getParameters()), out);
    if (why != null) {
      throw new IllegalArgumentException(why);
    }
    String modelRunId = stored.get(AppendState.MODEL_RUN_ID);
    String runId = PipelineJob.newRunId(started);
    String stage = TablePublisher.stagingRoot(out, runId);
    String fresh = stage + "/_input";
    System.out.println("run " + runId + ": appending to " + out + " (vocabulary and learned topics of run "
        + modelRunId + "), staging in " + stage);
    IngestReport ingest;
    // The input alone is small: a small run's settings (the aggregates later are the archive's size).
    try (SmallRuns.Applied small = smallRun(spark, s)) {
      ingest = IngestJob.run(spark,
          s.getIngest().toBuilder().outputRoot(fresh).stateRoot(AppendState.root(fresh)).clusterDuplicates(false).build(),
          s.getAnalyzer());
    }
    System.out.println("ingest: " + ingest.reconciliation());

    TableWriter live = new TableWriter(out);
    TableWriter input = new TableWriter(fresh);
    List<Dataset<?>> kept = Collections.synchronizedList(new ArrayList<>());
    Work work = new Work(spark, fresh + "/_work");
    try {
      Dataset<Row> loaded = work.save(spark.read().parquet(live.pathOf(Tables.ARTICLES)).select("article_id",
          "content_hash", "source", "published_date", "n_tokens", "n_chars", "is_canonical", "dup_cluster_id",
          "dup_cluster_size", "dup_max_similarity"));
      Dataset<Row> incoming = spark.read().parquet(input.pathOf(Tables.ARTICLES));
      Dataset<Row> changes = work.save(ArticleChanges.classify(incoming, loaded));
      Map<String, Long> byChange = new LinkedHashMap<>();
      for (String c : List.of(ArticleChanges.ADDED, ArticleChanges.UPDATED, ArticleChanges.SKIPPED)) {
        byChange.put(c, 0L);
      }
      changes.groupBy("change").count().collectAsList().forEach(r -> byChange.put(r.getString(0), r.getLong(1)));
      long added = byChange.get(ArticleChanges.ADDED);
      long updated = byChange.get(ArticleChanges.UPDATED);
      long skipped = byChange.get(ArticleChanges.SKIPPED);
      System.out.printf("append: added %d, updated %d, skipped %d already loaded%n", added, updated, skipped);

      TablePublisher.Plan plan = new TablePublisher.Plan(out, runId);
      Map<String, Long> rows = new LinkedHashMap<>();
      List<String> warnings = new ArrayList<>();
      Dataset<Row> newRejects = spark.read().parquet(input.pathOf(Tables.REJECTS))
          .except(spark.read().parquet(live.pathOf(Tables.REJECTS)));
      PerArticleFiles.Change rejects = PerArticleFiles.stage(spark, out, stage, Tables.REJECTS.name(),
          Tables.REJECTS.structType(), List.of(), UnaryOperator.identity(), newRejects, null);
      PerArticleFiles.publish(conf, plan, rejects);

      long reclustered = 0;
      if (added + updated == 0) {
        for (TableSchema t : Tables.all()) {
          rows.put(t.name(), t == Tables.REJECTS ? PerArticleFiles.rowCountAfter(conf, rejects) : live.rowCount(spark, t));
        }
      } else {
        reclustered = appendArticles(spark, s, out, stage, fresh, changes, loaded, plan, rows, warnings, kept, work);
      }
      RunManifest.write(spark, stage, runId, started, Instant.now(), s.getParameters(),
          s.getIngest().getCorpus().getInputPath(), rows, warnings,
          new RunManifest.Outcome(PipelineJob.APPEND, added, updated, skipped, reclustered, modelRunId));
      plan.addAll(conf, RunManifest.TABLE);
      Faults.at("before-publish");
      TablePublisher.publish(conf, plan);
      System.out.println("tables: " + rows);
      PipelineJob.writeCatalog(out);
      return rows;
    } finally {
      kept.forEach(d -> d.unpersist(true));
    }
  }

  /** Adds the new and corrected articles; returns how many loaded articles were re-clustered. */
  private static long appendArticles(SparkSession spark, PipelineJob.Settings s, String out, String stage,
      String fresh, Dataset<Row> changes, Dataset<Row> loaded, TablePublisher.Plan plan, Map<String, Long> rows,
      List<String> warnings, List<Dataset<?>> kept, Work work) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String liveState = AppendState.root(out);
    TableWriter live = new TableWriter(out);
    TableWriter input = new TableWriter(fresh);
    TableWriter staged = new TableWriter(stage);
    Dataset<Row> changedIds = work.save(changes.filter(col("change").notEqual(ArticleChanges.SKIPPED)).select("article_id"));
    Dataset<Row> updatedIds = work.save(changes.filter(col("change").equalTo(ArticleChanges.UPDATED)).select("article_id"));
    Dataset<Row> incoming = spark.read().parquet(input.pathOf(Tables.ARTICLES))
        .join(broadcast(changedIds), new String[] {"article_id"}, "left_semi");

    // Near-duplicates: the changed articles against the archive of their days, then every connected article again.
    SmallRuns.Applied small = smallRun(spark, s);
    DuplicatesConfig dup = s.getIngest().getDuplicates();
    Dataset<Row> changedShingles = work.save(AppendState.readShingles(spark, AppendState.root(fresh))
        .join(broadcast(changedIds), new String[] {"article_id"}, "left_semi"));
    Dataset<Row> oldPairs = AppendState.readPairs(spark, liveState);
    Dataset<Row> keptPairs = oldPairs
        .join(broadcast(updatedIds.withColumnRenamed("article_id", "a")), new String[] {"a"}, "left_anti")
        .join(broadcast(updatedIds.withColumnRenamed("article_id", "b")), new String[] {"b"}, "left_anti");
    Dataset<Row> clusters;
    Dataset<Row> pairsAfter;
    if (dup.enabled()) {
      Row range = changedShingles.agg(min("published_date"), max("published_date"),
          sum(when(col("published_date").isNull(), 1L).otherwise(0L))).first();
      LocalDate first = range.isNullAt(0) ? null : range.getDate(0).toLocalDate();
      LocalDate last = range.isNullAt(1) ? null : range.getDate(1).toLocalDate();
      boolean anyUndated = !range.isNullAt(2) && range.getLong(2) > 0;
      Dataset<Row> window = ClusterUpdate.window(AppendState.readShingles(spark, liveState), first, last, anyUndated,
              dup.getMaxDays())
          .join(broadcast(updatedIds), new String[] {"article_id"}, "left_anti");
      pairsAfter = work.save(keptPairs.unionByName(ClusterUpdate.pairsOfChanged(changedShingles, window, dup)));
      Set<String> seeds = new HashSet<>(ids(changedIds));
      for (Row r : ClusterUpdate.touching(oldPairs, updatedIds).select("a", "b").collectAsList()) {
        seeds.add(r.getString(0)); // the old version's cluster may fall apart
        seeds.add(r.getString(1));
      }
      Dataset<Row> group = spark.createDataset(new ArrayList<>(ClusterUpdate.connected(spark, pairsAfter, seeds)),
          Encoders.STRING()).toDF("article_id");
      Dataset<Row> keys = incoming.select("article_id", "published_date", "n_chars")
          .unionByName(loaded.join(broadcast(changedIds), new String[] {"article_id"}, "left_anti")
              .join(broadcast(group), new String[] {"article_id"}, "left_semi")
              .select("article_id", "published_date", "n_chars"));
      clusters = NearDuplicates.clustersOfPairs(ClusterUpdate.touching(pairsAfter, group), keys);
    } else {
      pairsAfter = keptPairs;
      clusters = NearDuplicates.singletons(incoming.select("article_id"));
    }
    clusters = work.save(clusters);
    String[] clusterColumns = {"dup_cluster_id", "is_canonical", "dup_cluster_size", "dup_max_similarity"};
    Column differs = lit(false);
    for (String c : clusterColumns) {
      differs = differs.or(not(col("old." + c).eqNullSafe(col("new." + c))));
    }
    // Loaded articles (not replaced) whose cluster columns change, with the new values and the old canonical flag.
    Dataset<Row> reclustered = work.save(loaded.join(broadcast(changedIds), new String[] {"article_id"}, "left_anti").as("old")
        .join(clusters.as("new"), col("old.article_id").equalTo(col("new.article_id")))
        .filter(differs)
        .select(col("new.article_id").as("article_id"), col("new.dup_cluster_id"), col("new.is_canonical"),
            col("new.dup_cluster_size"), col("new.dup_max_similarity"), col("old.is_canonical").as("was_canonical")));
    long reclusteredCount = reclustered.count();
    Dataset<Row> flipped = work.save(reclustered.filter(not(col("is_canonical").eqNullSafe(col("was_canonical")))));
    Dataset<Row> reclusteredIds = reclustered.select("article_id");
    Dataset<Row> flippedIds = flipped.select("article_id");
    Row inClusters = clusters.join(broadcast(changedIds), new String[] {"article_id"}, "left_semi")
        .agg(sum(when(col("dup_cluster_size").gt(1), 1L).otherwise(0L)), sum(when(col("is_canonical"), 0L).otherwise(1L)))
        .first();
    System.out.printf("near-duplicates: %d of the new and corrected articles are in clusters of 2 or more (%d not their"
            + " cluster's canonical one); %d loaded article(s) re-clustered, %d of them change canonical%n",
        inClusters.isNullAt(0) ? 0 : inClusters.getLong(0), inClusters.isNullAt(1) ? 0 : inClusters.getLong(1),
        reclusteredCount, flipped.count());
    small.close();

    // articles
    Dataset<Row> newArticles = work.save(Tables.ARTICLES.conform(
        incoming.drop(clusterColumns).join(clusters, "article_id")));
    List<String> articleFiles = PerArticleFiles.filesHolding(spark, out, Tables.ARTICLES.name(),
        Tables.ARTICLES.structType(), "article_id", updatedIds.unionByName(reclusteredIds));
    PerArticleFiles.Change articles = PerArticleFiles.stage(spark, out, stage, Tables.ARTICLES.name(),
        Tables.ARTICLES.structType(), articleFiles,
        r -> Tables.ARTICLES.conform(withNewClusters(r.join(broadcast(updatedIds), new String[] {"article_id"}, "left_anti"),
            reclustered, clusterColumns)),
        newArticles, null);
    Dataset<Row> articlesAfter = work.save(PerArticleFiles.after(spark, articles, Tables.ARTICLES.structType())
        .select("article_id", "source", "published_date", "n_tokens", "is_canonical"));
    Row totals = articlesAfter.agg(count(lit(1)), sum("n_tokens"),
        sum(when(col("is_canonical"), col("n_tokens")).otherwise(0L))).first();
    long articleCount = totals.getLong(0);
    long totalTokens = totals.isNullAt(1) ? 0 : totals.getLong(1);
    long canonicalTokens = totals.isNullAt(2) ? 0 : totals.getLong(2);

    // sentences: an article's rows stay together and in order (the broadcast semi-join keeps the
    // order). Written out and read back: the stages tell the input splits of articles by file.
    String changedSentences = fresh + "/changed_sentences";
    spark.read().parquet(input.pathOf(Tables.SENTENCES))
        .join(broadcast(changedIds), new String[] {"article_id"}, "left_semi")
        .write().parquet(changedSentences);
    Dataset<Row> newSentences = spark.read().parquet(changedSentences);
    PerArticleFiles.Change sentences = replaceRows(spark, out, stage, Tables.SENTENCES.name(), Tables.SENTENCES.structType(),
        "article_id", updatedIds, Tables.SENTENCES.conform(newSentences));

    // The entity tables do not wait for the term tables: the two chains of Spark jobs run at once, each
    // using the cores the other leaves idle (the driver's work between jobs, stages of fewer tasks
    // than cores). The topics, which need the new articles' terms, follow the terms.
    ExecutorService entityThread = SideThread.start("append-entities");
    Future<EntityChanges> entityChanges = entityThread.submit(() -> stageEntities(spark, s, out, stage, newSentences,
        newArticles, loaded, flipped, updatedIds, flippedIds, articlesAfter, sentences, articleCount, kept, work));
    entityThread.shutdown();
    PerArticleFiles.Change articleTopics;
    TermChanges terms;
    try {
      terms = stageTerms(spark, s, out, stage, newSentences, newArticles, loaded, flipped, updatedIds, flippedIds,
          articlesAfter, articleCount, totalTokens, canonicalTokens, work);
      Faults.at("after-terms");
      articleTopics = stageTopics(spark, s, out, stage, newSentences, changedIds, updatedIds, terms.newArticleTerms(),
          articlesAfter, warnings);
    } catch (RuntimeException | Error e) {
      SideThread.awaitQuietly(entityChanges); // its writes into the staging folder end before the run fails
      throw e;
    }
    EntityChanges entities = SideThread.await(entityChanges);
    Faults.at("after-entities");

    // what the next append compares with
    String shinglesName = AppendState.DIR + "/" + AppendState.SHINGLES;
    PerArticleFiles.Change shingles = replaceRows(spark, out, stage, shinglesName, AppendState.SHINGLES_SCHEMA,
        "article_id", updatedIds, changedShingles.select("article_id", "n_chars", "shingles", "published_date"),
        "published_date");
    AppendState.writePairs(pairsAfter, AppendState.root(stage));

    for (PerArticleFiles.Change c : List.of(articles, sentences, terms.articleTerms(), entities.mentions(), articleTopics,
        entities.modelMentions(), shingles)) {
      PerArticleFiles.publish(conf, plan, c);
    }
    for (TableSchema t : Tables.aggregates()) { // written whole into the staging folder and swapped in
      plan.swap(t.name());
    }
    plan.swap(AppendState.DIR + "/" + AppendState.PAIRS).swap(AppendState.DIR + "/" + AppendState.ENTITY_UNITS);
    Map<String, PerArticleFiles.Change> perArticle = Map.of(Tables.ARTICLES.name(), articles,
        Tables.SENTENCES.name(), sentences, Tables.ARTICLE_TERMS.name(), terms.articleTerms(),
        Tables.ENTITY_MENTIONS.name(), entities.mentions(), Tables.ARTICLE_TOPICS.name(), articleTopics);
    for (TableSchema t : Tables.all()) {
      PerArticleFiles.Change c = perArticle.get(t.name());
      rows.put(t.name(), c != null ? PerArticleFiles.rowCountAfter(conf, c)
          : t == Tables.REJECTS ? ParquetRowCounts.of(conf, live.pathOf(t)) + ParquetRowCounts.of(conf, staged.pathOf(t))
          : staged.rowCount(spark, t));
    }
    return reclusteredCount;
  }

  /** The per-article term files staged for publication, and the new articles' rows. */
  private record TermChanges(PerArticleFiles.Change articleTerms, Dataset<Row> newArticleTerms) {}

  /**
   * Terms: the vocabulary of the last full run, the counts brought up to date by the changed rows,
   * the new articles' term rows and the term tables written to the staging folder.
   */
  private static TermChanges stageTerms(SparkSession spark, PipelineJob.Settings s, String out, String stage,
      Dataset<Row> newSentences, Dataset<Row> newArticles, Dataset<Row> loaded, Dataset<Row> flipped,
      Dataset<Row> updatedIds, Dataset<Row> flippedIds, Dataset<Row> articlesAfter, long articleCount, long totalTokens,
      long canonicalTokens, Work work) {
    String liveState = AppendState.root(out);
    TableWriter live = new TableWriter(out);
    TableWriter staged = new TableWriter(stage);
    Dataset<Row> vocabulary = work.save(spark.read().parquet(AppendState.path(liveState, AppendState.VOCABULARY)));
    long[] phraseHashes = vocabulary.filter(col("n").gt(1)).select("term_key").as(Encoders.STRING()).collectAsList()
        .stream().mapToLong(TermHash::of).toArray();
    Dataset<Row> newTermRows = work.save(TermsJob.perArticleRows(spark, newSentences,
            newArticles.select("article_id", "source", "published_date", "n_tokens", "is_canonical"),
            s.getTerms(), s.getAnalyzer(), TermHashSet.of(phraseHashes))
        .join(broadcast(vocabulary.select("term_key", "n")), new String[] {"term_key", "n"}, "left_semi"));
    Dataset<Row> oldIds = updatedIds.unionByName(flippedIds);
    List<String> termFiles = PerArticleFiles.filesHolding(spark, out, Tables.ARTICLE_TERMS.name(),
        Tables.ARTICLE_TERMS.structType(), "article_id", oldIds);
    Dataset<Row> oldTermRows = work.save(PerArticleFiles.read(spark, out, Tables.ARTICLE_TERMS.name(), termFiles,
            Tables.ARTICLE_TERMS.structType())
        .join(broadcast(oldIds), new String[] {"article_id"}, "left_semi")
        .select("article_id", "term_key", "n", "term_count"));
    Dataset<Row> loadedAttributes = loaded.select("article_id", "source", "published_date", "n_tokens", "is_canonical");
    Dataset<Row> flippedAttributes = loadedAttributes.drop("is_canonical")
        .join(broadcast(flipped.select("article_id", "is_canonical")), "article_id");
    Dataset<Row> signed = TermCountChanges.signed(newTermRows, 1)
        .unionByName(TermCountChanges.signed(TermTables.withArticles(oldTermRows, loadedAttributes, s.getTerms().getPeriod(), true), -1))
        .unionByName(TermCountChanges.signed(TermTables.withArticles(oldTermRows, flippedAttributes, s.getTerms().getPeriod(), true), 1));
    signed = work.save(signed);
    Dataset<Row> corpusCounts = TermCountChanges.plus(spark.read().parquet(live.pathOf(Tables.TERM_FREQUENCIES)),
        TermCountChanges.change(signed, "term_key", "n"), "term_key", "n");
    staged.write(TermTables.termFrequencies(
            corpusCounts.join(vocabulary.select("term_key", "n", "display_form", "stem"), new String[] {"term_key", "n"}),
            vocabulary.filter(col("n").gt(1)).select("term_key", "npmi", "llr"), articleCount, totalTokens, canonicalTokens),
        Tables.TERM_FREQUENCIES, 1);
    Dataset<Row> frequencies = spark.read().parquet(staged.pathOf(Tables.TERM_FREQUENCIES));
    Dataset<Row> newArticleTerms = work.save(TermTables.articleTerms(newTermRows, frequencies, false));
    PerArticleFiles.Change articleTerms = PerArticleFiles.stage(spark, out, stage, Tables.ARTICLE_TERMS.name(),
        Tables.ARTICLE_TERMS.structType(), termFiles,
        r -> Tables.ARTICLE_TERMS.conform(withNewClusters(r.join(broadcast(updatedIds), new String[] {"article_id"}, "left_anti"),
            flipped.select("article_id", "is_canonical"), "is_canonical")),
        newArticleTerms, null);
    Dataset<Row> periodCounts = TermCountChanges.plus(spark.read().parquet(live.pathOf(Tables.TERM_TIMELINE)),
            TermCountChanges.change(signed.filter(col("period_start").isNotNull()), "period_start", "term_key", "n"),
            "period_start", "term_key", "n")
        .withColumn("source", lit(null).cast("string")).withColumn("by_source", lit(false));
    Dataset<Row> sourceCounts = TermCountChanges.plus(spark.read().parquet(live.pathOf(Tables.TERM_BY_SOURCE)),
            TermCountChanges.change(signed, "source", "term_key", "n"), "source", "term_key", "n")
        .withColumn("period_start", lit(null).cast("date")).withColumn("by_source", lit(true));
    int termFilesCount = IngestJob.filesFor(articleCount, 25_000);
    staged.write(TermTables.termTimeline(periodCounts, articlesAfter, s.getTerms().getPeriod()), Tables.TERM_TIMELINE, termFilesCount);
    staged.write(TermTables.termBySource(sourceCounts, articlesAfter, s.getTerms().getPeriod()), Tables.TERM_BY_SOURCE, termFilesCount);
    return new TermChanges(articleTerms, newArticleTerms);
  }

  /**
   * Topics: the new articles weighed (learned topics by the model of the last full run), the topic
   * tables counted again into the staging folder.
   */
  private static PerArticleFiles.Change stageTopics(SparkSession spark, PipelineJob.Settings s, String out,
      String stage, Dataset<Row> newSentences, Dataset<Row> changedIds, Dataset<Row> updatedIds,
      Dataset<Row> newArticleTerms, Dataset<Row> articlesAfter, List<String> warnings) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    TableWriter live = new TableWriter(out);
    TableWriter staged = new TableWriter(stage);
    LearnedTopics.Model model = LearnedTopics.Model.load(conf, AppendState.path(AppendState.root(out), AppendState.LDA_MODEL));
    if (model == null) {
      warnings.add("learned topics: none, as in the full run that made the tables");
    }
    PerArticleFiles.Change articleTopics = replaceRows(spark, out, stage, Tables.ARTICLE_TOPICS.name(),
        Tables.ARTICLE_TOPICS.structType(), "article_id", updatedIds,
        TopicsJob.articleTopics(spark, newSentences, changedIds, newArticleTerms, s.getTopics(), s.getAnalyzer(),
            s.getTaxonomy(), model));
    Dataset<Row> learned = spark.read().parquet(live.pathOf(Tables.TOPICS)).filter(col("kind").equalTo("learned"));
    TopicsJob.writeAggregates(spark, staged, PerArticleFiles.after(spark, articleTopics, Tables.ARTICLE_TOPICS.structType()),
        articlesAfter, model == null ? null : learned, s.getTopics(), s.getTaxonomy());
    return articleTopics;
  }

  /** The per-article entity files staged for publication. */
  private record EntityChanges(PerArticleFiles.Change mentions, PerArticleFiles.Change modelMentions) {}

  /**
   * Entities: the counts brought up to date by the mentions added and taken away, the entity and
   * co-mention tables written to the staging folder.
   */
  private static EntityChanges stageEntities(SparkSession spark, PipelineJob.Settings s, String out, String stage,
      Dataset<Row> newSentences, Dataset<Row> newArticles, Dataset<Row> loaded, Dataset<Row> flipped,
      Dataset<Row> updatedIds, Dataset<Row> flippedIds, Dataset<Row> articlesAfter, PerArticleFiles.Change sentences,
      long articleCount, List<Dataset<?>> kept, Work work) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String liveState = AppendState.root(out);
    TableWriter live = new TableWriter(out);
    TableWriter staged = new TableWriter(stage);
    Broadcast<EntityResources> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(s.getEntityResources());
    Dataset<EntityHit> hits = keep(kept, EntityExtractor.resolveCut(
        keep(kept, EntityExtractor.extract(newSentences, shared))));
    hits.count();
    Dataset<Row> newMentions = work.save(EntityTables.mentions(hits));
    StructType mentionSchema = Tables.ENTITY_MENTIONS.structType();
    List<String> mentionFiles = PerArticleFiles.filesHolding(spark, out, Tables.ENTITY_MENTIONS.name(), mentionSchema,
        "article_id", updatedIds);
    Dataset<Row> oldMentions = work.save(PerArticleFiles.read(spark, out, Tables.ENTITY_MENTIONS.name(), mentionFiles,
        mentionSchema).join(broadcast(updatedIds), new String[] {"article_id"}, "left_semi"));
    Dataset<Row> flippedMentions = work.save(PerArticleFiles.read(spark, out, Tables.ENTITY_MENTIONS.name(),
        PerArticleFiles.filesHolding(spark, out, Tables.ENTITY_MENTIONS.name(), mentionSchema, "article_id", flippedIds),
        mentionSchema).join(broadcast(flippedIds), new String[] {"article_id"}, "left_semi"));
    PerArticleFiles.Change mentions = PerArticleFiles.stage(spark, out, stage, Tables.ENTITY_MENTIONS.name(),
        mentionSchema, mentionFiles, r -> r.join(broadcast(updatedIds), new String[] {"article_id"}, "left_anti"),
        newMentions, null);
    String modelMentionsName = AppendState.DIR + "/" + AppendState.MODEL_MENTIONS;
    StructType modelSchema = spark.read().parquet(AppendState.path(liveState, AppendState.MODEL_MENTIONS)).schema();
    PerArticleFiles.Change modelMentions = replaceRows(spark, out, stage, modelMentionsName, modelSchema, "articleId",
        updatedIds.withColumnRenamed("article_id", "articleId"), EntityTables.modelMentions(hits));
    writeEntityTables(spark, s, shared, live, staged, stage, liveState, newArticles, loaded, flipped, newMentions,
        oldMentions, flippedMentions, PerArticleFiles.after(spark, mentions, mentionSchema),
        PerArticleFiles.after(spark, modelMentions, modelSchema), articlesAfter,
        PerArticleFiles.rowCountAfter(conf, sentences), articleCount, work);
    Faults.at("entities-staged"); // on the second thread: the run must fail with it
    return new EntityChanges(mentions, modelMentions);
  }

  /** The entity and co-mention tables after the change, and the entity units kept for the next append. */
  private static void writeEntityTables(SparkSession spark, PipelineJob.Settings s, Broadcast<EntityResources> shared,
      TableWriter live, TableWriter staged, String stage, String liveState, Dataset<Row> newArticles, Dataset<Row> loaded,
      Dataset<Row> flipped, Dataset<Row> newMentions, Dataset<Row> oldMentions, Dataset<Row> flippedMentions,
      Dataset<Row> mentionsAfter, Dataset<Row> modelMentionsAfter, Dataset<Row> articlesAfter, long sentenceCount,
      long articleCount, Work work) {
    EntitiesConfig cfg = s.getEntities();
    Dataset<Row> addedSigned = EntityCountChanges.signed(newMentions, newArticles, 1);
    Dataset<Row> removedSigned = EntityCountChanges.signed(oldMentions, loaded, -1);
    Dataset<Row> signed = work.save(addedSigned.unionByName(removedSigned));
    Dataset<Row> touched = work.save(EntityCountChanges.taggerEntitiesTouched(signed));
    Dataset<Row> renamed = work.save(EntityCountChanges.renamedTaggerEntities(modelMentionsAfter, touched));
    staged.write(EntityCountChanges.entities(spark.read().parquet(live.pathOf(Tables.ENTITIES)), signed,
        EntityTables.taggedEntities(shared, renamed)), Tables.ENTITIES, 1);
    Dataset<Row> entities = spark.read().parquet(staged.pathOf(Tables.ENTITIES));
    staged.write(EntityCountChanges.candidates(spark.read().parquet(live.pathOf(Tables.ENTITY_CANDIDATES)), renamed, touched,
        entities, cfg.getMinCandidateCount()), Tables.ENTITY_CANDIDATES, 1);

    // The timeline, units and pairs count the mentions co-mentions count (nisba ones unless asked not to).
    Column counts = cfg.isNisbaInCoMentions() ? lit(true) : col("is_nisba").equalTo(false);
    Dataset<Row> countedSigned = signed.filter(counts);
    staged.write(EntityCountChanges.timeline(spark.read().parquet(live.pathOf(Tables.ENTITY_TIMELINE)), countedSigned,
        articlesAfter, cfg.getPeriod()), Tables.ENTITY_TIMELINE, 1);
    String unitsPath = AppendState.path(AppendState.root(stage), AppendState.ENTITY_UNITS);
    EntityCountChanges.units(spark.read().parquet(AppendState.path(liveState, AppendState.ENTITY_UNITS)), countedSigned)
        .coalesce(1).write().parquet(unitsPath);
    Dataset<Row> units = spark.read().parquet(unitsPath);

    Dataset<Row> addedPairs = EntityCountChanges.signedPairs(addedSigned.filter(counts));
    Dataset<Row> removedPairs = work.save(EntityCountChanges.signedPairs(removedSigned.filter(counts)));
    Dataset<Row> flippedAttributes = flipped.select("article_id", "is_canonical", "was_canonical");
    Dataset<Row> flippedPairs = EntityCountChanges.signedPairs(EntityCountChanges.signed(flippedMentions,
            loaded.select("article_id", "published_date").join(flippedAttributes.select(col("article_id"),
                col("was_canonical").as("is_canonical")), "article_id"), -1).filter(counts))
        .unionByName(EntityCountChanges.signedPairs(EntityCountChanges.signed(flippedMentions,
            loaded.select("article_id", "published_date").join(flippedAttributes.select("article_id", "is_canonical"),
                "article_id"), 1).filter(counts)));
    Dataset<Row> changedPairs = work.save(addedPairs.unionByName(removedPairs).unionByName(flippedPairs));
    Dataset<Row> regained = removedPairs.isEmpty() ? null
        : EntityCountChanges.datesAgain(mentionsAfter.filter(counts), articlesAfter, EntityCountChanges.pairKeys(removedPairs));
    int pairFiles = IngestJob.filesFor(articleCount, 50_000); // as a full run writes them
    staged.write(EntityCountChanges.coMentions(spark.read().parquet(live.pathOf(Tables.CO_MENTIONS)),
        changedPairs.filter(col("sign").gt(0)).join(broadcast(flippedAttributes.select("article_id")),
            new String[] {"article_id"}, "left_anti"),
        changedPairs, regained, units, entities, sentenceCount, articleCount), Tables.CO_MENTIONS, pairFiles);
    staged.write(EntityCountChanges.coMentionTimeline(spark.read().parquet(live.pathOf(Tables.CO_MENTION_TIMELINE)),
        changedPairs, cfg.getPeriod()), Tables.CO_MENTION_TIMELINE, pairFiles);
  }

  /** The settings of a run the size of the input (what the new articles alone are computed with). */
  private static SmallRuns.Applied smallRun(SparkSession spark, PipelineJob.Settings s) {
    SmallRuns.Size input = SmallRuns.ofInput(spark, s.getIngest().getCorpus().getInputPath());
    return SmallRuns.apply(input.kind() == SmallRuns.Kind.LARGE ? SmallRuns.Size.LARGE : input, spark);
  }

  /** A per-article table with the rows of {@code replacedIds} taken away and {@code added} added. */
  private static PerArticleFiles.Change replaceRows(SparkSession spark, String out, String stage, String name,
      StructType schema, String idColumn, Dataset<Row> replacedIds, Dataset<Row> added) {
    return replaceRows(spark, out, stage, name, schema, idColumn, replacedIds, added, null);
  }

  private static PerArticleFiles.Change replaceRows(SparkSession spark, String out, String stage, String name,
      StructType schema, String idColumn, Dataset<Row> replacedIds, Dataset<Row> added, String partitionColumn) {
    List<String> files = PerArticleFiles.filesHolding(spark, out, name, schema, idColumn, replacedIds);
    return PerArticleFiles.stage(spark, out, stage, name, schema, files,
        r -> r.join(broadcast(replacedIds), new String[] {idColumn}, "left_anti"), added, partitionColumn);
  }

  /** {@code rows} with the given columns replaced by those of {@code changed} (by article_id) where it has the article. */
  private static Dataset<Row> withNewClusters(Dataset<Row> rows, Dataset<Row> changed, String... columns) {
    Dataset<Row> renamed = changed.select("article_id", columns).withColumn("_changed", lit(true));
    for (String c : columns) {
      renamed = renamed.withColumnRenamed(c, "_new_" + c);
    }
    Dataset<Row> joined = rows.join(broadcast(renamed), new String[] {"article_id"}, "left");
    for (String c : columns) {
      joined = joined.withColumn(c, when(col("_changed"), col("_new_" + c)).otherwise(col(c)));
    }
    List<String> drop = new ArrayList<>(List.of("_changed"));
    for (String c : columns) {
      drop.add("_new_" + c);
    }
    return joined.drop(drop.toArray(String[]::new));
  }

  private static List<String> ids(Dataset<Row> ids) {
    return ids.as(Encoders.STRING()).collectAsList();
  }

  /**
   * Intermediate results written under the staging folder and read back, so later queries start from
   * files, not from the plans that made them: Spark matches every query against the plans of cached
   * datasets, and with a few dozen long ones that planning, not the data, took most of an append.
   */
  private static final class Work {
    private final SparkSession spark;
    private final String dir;
    private final AtomicInteger next = new AtomicInteger();

    Work(SparkSession spark, String dir) {
      this.spark = spark;
      this.dir = dir;
    }

    Dataset<Row> save(Dataset<Row> ds) {
      String path = dir + "/" + next.getAndIncrement();
      ds.write().parquet(path);
      return spark.read().parquet(path);
    }
  }

  private static <T> Dataset<T> keep(List<Dataset<?>> kept, Dataset<T> ds) {
    Dataset<T> persisted = ds.persist(StorageLevel.MEMORY_AND_DISK());
    kept.add(persisted);
    return persisted;
  }
}
