package io.arabicnews.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.split;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The naive peer of the benchmark: what a user would write instead of this pipeline — Spark's JSON
 * reader, {@code split} on white space, {@code explode}, {@code groupBy().count()}. No normalisation,
 * no clitics, no stop words, no phrases. Writes the counts as Parquet so the work is really done.
 *
 * <p>Usage: {@code SparkSubmit --class io.arabicnews.bench.NaiveWordCountJob app.jar <corpus> <output>}
 */
public final class NaiveWordCountJob {
  private NaiveWordCountJob() {}

  public static void main(String[] args) {
    io.arabicnews.jobs.PeakHeap.start();
    SparkSession spark = SparkSession.builder().appName("naive-word-count").getOrCreate();
    try {
      long t0 = System.nanoTime();
      Dataset<Row> docs = spark.read().json(args[0]);
      Dataset<Row> counts = docs.select(explode(split(concat_ws(" ", col("title"), col("text")), "\\s+")).as("word"))
          .groupBy("word").count();
      counts.write().mode("overwrite").parquet(args[1]);
      long distinct = spark.read().parquet(args[1]).count();
      System.out.printf("naive: %d distinct words in %.1f s%n", distinct, (System.nanoTime() - t0) / 1e9);
    } finally {
      spark.stop();
      System.err.println(io.arabicnews.jobs.PeakHeap.line());
    }
  }
}
