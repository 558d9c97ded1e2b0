package io.arabicnews.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arabicnews.SparkTestBase;
import io.arabicnews.TableRows;
import io.arabicnews.TestFiles;
import io.arabicnews.corpus.CorpusSpec;
import io.arabicnews.entities.EntitiesConfig;
import io.arabicnews.entities.EntityResources;
import io.arabicnews.entities.GazetteerFile;
import io.arabicnews.tables.CatalogWriter;
import io.arabicnews.tables.TableSchema;
import io.arabicnews.tables.Tables;
import io.arabicnews.terms.TermsConfig;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import io.arabicnews.topics.Taxonomy;
import io.arabicnews.topics.TopicsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on the seeds, then the tables as BI tools see them. */
class PipelineCatalogTest extends SparkTestBase {
  @TempDir static Path tmp;
  private static Path out;
  private static Map<String, Long> rows;

  @BeforeAll
  static void runPipeline() {
    out = tmp.resolve("out");
    rows = runInto(out, null);
  }

  /** @param smallRun whether to use {@link SmallRuns}' settings; null: decided from the input (the seeds: yes) */
  private static Map<String, Long> runInto(Path out, Boolean smallRun) {
    GazetteerFile g = GazetteerFile.defaults();
    AnalyzerResources resources = EntityResources.withGazetteerWords(AnalyzerResources.defaults(), g);
    Taxonomy taxonomy;
    try (ArabicTextAnalyzer a = new ArabicTextAnalyzer(resources)) {
      taxonomy = Taxonomy.defaults(a);
    }
    return PipelineJob.run(spark(), seedSettings(out, resources)
        .entityResources(EntityResources.build(resources, g))
        .taxonomy(taxonomy)
        .parameters(Map.of("input", "data", "period", "month"))
        .smallRun(smallRun)
        .build());
  }

  /** The seed corpus into {@code out}, every stage at its defaults (LDA made small). */
  private static PipelineJob.Settings.SettingsBuilder seedSettings(Path out, AnalyzerResources resources) {
    return PipelineJob.Settings.builder()
        .ingest(IngestConfig.builder().corpus(CorpusSpec.builder().inputPath("data").build())
            .outputRoot(out.toString()).build())
        .terms(TermsConfig.builder().build())
        .entities(EntitiesConfig.builder().build())
        .topics(TopicsConfig.builder().ldaTopics(3).ldaIterations(5).build())
        .analyzer(resources);
  }

  @Test
  void aFailureOfTheStageRunningBesideTermsFailsTheRunAndPublishesNothing() {
    // On the seeds entities runs in a second thread beside terms → topics; with no entity resources
    // it fails at once, while terms goes on. The run must end with that failure (not hang, not
    // swallow it) after terms, and publish no table.
    Path failed = tmp.resolve("failed");
    PipelineJob.Settings broken = seedSettings(failed, AnalyzerResources.defaults())
        .entityResources(null)
        .parameters(Map.of("input", "data"))
        .build();

    assertThatThrownBy(() -> PipelineJob.run(spark(), broken)).isInstanceOf(NullPointerException.class);

    for (TableSchema t : Tables.all()) {
      assertThat(failed.resolve(t.name())).as(t.name()).doesNotExist();
    }
    assertThat(failed.resolve("run_manifest")).doesNotExist();
  }

  @Test
  void learnedTopicsAreNamedInEnglishFromCuratedTopicsAndEntities() {
    TopicsJobTest.assertTopicsReadInEnglishWithoutRepeats(out);
    // With the entity tables present, some learned topic is also named after entities (after «·»).
    assertThat(spark().read().parquet(out.resolve("topics").toString())
        .filter("kind = 'learned' AND label_en LIKE '%·%'").count()).isPositive();
  }

