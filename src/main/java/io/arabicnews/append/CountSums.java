package io.arabicnews.append;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A table's counts plus a change to them, row by key: what an append does to every count table. */
final class CountSums {
  private CountSums() {}

  /**
   * {@code table}'s {@code keys} and {@code counts} plus {@code change}'s (rows of either alone kept);
   * with {@code positive} set, rows whose {@code positive} count is no longer above 0 are dropped, as
   * a recount would not list them.
   */
  static Dataset<Row> plus(Dataset<Row> table, Dataset<Row> change, String[] keys, String[] counts, String positive,
      String... clusterBy) {
    List<Column> selected = new ArrayList<>();
    List<Column> keyColumns = new ArrayList<>();
    for (String k : keys) {
      selected.add(col(k));
      keyColumns.add(col(k));
    }
    List<Column> sums = new ArrayList<>();
    for (String c : counts) {
      selected.add(col(c).cast("long").as(c));
      sums.add(sum(c).as(c));
    }
    Column[] columns = selected.toArray(Column[]::new);
    Dataset<Row> both = table.select(columns).unionByName(change.select(columns));
    if (clusterBy.length > 0) {
      // One shuffle for the sums and for what is computed per clusterBy after them (a window over a
      // term's periods): a hash partitioning by some of the keys serves both.
      both = both.repartition(java.util.Arrays.stream(clusterBy).map(c -> col(c)).toArray(Column[]::new));
    }
    Dataset<Row> out = both
        .groupBy(keyColumns.toArray(Column[]::new))
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
    return positive == null ? out : out.filter(col(positive).gt(0));
  }
}
