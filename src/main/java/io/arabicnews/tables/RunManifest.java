package io.arabicnews.tables;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row per pipeline run, appended to {@code <output root>/run_manifest/}: when it ran, the code
 * version, every parameter, the input, the row count of each table it wrote and what the run could
 * not do as asked ({@code warnings}: e.g. learned topics skipped on a small input). Older rows have no
 * {@code warnings}: read the folder with {@code mergeSchema} (the DuckDB view unifies by name).
 */
public final class RunManifest {
  public static final String TABLE = "run_manifest";
  /** Declared like the other tables, for the data dictionary; appended to, never replaced. */
  public static final TableSchema TABLE_SCHEMA = new TableSchema(TABLE, "one pipeline run (appended by every run)")
      .column("run_id", DataTypes.StringType, "Start time (UTC, yyyyMMddHHmmss) and a random suffix; also the staging folder's name", "20261202045755-5eec7985")
      .column("started_at", DataTypes.TimestampType, "When the run started", "2026-12-02 04:57:55")
      .column("finished_at", DataTypes.TimestampType, "When its tables were ready (they are published right after, with this row)", "2026-12-02 05:02:01")
      .column("code_version", DataTypes.StringType, "Project version, plus +<commit> when ARABIC_NEWS_GIT_COMMIT is set", "0.1.0-SNAPSHOT")
      .column("parameters", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), "Every option the run was given (command line or --config), by its option name", "{--period -> week, --input -> data}")
      .column("input_path", DataTypes.StringType, "The --input path", "data")
      .column("table_rows", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), "Rows written per table", "{articles -> 5, …}")
      .column("warnings", DataTypes.createArrayType(DataTypes.StringType), "What the run could not do as its defaults ask, e.g. learned topics skipped on an input too small to fit them; empty when nothing (null in rows written before this column existed)", "[learned topics skipped: only 0 terms qualify …]")
      .column("mode", DataTypes.StringType, "replace (a full run: every table rewritten, vocabulary and learned topics fitted again) or append (new articles added to the tables); null in rows written before this column existed", "append")
      .column("articles_added", DataTypes.LongType, "Articles of the input not loaded before (a full run: every article loaded)", "1702")
      .column("articles_updated", DataTypes.LongType, "Append: articles already loaded whose content changed (a correction): the new version replaced the old one and every row derived from it", "1")
      .column("articles_skipped", DataTypes.LongType, "Append: articles already loaded with the same content_hash, left as they were", "0")
      .column("articles_reclustered", DataTypes.LongType, "Append: articles loaded before whose near-duplicate cluster columns changed because a new or corrected article joined or left their cluster", "12")
      .column("model_run_id", DataTypes.StringType, "The full run whose term vocabulary and learned topic model the tables use (this run's own id for a full run): appends count only that vocabulary and weigh new articles by that model", "20261202045755-5eec7985");
  public static final StructType SCHEMA = TABLE_SCHEMA.structType();

  private RunManifest() {}

  /** The project version, plus the git commit when the launcher knows it. */
  public static String codeVersion() {
    Properties p = new Properties();
    try (InputStream in = RunManifest.class.getResourceAsStream("/io/arabicnews/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // A missing version is reported as unknown, not a failed run.
    }
    String commit = System.getenv("ARABIC_NEWS_GIT_COMMIT");
    return p.getProperty("version", "unknown") + (commit == null || commit.isBlank() ? "" : "+" + commit);
  }

  /** What a run did to the articles: its mode and the reconciliation of its input with the loaded articles. */
  public record Outcome(String mode, long added, long updated, long skipped, long reclustered, String modelRunId) {}

  /** Writes the run's row into {@code <root>/run_manifest/} (a staging root: it is published with the tables). */
  public static void write(SparkSession spark, String root, String runId, Instant started, Instant finished,
      Map<String, String> parameters, String inputPath, Map<String, Long> tableRows, List<String> warnings,
      Outcome outcome) {
    Row row = RowFactory.create(runId, Timestamp.from(started), Timestamp.from(finished), codeVersion(),
        parameters, inputPath, tableRows, warnings, outcome.mode(), outcome.added(), outcome.updated(),
        outcome.skipped(), outcome.reclustered(), outcome.modelRunId());
    Dataset<Row> df = spark.createDataFrame(List.of(row), SCHEMA);
    df.coalesce(1).write().mode(SaveMode.Append).parquet(root + "/" + TABLE);
  }
}
