package io.arabicnews.jobs;

import static org.apache.spark.sql.functions.col;

import io.arabicnews.append.AppendState;
import io.arabicnews.entities.CoMentionCounter;
import io.arabicnews.entities.EntitiesConfig;
import io.arabicnews.entities.EntityExtractor;
import io.arabicnews.entities.EntityHit;
import io.arabicnews.entities.EntityResources;
import io.arabicnews.entities.EntityTables;
import io.arabicnews.entities.GazetteerFile;
import io.arabicnews.tables.TableWriter;
import io.arabicnews.tables.Tables;
import io.arabicnews.text.AnalyzerResources;
import java.util.concurrent.Callable;
import lombok.extern.slf4j.Slf4j;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Entities and co-mentions: reads the ingest tables and writes {@code entities}, {@code
 * entity_mentions}, {@code entity_timeline}, {@code entity_candidates}, {@code co_mentions} and
 * {@code co_mention_timeline}.
 */
@Slf4j
@Command(name = "entities", mixinStandardHelpOptions = true, description = "Find gazetteer entities and count which are named together.")
public final class EntitiesJob implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin EntitiesOptions entities;

  @Option(names = "--period", defaultValue = "month", description = "Timeline period: day, week, month, quarter or year (default: ${DEFAULT-VALUE})")
  String period;

  @Option(names = "--tables", description = "Folder holding the ingest tables articles/ and sentences/ (default: --output)")
  String tables;

  public static void main(String[] args) {
    System.exit(JobMain.execute(new EntitiesJob(), args));
  }

  @Override
  public Integer call() {
    EntitiesConfig cfg = entities.toConfig(period);
    GazetteerFile gazetteer = common.gazetteerFile();
    AnalyzerResources resources = common.analyzerResources();
    EntityResources entityResources = entities.resources(resources, gazetteer);
    SparkSession spark = SparkSessions.create("arabic-news-entities", common.master);
    try {
      String tablesRoot = tables == null ? common.output : tables;
      try (SmallRuns.Applied tuned = SmallRuns.apply(SmallRuns.ofCorpus(spark, tablesRoot), spark)) {
        EntitiesReport report = run(spark, tablesRoot, common.output, cfg, entityResources);
        System.out.println("entities: " + report.summary());
        return 0;
      }
    } finally {
      spark.stop();
    }
  }

  /** What the entity stage found. */
  public record EntitiesReport(long mentions, long entitiesSeen, long pairs, long candidates, double seconds) {
    public String summary() {
      return String.format("%d mentions of %d entities; %d co-mention pairs (both scopes); %d candidate names; %.1f s",
          mentions, entitiesSeen, pairs, candidates, seconds);
    }
  }

  public static EntitiesReport run(
      SparkSession spark, String tablesRoot, String outputRoot, EntitiesConfig cfg, EntityResources resources) {
    return run(spark, tablesRoot, outputRoot, cfg, resources, null);
  }

  /** @param stateRoot where to keep the tagger's readings for appends ({@link AppendState}); null: not kept */
  public static EntitiesReport run(SparkSession spark, String tablesRoot, String outputRoot, EntitiesConfig cfg,
      EntityResources resources, String stateRoot) {
    long t0 = System.nanoTime();
    log.info("Entities over {} with {} ({} gazetteer entities, name tagger {}, min confidence {})", tablesRoot, cfg,
        resources.gazetteer().entities().size(), resources.tagger() == null ? "off" : "on", resources.minNameConfidence());
    TableWriter in = new TableWriter(tablesRoot);
    Dataset<Row> articles = spark.read().parquet(in.pathOf(Tables.ARTICLES)).select("article_id", "published_date", "is_canonical");
    Dataset<Row> sentences = spark.read().parquet(in.pathOf(Tables.SENTENCES));
    Broadcast<EntityResources> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(resources);

    Dataset<EntityHit> extracted = EntityExtractor.extract(sentences, shared).persist(StorageLevel.DISK_ONLY());
    // The few unresolved bare surnames of cut articles settled. Not kept a second time: only the
    // mentions and the candidates read the hits, and both are a filter over the kept extraction.
    Dataset<EntityHit> hits = EntityExtractor.resolveCut(extracted);
    try {
      TableWriter out = new TableWriter(outputRoot);
      long articleCount = in.rowCount(spark, Tables.ARTICLES);
      int bigFiles = IngestJob.filesFor(articleCount, 50_000);
      out.write(EntityTables.mentions(hits), Tables.ENTITY_MENTIONS, bigFiles);
      Dataset<Row> mentions = spark.read().parquet(out.pathOf(Tables.ENTITY_MENTIONS));
      Dataset<Row> modelMentions;
      if (stateRoot != null) {
        String kept = AppendState.path(stateRoot, AppendState.MODEL_MENTIONS);
        EntityTables.modelMentions(hits).coalesce(bigFiles).write().mode(SaveMode.Overwrite).parquet(kept);
        modelMentions = spark.read().parquet(kept);
      } else {
        modelMentions = EntityTables.modelMentions(hits); // read once, by the persisted model entities
      }
      writeAggregates(spark, shared, out, mentions, modelMentions, articles, in.rowCount(spark, Tables.SENTENCES),
          articleCount, cfg);
      if (stateRoot != null) {
        Dataset<Row> counted = cfg.isNisbaInCoMentions() ? mentions : mentions.filter(col("is_nisba").equalTo(false));
        CoMentionCounter.entityUnits(counted, CoMentionCounter.SENTENCE)
            .unionByName(CoMentionCounter.entityUnits(counted, CoMentionCounter.ARTICLE))
            .coalesce(1).write().mode(SaveMode.Overwrite).parquet(AppendState.path(stateRoot, AppendState.ENTITY_UNITS));
      }
      return new EntitiesReport(
          out.rowCount(spark, Tables.ENTITY_MENTIONS),
          spark.read().parquet(out.pathOf(Tables.ENTITIES)).filter(col("mention_count").gt(0)).count(),
          out.rowCount(spark, Tables.CO_MENTIONS),
          out.rowCount(spark, Tables.ENTITY_CANDIDATES),
          (System.nanoTime() - t0) / 1e9);
    } finally {
      // Blocking: the session may stop right after, and removals still running then fail noisily.
      extracted.unpersist(true);
    }
  }

  /**
   * The entity tables that count over the whole corpus (entities, entity_timeline,
   * entity_candidates, co_mentions, co_mention_timeline) from every article's mentions: what a full
   * run writes after the extraction, and an append after adding its new articles' mentions.
   *
   * @param mentions the entity_mentions table
   * @param modelMentions {@link EntityTables#modelMentions} of every article
   * @param articles {@code article_id, published_date, is_canonical} of every article
   * @param sentenceCount rows of the sentences table
   */
  public static void writeAggregates(SparkSession spark, Broadcast<EntityResources> shared, TableWriter out,
      Dataset<Row> mentions, Dataset<Row> modelMentions, Dataset<Row> articles, long sentenceCount, long articleCount,
      EntitiesConfig cfg) {
    int bigFiles = IngestJob.filesFor(articleCount, 50_000);
    Dataset<Row> counted = cfg.isNisbaInCoMentions() ? mentions : mentions.filter(col("is_nisba").equalTo(false));
    // Read by entities and entity_candidates; one row per entity the tagger alone found.
    Dataset<Row> modelEntities = EntityTables.modelEntities(modelMentions).persist(StorageLevel.MEMORY_AND_DISK());
    out.write(EntityTables.entities(spark, shared, modelEntities, mentions), Tables.ENTITIES, 1);
    Dataset<Row> entities = spark.read().parquet(out.pathOf(Tables.ENTITIES));
    out.write(EntityTables.timeline(counted, articles, cfg.getPeriod()), Tables.ENTITY_TIMELINE, 1);
    out.write(EntityTables.candidates(modelEntities, entities, cfg.getMinCandidateCount()), Tables.ENTITY_CANDIDATES, 1);
    modelEntities.unpersist();
    // Generated once for both tables (one row per article and pair: about as many as mentions).
    Dataset<Row> articlePairs = CoMentionCounter.articlePairs(counted).persist(StorageLevel.MEMORY_AND_DISK());
    // As many files as the timeline: one file would run the pairs' final aggregation and scoring in one task.
    out.write(CoMentionCounter.coMentions(counted, articlePairs, articles, entities, sentenceCount, articleCount),
        Tables.CO_MENTIONS, bigFiles);
    out.write(CoMentionCounter.timeline(articlePairs, articles, cfg.getPeriod()), Tables.CO_MENTION_TIMELINE, bigFiles);
    articlePairs.unpersist();
  }
}
