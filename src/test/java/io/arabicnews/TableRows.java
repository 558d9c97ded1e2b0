package io.arabicnews;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/** Helpers for comparing the tables of two runs row for row. */
public final class TableRows {
  private TableRows() {}

  /** Doubles rounded to 9 places (sums may add in another order); the input path column dropped. */
  public static Dataset<Row> comparable(Dataset<Row> df) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      if (f.name().equals("input_path")) {
        continue;
      }
      cols.add(f.dataType().equals(DataTypes.DoubleType) ? round(col(f.name()), 9).as(f.name()) : col(f.name()));
    }
    return df.select(cols.toArray(Column[]::new));
  }

  /**
   * {@code a} and {@code b} hold the same rows, each as many times (EXCEPT ALL both ways).
   *
   * @param onlyInA how the failure names {@code a}'s run, e.g. "in the cluster run"
   */
  public static void assertSameRows(String table, Dataset<Row> a, String onlyInA, Dataset<Row> b, String onlyInB) {
    assertThat(a.count()).as("%s rows", table).isEqualTo(b.count());
    assertThat(a.exceptAll(b).count()).as("%s rows only %s: %s", table, onlyInA, a.exceptAll(b).limit(5).collectAsList())
        .isZero();
    assertThat(b.exceptAll(a).count()).as("%s rows only %s: %s", table, onlyInB, b.exceptAll(a).limit(5).collectAsList())
        .isZero();
  }
}
