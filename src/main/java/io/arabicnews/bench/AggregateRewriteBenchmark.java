package io.arabicnews.bench;

import io.arabicnews.tables.ParquetRowCounts;
import io.arabicnews.tables.TableSchema;
import io.arabicnews.tables.TableWriter;
import io.arabicnews.tables.Tables;
import java.io.File;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * What an append cannot go below while every aggregate row is rewritten: reads each aggregate table of
 * an output root and writes it back unchanged (same columns, same number of files, Snappy), nothing
 * computed, three rounds in one local Spark session (the first as cold as an append's JVM). Prints
 * each round's seconds and, for the last, each table's.
 *
 * <p>Usage: {@code java -cp … io.arabicnews.bench.AggregateRewriteBenchmark <output root> <scratch folder>}
 */
public final class AggregateRewriteBenchmark {
  private AggregateRewriteBenchmark() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: AggregateRewriteBenchmark <output root> <scratch folder>");
      System.exit(2);
    }
    long start = System.nanoTime();
    SparkSession spark = SparkSession.builder().master("local[*]").appName("aggregate-rewrite")
        .config("spark.ui.enabled", "false").getOrCreate();
    System.out.printf("Spark session: %.1f s%n", seconds(start));
    TableWriter tables = new TableWriter(args[0]);
    long rows = 0;
    for (TableSchema t : Tables.aggregates()) {
      rows += ParquetRowCounts.of(spark.sparkContext().hadoopConfiguration(), tables.pathOf(t));
    }
    for (int round = 1; round <= 3; round++) {
      long r0 = System.nanoTime();
      StringBuilder perTable = new StringBuilder();
      for (TableSchema t : Tables.aggregates()) {
        long t0 = System.nanoTime();
        File[] files = new File(tables.pathOf(t)).listFiles((d, n) -> n.endsWith(".parquet"));
        spark.read().parquet(tables.pathOf(t)).coalesce(Math.max(1, files == null ? 1 : files.length))
            .write().mode(SaveMode.Overwrite).option("compression", "snappy").parquet(args[1] + "/" + t.name());
        perTable.append(String.format(" %s %.1f", t.name(), seconds(t0)));
      }
      System.out.printf("round %d: %.1f s for %,d rows%s%n", round, seconds(r0), rows, round == 3 ? ";" + perTable : "");
    }
    spark.stop();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
