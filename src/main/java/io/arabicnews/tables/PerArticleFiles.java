package io.arabicnews.tables;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Changes to a table of per-article rows made file by file, so that an append costs what its
 * articles cost: the new rows go into new files; only the files holding an article whose rows change
 * (a corrected article, or one whose near-duplicate cluster changed) are read and written again,
 * without those rows or with them rewritten; every other file stays as it is. The change is staged
 * and published with the run ({@link TablePublisher.Plan}: the rewritten files taken away, the staged
 * ones added).
 */
public final class PerArticleFiles {
  /** A staged change: the live files it takes away and the files of the table once it is published. */
  public record Change(String table, List<String> removed, List<String> filesAfter) {}

  private PerArticleFiles() {}

  /**
   * The live files of table folder {@code name} holding a row of any of {@code ids} (column {@code
   * idColumn}): a scan of that one column.
   *
   */
  public static List<String> filesHolding(SparkSession spark, String liveRoot, String name, StructType schema,
      String idColumn, Dataset<Row> ids) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String> liveFiles = files(conf, strip(liveRoot) + "/" + name);
    List<String> touched = new ArrayList<>();
    if (!liveFiles.isEmpty() && !ids.isEmpty()) {
      Dataset<Row> keys = ids.select(col(idColumn)).distinct();
      for (Row r : read(spark, liveRoot, name, liveFiles, schema)
          .select(col(idColumn), input_file_name().as("file"))
          .join(broadcast(keys), idColumn)
          .select("file").distinct().collectAsList()) {
        touched.add(localPath(r.getString(0)));
      }
      touched.sort(null);
    }
    return touched;
  }

  /**
   * Stages the change of table folder {@code name} (under both roots): the rows of the live files
   * {@code touched} ({@link #filesHolding}) passed through {@code rewrite} (which drops or changes
   * the rows of the articles that change), and {@code added}, written under the staging root.
   *
   * @param partitionColumn a column the folder is partitioned by (one sub-folder per value), or null
   */
  public static Change stage(SparkSession spark, String liveRoot, String stagingRoot, String name, StructType schema,
      List<String> touched, UnaryOperator<Dataset<Row>> rewrite, Dataset<Row> added, String partitionColumn) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String> liveFiles = files(conf, strip(liveRoot) + "/" + name);
    Dataset<Row> out = touched.isEmpty() ? added
        : rewrite.apply(read(spark, liveRoot, name, touched, schema)).unionByName(added);
    String staged = strip(stagingRoot) + "/" + name;
    DataFrameWriter<Row> writer = partitionColumn == null
        // as many files as it rewrites, plus one for the new rows
        ? out.coalesce(touched.size() + 1).write().option("parquet.block.size", TableWriter.ROW_GROUP_BYTES)
        : out.repartition(col(partitionColumn)).write().partitionBy(partitionColumn);
    writer.mode(SaveMode.Overwrite).option("compression", "snappy").parquet(staged);
    dropEmptyFiles(conf, staged); // an empty change writes one file with no rows
    String base = qualified(conf, liveRoot);
    List<String> removed = touched.stream().map(f -> f.substring(base.length() + 1)).toList();
    Set<String> gone = new HashSet<>(touched);
    List<String> after = new ArrayList<>();
    for (String f : liveFiles) {
      if (!gone.contains(f)) {
        after.add(f);
      }
    }
    after.addAll(files(conf, staged));
    return new Change(name, removed, after);
  }

  /** The table once the change is published: its files read together. */
  public static Dataset<Row> after(SparkSession spark, Change change, StructType schema) {
    return change.filesAfter().isEmpty() ? spark.createDataFrame(List.of(), schema)
        : spark.read().schema(schema).parquet(change.filesAfter().toArray(String[]::new));
  }

  /** Rows of the table once the change is published, from the files' footers. */
  public static long rowCountAfter(Configuration conf, Change change) {
    long rows = 0;
    try {
      for (String f : change.filesAfter()) {
        rows += ParquetRowCounts.ofFile(conf, new Path(f));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot count rows of " + change.table(), e);
    }
  }

  /** Adds the change to the publication: the rewritten files away, the staged ones in. */
  public static void publish(Configuration conf, TablePublisher.Plan plan, Change change) {
    change.removed().forEach(plan::remove);
    plan.addAll(conf, change.table());
  }

  private static void dropEmptyFiles(Configuration conf, String folder) {
    try {
      for (String f : files(conf, folder)) {
        Path p = new Path(f);
        if (ParquetRowCounts.ofFile(conf, p) == 0) {
          p.getFileSystem(conf).delete(p, false);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The rows of some files of table folder {@code name} (partition columns included). */
  public static Dataset<Row> read(SparkSession spark, String liveRoot, String name, List<String> files, StructType schema) {
    return files.isEmpty() ? spark.createDataFrame(List.of(), schema)
        : spark.read().schema(schema).option("basePath", strip(liveRoot) + "/" + name).parquet(files.toArray(String[]::new));
  }

  /** The Parquet files under {@code folder} (sub-folders included), as qualified paths. */
  static List<String> files(Configuration conf, String folder) {
    Path dir = new Path(folder);
    List<String> out = new ArrayList<>();
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        return out;
      }
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        String name = f.getPath().getName();
        if (!name.startsWith("_") && !name.startsWith(".")) {
          out.add(fs.makeQualified(f.getPath()).toString());
        }
      }
      out.sort(null);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  private static String qualified(Configuration conf, String folder) {
    Path p = new Path(folder);
    try {
      return strip(p.getFileSystem(conf).makeQualified(p).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code input_file_name()}'s URI as the path {@link #files} gives. */
  private static String localPath(String uri) {
    try {
      return new Path(new URI(uri)).toString();
    } catch (URISyntaxException e) {
      return new Path(uri).toString();
    }
  }

  private static String strip(String root) {
    return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }
}