  /**
   * With the default settings a folder of one article, and one of rejects only, are too small for
   * 20 learned topics: the run still succeeds and writes every table (empty where nothing
   * qualifies), skips the learned topics and says so in run_manifest. Asked for explicitly, 20
   * topics on one article are an error.
   */
  @Test
  void smallInputsWriteEveryTableAndSkipTheLearnedTopics() throws IOException {
    Path one = Files.createDirectories(tmp.resolve("one-in"));
    Files.copy(Path.of("data", "000_31df72e609d04747.txt"), one.resolve("000_31df72e609d04747.txt"));
    Path rejectsOnly = Files.createDirectories(tmp.resolve("rejects-in"));
    Files.writeString(rejectsOnly.resolve("empty.txt"), "");
    Files.write(rejectsOnly.resolve("binary.txt"), new byte[] {0, 1, 2, 3, 0, 0});
    GazetteerFile g = GazetteerFile.defaults();
    AnalyzerResources resources = EntityResources.withGazetteerWords(AnalyzerResources.defaults(), g);
    Taxonomy taxonomy;
    try (ArabicTextAnalyzer a = new ArabicTextAnalyzer(resources)) {
      taxonomy = Taxonomy.defaults(a);
    }
    for (Path input : List.of(one, rejectsOnly)) {
      Path target = tmp.resolve(input.getFileName() + "-out");
      Map<String, Long> written = PipelineJob.run(spark(), PipelineJob.Settings.builder()
          .ingest(IngestConfig.builder().corpus(CorpusSpec.builder().inputPath(input.toString()).build())
              .outputRoot(target.toString()).build())
          .terms(TermsConfig.builder().build()).entities(EntitiesConfig.builder().build())
          .topics(TopicsConfig.builder().build()) // the defaults: 20 learned topics, not asked for
          .analyzer(resources).entityResources(EntityResources.build(resources, g)).taxonomy(taxonomy)
          .parameters(Map.of("input", input.toString())).build());
      for (TableSchema t : Tables.all()) {
        assertThat(target.resolve(t.name())).as("%s of %s", t.name(), input).isDirectory();
      }
      assertThat(written).containsEntry("articles", input == one ? 1L : 0L).containsEntry("rejects", input == one ? 0L : 2L);
      assertThat(spark().read().parquet(target.resolve("topics").toString()).filter("kind = 'learned'").count()).isZero();
      assertThat(spark().read().parquet(target.resolve("article_topics").toString()).filter("kind = 'curated'").count())
          .isEqualTo(written.get("articles") == 0 ? 0 : written.get("article_topics"));
      Row m = spark().read().parquet(target.resolve("run_manifest").toString()).first();
      assertThat(m.<String>getList(m.fieldIndex("warnings"))).singleElement().asString()
          .startsWith("learned topics skipped: only 0 terms qualify for LDA");
    }
    // Asked for, the same 20 topics on the published one-article tables are an error.
    Path oneOut = tmp.resolve(one.getFileName() + "-out");
    assertThatThrownBy(() -> TopicsJob.run(spark(), oneOut.toString(), tmp.resolve("asked-out").toString(),
            TopicsConfig.builder().ldaTopicsGiven(true).build(), resources, taxonomy))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--lda-topics");
  }

