package io.arabicnews.jobs;

import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints an output table's schema and rows (optionally filtered by a SQL condition), vertically. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Print the schema and some rows of an output table.")
public final class ShowTableJob implements Callable<Integer> {
  @Parameters(index = "0", description = "Table folder, e.g. output/articles")
  String table;

  @Option(names = "--limit", defaultValue = "20", description = "Rows to print (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--where", description = "SQL condition, e.g. \"article_id = '000_31df72e609d04747'\"")
  String where;

  @Option(names = "--order-by", description = "SQL ordering, e.g. \"term_count DESC\"")
  String orderBy;

  @Option(names = "--truncate", defaultValue = "120", description = "Cut cell text at this many characters (0: never)")
  int truncate;

  @Option(names = "--master", description = "Spark master (default: local[*])")
  String master;

  public static void main(String[] args) {
    System.exit(JobMain.execute(new ShowTableJob(), args));
  }

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.create("show-table", master);
    try {
      Dataset<Row> df = spark.read().parquet(table);
      df.printSchema();
      if (where != null) {
        df = df.where(where);
      }
      if (orderBy != null) {
        df = df.orderBy(org.apache.spark.sql.functions.expr(orderBy));
      }
      System.out.println("rows: " + df.count());
      String[] cols = df.columns();
      int i = 0;
      for (Row row : df.limit(limit).collectAsList()) {
        System.out.println("-- row " + i++);
        for (int c = 0; c < cols.length; c++) {
          String v = String.valueOf(row.get(c));
          if (truncate > 0 && v.length() > truncate) {
            v = v.substring(0, truncate) + "…";
          }
          System.out.println(cols[c] + ": " + v);
        }
      }
      return 0;
    } finally {
      spark.stop();
    }
  }
}
