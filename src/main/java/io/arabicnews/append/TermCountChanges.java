package io.arabicnews.append;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The term tables' counts brought up to date without reading the archive's article_terms: every
 * count (occurrences and articles, raw and over canonical articles) is a sum over articles, so the
 * table's counts plus what the append's articles add minus what the rows it replaces took give what a
 * recount of the updated article_terms gives. The rates, idf, ranks and keyness are then computed
 * from the updated counts as a full run computes them.
 */
public final class TermCountChanges {
  public static final String[] COUNTS = {"term_count", "doc_count", "term_count_dedup", "doc_count_dedup"};

  private TermCountChanges() {}

  /**
   * Per-article term rows signed: +1 for rows to add, -1 for rows to take away.
   *
   * @param rows {@code article_id, term_key, n, term_count, is_canonical} and the article's
   *     attributes the tables group by ({@code period_start, source})
   */
  public static Dataset<Row> signed(Dataset<Row> rows, int sign) {
    return rows.select(col("term_key"), col("n"), col("term_count"), col("is_canonical"), col("period_start"),
        col("source"), lit((long) sign).as("sign"));
  }

  /** What the signed rows change, per {@code keys}: the four counts. */
  public static Dataset<Row> change(Dataset<Row> signed, String... keys) {
    Column s = col("sign");
    Column c = col("is_canonical");
    return signed.groupBy(cols(keys).toArray(Column[]::new))
        .agg(sum(col("term_count").multiply(s)).as("term_count"), sum(s).as("doc_count"),
            sum(when(c, col("term_count").multiply(s)).otherwise(0L)).as("term_count_dedup"),
            sum(when(c, s).otherwise(0L)).as("doc_count_dedup"));
  }

  /**
   * The table's counts ({@code keys} and {@link #COUNTS}) plus a {@link #change}; terms left in no
   * article dropped, as a recount would not list them.
   */
  public static Dataset<Row> plus(Dataset<Row> counts, Dataset<Row> change, String... keys) {
    return CountSums.plus(counts, change, keys, COUNTS, "doc_count", "term_key", "n");
  }

  private static List<Column> cols(String... names) {
    List<Column> out = new ArrayList<>();
    for (String n : names) {
      out.add(col(n));
    }
    return out;
  }
}