  private static List<List<Object>> query(Connection c, String sql) throws Exception {
    List<List<Object>> result = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        result.add(row);
      }
    }
    return result;
  }

  @Test
  void theSmallRunSettingsHoldOnlyForTheRun() {
    // The seeds are a tiny run: adaptive execution and whole-stage code generation off while it ran,
    // the session's own values after.
    assertThat(spark().conf().get(SmallRuns.ADAPTIVE)).isEqualTo("true");
    assertThat(spark().conf().get(SmallRuns.SHUFFLE_PARTITIONS)).isEqualTo("5");
    assertThat(spark().conf().get(SmallRuns.WHOLE_STAGE_CODEGEN)).isEqualTo("true");
  }

  @Test
  void aReRunWithAdaptiveExecutionGivesTheSameRows() {
    // The first run used the small-run settings (no adaptive execution, one shuffle partition per
    // core); the second the session's (adaptive, 5 partitions). Same rows in every table.
    Path again = tmp.resolve("again");
    runInto(again, false);
    for (TableSchema t : Tables.all()) {
      Dataset<Row> a = TableRows.comparable(spark().read().parquet(out.resolve(t.name()).toString()));
      Dataset<Row> b = TableRows.comparable(spark().read().parquet(again.resolve(t.name()).toString()));
      TableRows.assertSameRows(t.name(), a, "in the first run", b, "in the second run");
    }
  }

  @Test
  void everyTableIsWrittenAndCountedInTheRunManifest() {
    assertThat(rows).containsEntry("articles", 5L).containsEntry("rejects", 0L)
        .containsKeys("term_frequencies", "co_mentions", "topic_timeline");
    Row m = spark().read().parquet(out.resolve("run_manifest").toString()).first();
    assertThat(m.getTimestamp(m.fieldIndex("finished_at"))).isAfter(m.getTimestamp(m.fieldIndex("started_at")));
    assertThat(m.<String, Long>getJavaMap(m.fieldIndex("table_rows"))).containsEntry("articles", 5L);
    // The counts come from the Parquet footers: each must be what Spark counts in the published table.
    for (TableSchema t : Tables.all()) {
      assertThat(rows.get(t.name())).as(t.name())
          .isEqualTo(spark().read().parquet(out.resolve(t.name()).toString()).count());
    }
    assertThat(rows.get("term_frequencies")).isPositive();
    assertThat(m.<String, String>getJavaMap(m.fieldIndex("parameters"))).containsEntry("period", "month");
    assertThat((String) m.getAs("code_version")).startsWith("0.1.0");
  }

  @Test
  void dashboardQueriesOverTheDuckDbCatalog() throws Exception {
    try (Connection c = CatalogWriter.openDuckDb(out)) {
      // Types as BI tools see them.
      List<List<Object>> cols = query(c, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'articles'");
      assertThat(cols).contains(List.of("published_date", "DATE"), List.of("n_tokens", "INTEGER"));
      // Top terms of a month.
      List<List<Object>> top = query(c, "SELECT f.display_form, t.term_count FROM term_timeline t JOIN term_frequencies f USING (term_key, n) "
          + "WHERE t.period_start = DATE '2023-09-01' AND t.n = 1 ORDER BY t.term_count DESC, f.term_key LIMIT 3");
      assertThat(top).hasSize(3);
      // Seed 000 (the one dated article), three words tied at 6: «التعاون»; «أوكرانيا» (title «لأوكرانيا»
      // and five in the body); «مصر» (5 times plus «ومصر»; «مصرية» is another word). Ties go by key.
      assertThat(top).containsExactly(List.of("التعاون", 6L), List.of("أوكرانيا", 6L), List.of("مصر", 6L));
      // Strongest co-mentions, with English labels.
      List<List<Object>> pairs = query(c, "SELECT label_a, label_b FROM co_mentions WHERE scope = 'sentence' AND co_count >= 2 ORDER BY npmi DESC, label_a LIMIT 50");
      assertThat(pairs).contains(List.of("Nikolai Patrushev", "Security Council of Russia"));
      // Topic shares over time sum to 1 per period and kind.
      List<List<Object>> shares = query(c, "SELECT period_start, kind, round(sum(share), 9) FROM topic_timeline GROUP BY ALL");
      assertThat(shares).isNotEmpty().allSatisfy(r -> assertThat(((Number) r.get(2)).doubleValue()).isEqualTo(1.0));
      // The sentences behind a co-mention.
      List<List<Object>> behind = query(c, "SELECT s.text FROM entity_mentions a JOIN entity_mentions b USING (article_id, sentence_index) "
          + "JOIN sentences s USING (article_id, sentence_index) WHERE a.entity_id = 'LAVROV' AND b.entity_id = 'SHOUKRY'");
      assertThat(behind).hasSize(1);
      assertThat((String) behind.get(0).get(0)).contains("سامح شكري", "سيرغي لافروف");
      assertThat(query(c, "SELECT published_date FROM articles WHERE date_source = 'text'").get(0).get(0))
          .isEqualTo(LocalDate.of(2023, 9, 26));
    }
  }

  @Test
  void theCatalogOpensWithNoSetupFromAnotherWorkingDirectory() throws Exception {
    // What a BI user does first: a DuckDB client in some other folder opens the file and queries a
    // view, setting nothing. Run as its own process in a folder that holds no table.
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    String catalog = out.resolve(CatalogWriter.DUCKDB_FILE).toAbsolutePath().toString();
    assertThat(runJava(elsewhere, CatalogQueryJob.class.getName(), catalog, "-c",
        "SELECT count(*) AS n FROM articles UNION ALL SELECT count(*) FROM run_manifest"))
        .isEqualTo(List.of("n", "5", "1"));
  }

  @Test
  void aCopiedOutputRootGetsItsOwnCatalogFromTheCatalogJob() throws Exception {
    Path moved = tmp.resolve("moved");
    TestFiles.copyTree(out, moved);
    assertThat(JobMain.execute(new CatalogJob(), new String[] {"--output", moved.toString()})).isZero();
    try (Connection c = CatalogWriter.openDuckDb(moved)) {
      // Every view reads the copy, not the folder it was copied from.
      List<List<Object>> views = query(c, "SELECT view_name, sql FROM duckdb_views() WHERE NOT internal");
      assertThat(views).hasSize(CatalogWriter.presentTables(moved).size())
          .allSatisfy(v -> assertThat((String) v.get(1)).contains(moved.toAbsolutePath() + "/" + v.get(0) + "/"));
      assertThat(query(c, "SELECT count(*) FROM articles").get(0).get(0)).isEqualTo(5L);
      assertThat(query(c, "SELECT count(*) FROM run_manifest").get(0).get(0)).isEqualTo(1L);
    }
  }

  /** Runs a main class of the test classpath in {@code dir}; its standard output's lines. */
  private static List<String> runJava(Path dir, String mainClass, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
    String stdout = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    String stderr = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("exit code; stderr: %s", stderr).isZero();
    return stdout.lines().toList();
  }

  @Test
  void sparkSqlDdlRegistersEveryTable() throws Exception {
    String ddl = Files.readString(out.resolve(CatalogWriter.SPARK_DDL_FILE));
    for (String sql : CatalogWriter.ddlStatements(ddl)) {
      spark().sql(sql);
    }
    assertThat(spark().sql("SELECT count(*) FROM arabic_news.articles").first().getLong(0)).isEqualTo(5);
    assertThat(spark().sql("SELECT published_date FROM arabic_news.articles WHERE published_date IS NOT NULL")
        .first().getDate(0).toString()).isEqualTo("2023-09-26");
    // listTables also lists the shared session's temporary views: count the catalog's own tables.
    assertThat(spark().catalog().listTables("arabic_news").collectAsList().stream().filter(t -> !t.isTemporary()).count()).isEqualTo(17);
  }
}
