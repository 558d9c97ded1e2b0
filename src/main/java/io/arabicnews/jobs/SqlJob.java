package io.arabicnews.jobs;

import java.io.File;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs a Spark SQL query over an output root: every table folder there is a view named after it.
 * Prints one line per row, columns separated by « | » (Arabic prints unpadded, so it stays readable).
 */
@Command(name = "sql", mixinStandardHelpOptions = true, description = "Query the output tables with Spark SQL; each <output>/<table>/ is a view.")
public final class SqlJob implements Callable<Integer> {
  @Parameters(index = "0", description = "The query, e.g. \"SELECT display_form, term_count FROM term_frequencies ORDER BY rank LIMIT 20\"")
  String query;

  @Option(names = "--output", defaultValue = "output", description = "Output root holding the tables (default: ${DEFAULT-VALUE})")
  String output;

  @Option(names = "--limit", defaultValue = "1000", description = "Print at most this many rows (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--master", description = "Spark master (default: local[*])")
  String master;

  public static void main(String[] args) {
    System.exit(JobMain.execute(new SqlJob(), args));
  }

  @Override
  public Integer call() {
    File root = new File(output);
    File[] tables = root.listFiles(f -> f.isDirectory() && !f.getName().startsWith("_") && !f.getName().startsWith("."));
    if (tables == null) {
      throw new IllegalArgumentException("No output root at " + output);
    }
    SparkSession spark = SparkSessions.create("arabic-news-sql", master);
    try {
      for (File t : tables) {
        spark.read().parquet(t.getPath()).createOrReplaceTempView(t.getName());
      }
      var df = spark.sql(query);
      System.out.println(String.join(" | ", df.columns()));
      for (Row r : df.limit(limit).collectAsList()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
          sb.append(i == 0 ? "" : " | ").append(r.get(i) instanceof Double d ? String.format("%.3f", d) : String.valueOf(r.get(i)));
        }
        System.out.println(sb);
      }
      return 0;
    } finally {
      spark.stop();
    }
  }
}
