package io.arabicnews.tables;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;

/**
 * Renders docs/data-dictionary.md from the declared table schemas, so the documentation is the code.
 * A test fails when the committed file differs from what this produces.
 */
public final class DataDictionary {
  private DataDictionary() {}

  public static String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Data dictionary\n\n")
        .append("Generated from `io.arabicnews.tables.Tables` by `DataDictionaryTest` — do not edit by hand;\n")
        .append("run `./test.sh -Dtest=DataDictionaryTest -DupdateDocs=true` after changing a schema.\n\n")
        .append("Every table is a Snappy-compressed Parquet folder `<output root>/<table>/`. Types are Spark SQL\n")
        .append("types; DuckDB, Superset, Tableau and Power BI read them as DATE, INTEGER, BIGINT, DOUBLE, VARCHAR.\n\n");
    List<TableSchema> tables = new ArrayList<>(Tables.all());
    tables.add(RunManifest.TABLE_SCHEMA);
    for (TableSchema t : tables) {
      sb.append("## ").append(t.name()).append("\n\nOne row: ").append(t.rowMeaning()).append(".\n\n")
          .append("| column | type | meaning | example |\n|---|---|---|---|\n");
      for (StructField f : t.structType().fields()) {
        sb.append("| `").append(f.name()).append("` | ").append(f.dataType().sql()).append(" | ")
            .append(escape(f.metadata().getString("comment"))).append(" | ")
            .append(escape(f.metadata().getString("example"))).append(" |\n");
      }
      sb.append('\n');
    }
    sb.append("## Changes to these tables\n\nNames and types of existing columns do not change; columns are added, "
        + "and a change of what rows a table holds is listed here (newest first).\n\n");
    for (String change : Tables.CHANGES) {
      sb.append("- ").append(change).append('\n');
    }
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
