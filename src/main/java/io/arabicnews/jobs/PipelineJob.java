package io.arabicnews.jobs;

import io.arabicnews.append.AppendState;
import io.arabicnews.entities.EntitiesConfig;
import io.arabicnews.entities.EntityResources;
import io.arabicnews.tables.CatalogWriter;
import io.arabicnews.tables.RunManifest;
import io.arabicnews.tables.TablePublisher;
import io.arabicnews.tables.TableWriter;
import io.arabicnews.tables.Tables;
import io.arabicnews.terms.TermsConfig;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.topics.Taxonomy;
import io.arabicnews.topics.TopicsConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import lombok.Builder;
import lombok.Value;
import lombok.extern.slf4j.Slf4j;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * The whole pipeline in one Spark application: ingest → terms → entities and co-mentions → topics,
 * written to a staging folder and published together at the end ({@link TablePublisher}), then a
 * {@code run_manifest} row and, for a local output root, the BI catalog (catalog.duckdb and tables.sql).
 */
@Slf4j
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = "Run every stage on a corpus: ingest, terms, entities and co-mentions, topics; then the run manifest and BI catalog.")
public final class PipelineJob implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin CommonOptions common;
  @Mixin TermsOptions terms;
  @Mixin EntitiesOptions entities;
  @Mixin TopicsOptions topics;
  @Spec CommandSpec spec;

  @Option(names = "--mode", defaultValue = "replace", description = "replace: rewrite every table from the input (fits the term vocabulary and learned topics again); append: add the input's new and corrected articles to the tables of --output (default: ${DEFAULT-VALUE})")
  String mode;

  public static void main(String[] args) {
    System.exit(JobMain.execute(new PipelineJob(), args));
  }

  /** Every stage's settings, validated before Spark starts. */
  @Value
  @Builder
  public static class Settings {
    IngestConfig ingest;
    TermsConfig terms;
    EntitiesConfig entities;
    TopicsConfig topics;
    AnalyzerResources analyzer;
    EntityResources entityResources;
    Taxonomy taxonomy;
    Map<String, String> parameters;
    /**
     * Whether to run with {@link SmallRuns} settings; null: decided from the input's size; true: the
     * small-run settings at least (a tiny input's if it is one); false: Spark's own.
     */
    Boolean smallRun;
    /** True: add the input to the tables of the output root ({@link AppendPipeline}); false: replace them. */
    boolean append;
  }

  static final String REPLACE = "replace";
  static final String APPEND = "append";

  Settings settings() {
    IngestJob ingest = new IngestJob();
    ingest.input = input;
    ingest.common = common;
    AnalyzerResources resources = common.analyzerResources();
    Map<String, String> parameters = new TreeMap<>();
    for (OptionSpec o : spec.options()) {
      if (o.getValue() != null && !o.usageHelp() && !o.versionHelp()) {
        parameters.put(o.longestName(), String.valueOf((Object) o.getValue()));
      }
    }
    return Settings.builder()
        .ingest(ingest.config())
        .terms(terms.toConfig())
        .entities(entities.toConfig(terms.period))
        .topics(topics.toConfig(terms.period))
        .analyzer(resources)
        .entityResources(entities.resources(resources, common.gazetteerFile()))
        .taxonomy(topics.taxonomy(resources))
        .parameters(parameters)
        .append(append())
        .build();
  }

  private boolean append() {
    if (!REPLACE.equals(mode) && !APPEND.equals(mode)) {
      throw new IllegalArgumentException("--mode must be replace or append (got «" + mode + "»)");
    }
    return APPEND.equals(mode);
  }

  @Override
  public Integer call() {
    Settings settings = settings();
    settings.getParameters().forEach((k, v) -> log.info("parameter {} = {}", k, v));
    SparkSession spark = SparkSessions.create("arabic-news-pipeline", common.master);
    try {
      run(spark, settings);
      return 0;
    } finally {
      spark.stop();
    }
  }

  /**
   * Runs every stage into a staging folder, publishes the tables into the output root only when all
   * succeeded (a failed or killed run leaves the previous tables as they were), and prints what each
   * stage did; returns the table row counts.
   */
  public static Map<String, Long> run(SparkSession spark, Settings s) {
    // An append's aggregates are the archive's size, whatever its input's.
    SmallRuns.Size measured = s.isAppend() ? SmallRuns.ofCorpus(spark, s.getIngest().getOutputRoot())
        : SmallRuns.ofInput(spark, s.getIngest().getCorpus().getInputPath());
    boolean large = measured.kind() == SmallRuns.Kind.LARGE;
    SmallRuns.Size size = Boolean.FALSE.equals(s.getSmallRun()) && !large ? SmallRuns.Size.LARGE
        : Boolean.TRUE.equals(s.getSmallRun()) && large ? SmallRuns.Size.SMALL : measured;
    try (SmallRuns.Applied tuned = SmallRuns.apply(size, spark)) {
      // A run stopped while publishing is finished first, whatever this run does.
      TablePublisher.recover(spark.sparkContext().hadoopConfiguration(), s.getIngest().getOutputRoot())
          .forEach(id -> System.out.println("run " + id + ": was stopped while publishing; its publication is now complete"));
      return s.isAppend() ? AppendPipeline.run(spark, s) : runStages(spark, s);
    }
  }

  /** Start time (UTC, yyyyMMddHHmmss) and a random suffix. */
  static String newRunId(Instant started) {
    return started.toString().replaceAll("[^0-9]", "").substring(0, 14) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Map<String, Long> runStages(SparkSession spark, Settings s) {
    Instant started = Instant.now();
    String runId = newRunId(started);
    String out = s.getIngest().getOutputRoot();
    String stage = TablePublisher.stagingRoot(out, runId);
    String state = AppendState.root(stage);
    System.out.println("run " + runId + ": staging in " + stage);
    List<String> warnings = new ArrayList<>();
    IngestReport ingest =
        IngestJob.run(spark, s.getIngest().toBuilder().outputRoot(stage).stateRoot(state).build(), s.getAnalyzer());
    System.out.println("ingest: " + ingest.reconciliation());
    // Entities read only ingest's tables; terms → topics never read theirs. On a small corpus each
    // stage is a chain of short queries waiting on the driver, so entities runs beside terms → topics
    // and uses the core they leave idle. On a large one the tasks already fill every core and the two
    // stages would only compete for memory: one after the other.
    Supplier<EntitiesJob.EntitiesReport> entitiesStage =
        () -> EntitiesJob.run(spark, stage, stage, s.getEntities(), s.getEntityResources(), state);
    ExecutorService side = SideThread.start("entities-stage");
    try {
      Future<EntitiesJob.EntitiesReport> beside =
          ingest.loaded() <= OVERLAP_MAX_ARTICLES ? side.submit(entitiesStage::get) : null;
      try {
        System.out.println("terms: " + TermsJob.run(spark, stage, stage, s.getTerms(), s.getAnalyzer()).summary());
        System.out.println("entities: " + (beside != null ? SideThread.await(beside) : entitiesStage.get()).summary());
        TopicsJob.TopicsReport topics = TopicsJob.run(spark, stage, stage, s.getTopics(), s.getAnalyzer(), s.getTaxonomy(), state);
        System.out.println("topics: " + topics.summary());
        if (topics.learnedSkipped() != null) {
          warnings.add("learned topics skipped: " + topics.learnedSkipped());
        }
      } catch (RuntimeException | Error e) {
        // Never leave the entities stage writing into the staging folder behind a failed run.
        if (beside != null) {
          SideThread.awaitQuietly(beside);
        }
        throw e;
      }
    } finally {
      side.shutdown();
    }

    Map<String, Long> rows = new LinkedHashMap<>();
    TableWriter staged = new TableWriter(stage);
    Tables.all().forEach(t -> rows.put(t.name(), staged.rowCount(spark, t)));
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    spark.read().parquet(staged.pathOf(Tables.TERM_FREQUENCIES))
        .select("term_key", "n", "display_form", "stem", "npmi", "llr")
        .coalesce(1).write().parquet(AppendState.path(state, AppendState.VOCABULARY));
    Map<String, String> settings = new TreeMap<>(AppendState.fingerprint(s.getParameters()));
    settings.put(AppendState.MODEL_RUN_ID, runId);
    AppendState.writeSettings(conf, state, settings);
    RunManifest.write(spark, stage, runId, started, Instant.now(), s.getParameters(),
        s.getIngest().getCorpus().getInputPath(), rows, warnings,
        new RunManifest.Outcome(REPLACE, ingest.loaded(), 0, 0, 0, runId));
    TablePublisher.Plan plan = new TablePublisher.Plan(out, runId);
    Tables.all().forEach(t -> plan.swap(t.name()));
    plan.swap(AppendState.DIR).addAll(conf, RunManifest.TABLE);
    TablePublisher.publish(conf, plan);
    System.out.println("tables: " + rows);
    writeCatalog(out);
    return rows;
  }

  /** Up to this many articles, entities runs beside terms → topics (see {@link #run}). */
  static final long OVERLAP_MAX_ARTICLES = 10_000;

  /** The DuckDB catalog needs a local output root and the DuckDB driver (present in local runs). */
  static void writeCatalog(String outputRoot) {
    URI uri = URI.create(outputRoot.replace('\\', '/'));
    if (uri.getScheme() != null && !"file".equals(uri.getScheme())) {
      System.out.println("catalog: skipped for a non-local output root; see docs/bi.md for the Spark SQL DDL");
      return;
    }
    Path root = uri.getScheme() == null ? Path.of(outputRoot) : Path.of(uri);
    CatalogWriter.writeSparkDdl(root, "arabic_news", root.toAbsolutePath().toUri().toString().replaceAll("/$", ""));
    try {
      Class.forName("org.duckdb.DuckDBDriver");
    } catch (ClassNotFoundException e) {
      System.out.println("catalog: DuckDB driver not on the classpath; run jobs/catalog.sh --output " + outputRoot);
      return;
    }
    System.out.println("catalog: " + CatalogWriter.writeDuckDb(root) + ", " + root.resolve(CatalogWriter.SPARK_DDL_FILE));
  }
}
