package io.arabicnews.tables;

import lombok.extern.slf4j.Slf4j;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a table as a Snappy Parquet folder {@code <output root>/<table>/}, conformed to its
 * declared schema, in a number of files that suits its size, each file in row groups of about
 * {@link #ROW_GROUP_BYTES}.
 */
@Slf4j
public final class TableWriter {
  /**
   * Row groups of about this many bytes, unless the session sets {@code parquet.block.size} (in its
   * Hadoop configuration, as {@code --conf spark.hadoop.parquet.block.size} does, or in its SQL
   * conf). Parquet measures what it has buffered, compressed pages, so this is about the compressed
   * size. A row group is the smallest part of a file that a reader hands to one task or thread. With
   * Parquet's default of 128 MB the 150,000 articles of egypt-news-2013 left 5 sentence files of one
   * row group each (ingest writes as many files as it read), so every later job read the sentences
   * in 5 tasks whatever the cluster's cores, and DuckDB read the 21 million article_terms rows (5
   * files) in 5 threads.
   */
  public static final long ROW_GROUP_BYTES = 8L << 20;
  private static final String PARQUET_ROW_GROUP_BYTES = "parquet.block.size";

  private final String outputRoot;

  public TableWriter(String outputRoot) {
    this.outputRoot = outputRoot.endsWith("/") ? outputRoot.substring(0, outputRoot.length() - 1) : outputRoot;
  }

  public String pathOf(TableSchema table) {
    return outputRoot + "/" + table.name();
  }

  /** The written table's row count, from its Parquet footers (no Spark job). */
  public long rowCount(SparkSession spark, TableSchema table) {
    return ParquetRowCounts.of(spark.sparkContext().hadoopConfiguration(), pathOf(table));
  }

  /**
   * @param files how many Parquet files to write (1 for small tables; BI tools and DuckDB read a
   *     folder of a few large files faster than thousands of small ones). The rows are merged into
   *     them without a shuffle, so the work that computes them runs in at most {@code files} tasks.
   */
  public void write(Dataset<Row> data, TableSchema table, int files) {
    save(table.conform(data).coalesce(Math.max(1, files)), table);
  }

  /**
   * Like {@link #write}, but the rows reach the files through a shuffle, hashed by {@code by}: for a
   * table of few rows computed by heavy work (article_topics: the LDA weights of every article),
   * which {@link #write} would run in {@code files} tasks (2 at 150,000 articles) instead of the
   * work's own (8 for LDA).
   */
  public void writeShuffled(Dataset<Row> data, TableSchema table, int files, Column... by) {
    save(table.conform(data).repartition(Math.max(1, files), by), table);
  }

  /**
   * Like {@link #write}, but each file holds one range of {@code by} (a shuffle, after sampling the
   * values): for the articles, whose files then hold consecutive days, so an append's re-clustered
   * articles (printed within days of the new ones) sit in the last files and only those are
   * rewritten, and a reader filtering on dates skips the other files by their statistics.
   */
  public void writeByRange(Dataset<Row> data, TableSchema table, int files, Column... by) {
    save(table.conform(data).repartitionByRange(Math.max(1, files), by), table);
  }

  private void save(Dataset<Row> rows, TableSchema table) {
    long t0 = System.nanoTime();
    DataFrameWriter<Row> writer = rows.write().mode(SaveMode.Overwrite).option("compression", "snappy");
    SparkSession session = rows.sparkSession();
    if (session.sparkContext().hadoopConfiguration().get(PARQUET_ROW_GROUP_BYTES) == null
        && !session.conf().contains(PARQUET_ROW_GROUP_BYTES)) {
      writer = writer.option(PARQUET_ROW_GROUP_BYTES, ROW_GROUP_BYTES);
    }
    writer.parquet(pathOf(table));
    log.info("Wrote {} in {} ms", pathOf(table), (System.nanoTime() - t0) / 1_000_000);
  }
}
