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
 * version, every parameter, the input and the row count of each table it wrote.
 */
public final class RunManifest {
  public static final String TABLE = "run_manifest";
  public static final StructType SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType)
      .add("started_at", DataTypes.TimestampType)
      .add("finished_at", DataTypes.TimestampType)
      .add("code_version", DataTypes.StringType)
      .add("parameters", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
      .add("input_path", DataTypes.StringType)
      .add("table_rows", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType));

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

  public static void append(SparkSession spark, String outputRoot, String runId, Instant started, Instant finished,
      Map<String, String> parameters, String inputPath, Map<String, Long> tableRows) {
    Row row = RowFactory.create(runId, Timestamp.from(started), Timestamp.from(finished), codeVersion(),
        parameters, inputPath, tableRows);
    Dataset<Row> df = spark.createDataFrame(List.of(row), SCHEMA);
    df.coalesce(1).write().mode(SaveMode.Append).parquet(outputRoot + "/" + TABLE);
  }
}
