package io.arabicnews.tables;

import lombok.extern.slf4j.Slf4j;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a table as a Snappy Parquet folder {@code <output root>/<table>/}, conformed to its
 * declared schema, in a number of files that suits its size.
 */
@Slf4j
public final class TableWriter {
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
   *     folder of a few large files faster than thousands of small ones)
   */
  public void write(Dataset<Row> data, TableSchema table, int files) {
    long t0 = System.nanoTime();
    table
        .conform(data)
        .coalesce(Math.max(1, files))
        .write()
        .mode(SaveMode.Overwrite)
        .option("compression", "snappy")
        .parquet(pathOf(table));
    log.info("Wrote {} in {} ms", pathOf(table), (System.nanoTime() - t0) / 1_000_000);
  }
}
