package io.arabicnews.jobs;

import io.arabicnews.tables.CatalogWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes catalog.duckdb and tables.sql for an existing local output root (no Spark needed). */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "Write catalog.duckdb (one view per table) and tables.sql (Spark SQL DDL) for an output root.")
public final class CatalogJob implements Callable<Integer> {
  @Option(names = "--output", defaultValue = "output", description = "Local output root holding the tables (default: ${DEFAULT-VALUE})")
  String output;

  @Option(names = "--database", defaultValue = "arabic_news", description = "Database name in tables.sql (default: ${DEFAULT-VALUE})")
  String database;

  @Option(names = "--location-root", description = "Table location prefix in tables.sql, e.g. hdfs:///news/tables (default: the output root's absolute URI)")
  String locationRoot;

  public static void main(String[] args) {
    System.exit(JobMain.execute(new CatalogJob(), args));
  }

  @Override
  public Integer call() {
    Path root = Path.of(output);
    if (!Files.isDirectory(root) || CatalogWriter.presentTables(root).isEmpty()) {
      throw new IllegalArgumentException("No output tables under " + output);
    }
    String location = locationRoot != null ? locationRoot : root.toAbsolutePath().toUri().toString().replaceAll("/$", "");
    System.out.println("catalog: " + CatalogWriter.writeDuckDb(root) + ", "
        + CatalogWriter.writeSparkDdl(root, database, location));
    return 0;
  }
}
