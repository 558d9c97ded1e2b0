package io.arabicnews.jobs;

import io.arabicnews.tables.CatalogWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Applies an output root's {@code tables.sql} to a Hive-enabled Spark session, so the tables live in a
 * metastore (an embedded Derby one by default, or the cluster's when run there), and prints each
 * table's row count as read back through the metastore.
 */
@Command(name = "register-tables", mixinStandardHelpOptions = true, description = "Register the output tables in a Hive metastore from <output>/tables.sql.")
public final class RegisterTablesJob implements Callable<Integer> {
  @Option(names = "--output", defaultValue = "output", description = "Output root holding tables.sql (default: ${DEFAULT-VALUE})")
  String output;

  @Option(names = "--metastore", description = "Folder of the embedded Derby metastore (default: <output>/_metastore); ignored when the cluster configures a metastore")
  String metastore;

  @Option(names = "--master", description = "Spark master (default: local[*])")
  String master;

  public static void main(String[] args) {
    System.exit(JobMain.execute(new RegisterTablesJob(), args));
  }

  @Override
  public Integer call() throws Exception {
    Path ddl = Path.of(output, CatalogWriter.SPARK_DDL_FILE);
    if (!Files.isReadable(ddl)) {
      throw new IllegalArgumentException("No " + ddl + "; run the pipeline or jobs/catalog.sh first");
    }
    Path store = Path.of(metastore != null ? metastore : output + "/_metastore").toAbsolutePath();
    SparkSession.Builder b = SparkSession.builder().appName("arabic-news-register-tables").enableHiveSupport()
        .config("spark.sql.warehouse.dir", store.resolve("warehouse").toString())
        .config("spark.hadoop.javax.jdo.option.ConnectionURL",
            "jdbc:derby:;databaseName=" + store.resolve("metastore_db") + ";create=true");
    if (master != null) {
      b.master(master);
    } else if (!new org.apache.spark.SparkConf().contains("spark.master")) {
      b.master("local[*]");
    }
    SparkSession spark = b.getOrCreate();
    try {
      for (String sql : CatalogWriter.ddlStatements(Files.readString(ddl, StandardCharsets.UTF_8))) {
        spark.sql(sql);
      }
      for (Row t : spark.sql("SHOW TABLES IN arabic_news").collectAsList()) {
        String name = "arabic_news." + t.getString(1);
        System.out.println("registered " + name + ": " + spark.table(name).count() + " rows");
      }
      return 0;
    } finally {
      spark.stop();
    }
  }
}
