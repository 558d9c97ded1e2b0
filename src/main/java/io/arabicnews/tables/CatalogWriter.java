package io.arabicnews.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import lombok.extern.slf4j.Slf4j;

/**
 * Makes an output root something BI tools connect to: {@code catalog.duckdb}, a DuckDB database with
 * one view per table over its Parquet folder, and {@code tables.sql}, Spark SQL DDL ({@code CREATE
 * TABLE … USING parquet LOCATION …}) for a metastore. Only tables present in the root are included.
 *
 * <p>The views hold the folders' absolute paths, so a client opens the catalog from any working
 * directory with no setup (relative paths made every view fail until the client set DuckDB's
 * {@code file_search_path}). A root that is moved or copied gets its views rewritten by {@code
 * jobs/catalog.sh}.
 */
@Slf4j
public final class CatalogWriter {
  public static final String DUCKDB_FILE = "catalog.duckdb";
  public static final String SPARK_DDL_FILE = "tables.sql";

  private CatalogWriter() {}

  /** The tables of the root that exist (declared tables first, then run_manifest). */
  public static List<String> presentTables(Path root) {
    List<String> out = new ArrayList<>();
    for (TableSchema t : Tables.all()) {
      if (Files.isDirectory(root.resolve(t.name()))) {
        out.add(t.name());
      }
    }
    if (Files.isDirectory(root.resolve(RunManifest.TABLE))) {
      out.add(RunManifest.TABLE);
    }
    return out;
  }

  /** Writes catalog.duckdb (replacing an older one) and returns its path. */
  public static Path writeDuckDb(Path root) {
    Path db = root.resolve(DUCKDB_FILE);
    try {
      Files.deleteIfExists(db);
      Files.deleteIfExists(root.resolve(DUCKDB_FILE + ".wal"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot replace " + db + ": " + e.getMessage(), e);
    }
    try (Connection c = openDuckDb(root);
        Statement st = c.createStatement()) {
      for (String table : presentTables(root)) {
        st.execute("CREATE OR REPLACE VIEW " + table + " AS " + viewQuery(root, table));
      }
      st.execute("CHECKPOINT");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot write " + db + ": " + e.getMessage(), e);
    }
    log.info("Wrote {} with views {}", db, presentTables(root));
    return db;
  }

  /**
   * The view over one table's files. {@code run_manifest} gains a file per run and may hold files
   * written before a column was added, so its files are unified by column name.
   */
  static String viewQuery(Path root, String table) {
    String glob = root.toAbsolutePath().normalize().resolve(table).resolve("*.parquet").toString().replace("'", "''");
    return "SELECT * FROM read_parquet('" + glob + "'" + (RunManifest.TABLE.equals(table) ? ", union_by_name = true" : "") + ")";
  }

  /** Opens the catalog as any DuckDB client does: nothing to set. */
  public static Connection openDuckDb(Path root) throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:" + root.resolve(DUCKDB_FILE).toAbsolutePath());
  }

  /** Spark SQL DDL for every present table, with LOCATION under {@code locationRoot}. */
  public static String sparkDdl(Path root, String database, String locationRoot) {
    StringBuilder sb = new StringBuilder("-- Spark SQL tables over ").append(locationRoot)
        .append("; apply with jobs/register-tables.sh or spark-sql -f\n")
        .append("CREATE DATABASE IF NOT EXISTS ").append(database).append(";\n");
    for (String table : presentTables(root)) {
      sb.append("DROP TABLE IF EXISTS ").append(database).append('.').append(table).append(";\n")
          .append("CREATE TABLE ").append(database).append('.').append(table).append(" USING parquet LOCATION '")
          .append(locationRoot).append('/').append(table).append("';\n");
    }
    return sb.toString();
  }

  /** The statements of a tables.sql text, comments dropped, ready for {@code spark.sql}. */
  public static List<String> ddlStatements(String ddl) {
    List<String> out = new ArrayList<>();
    for (String statement : ddl.split(";\n")) {
      String sql = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (x, y) -> x + " " + y).strip();
      if (!sql.isEmpty()) {
        out.add(sql);
      }
    }
    return out;
  }

  public static Path writeSparkDdl(Path root, String database, String locationRoot) {
    Path file = root.resolve(SPARK_DDL_FILE);
    try {
      Files.writeString(file, sparkDdl(root, database, locationRoot), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
