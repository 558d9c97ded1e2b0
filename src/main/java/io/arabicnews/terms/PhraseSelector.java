package io.arabicnews.terms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Decides which word sequences are phrases: those seen at least the minimum count whose weakest split
 * («وزير الدفاع | الروسي» and «وزير | الدفاع الروسي») is still associated beyond chance by the
 * configured measure. Both NPMI and LLR are kept so users can re-filter.
 */
public final class PhraseSelector {
  private PhraseSelector() {}

  /** The scored candidates and the corpus size they were scored against. */
  public record Scored(Dataset<Row> phrases, long contentTokens) {}

  /**
   * @param candidateCounts corpus counts of every candidate: {@code term_key}, {@code n}, {@code
   *     term_count} (unigrams included; phrases below minCount may be missing)
   * @param minCount phrases seen fewer times are not phrases
   * @return phrases (n ≥ 2) with {@code term_key, n, term_count, npmi, llr, kept}
   */
  public static Scored score(Dataset<Row> candidateCounts, TermsConfig cfg, long minCount) {
    Row total = candidateCounts.filter(col("n").equalTo(1)).agg(sum("term_count")).first();
    long contentTokens = total.isNullAt(0) ? 0 : total.getLong(0);

    Dataset<Row> frequent =
        candidateCounts.filter(col("n").equalTo(1).or(col("term_count").geq(minCount)));
    Dataset<Row> parts = frequent.select(col("term_key").as("part"), col("term_count").as("part_count"));
    Dataset<Row> splits =
        frequent
            .filter(col("n").gt(1))
            .withColumn("k", explode(sequence(lit(1), col("n").minus(1))))
            .withColumn("left_part", expr("substring_index(term_key, ' ', k)"))
            .withColumn("right_part", expr("substring_index(term_key, ' ', k - n)"));
    Dataset<Row> l = parts.toDF("left_part", "left_count");
    Dataset<Row> r = parts.toDF("right_part", "right_count");
    Column n = lit((double) Math.max(1, contentTokens));
    Column pair = col("term_count").cast("double");
    Column left = col("left_count").cast("double");
    Column right = col("right_count").cast("double");
    Dataset<Row> scored =
        splits
            .join(l, "left_part")
            .join(r, "right_part")
            .withColumn("split_npmi", Association.npmi(pair, left, right, n))
            .withColumn("split_llr", Association.llr(pair, left, right, n))
            .groupBy("term_key", "n", "term_count")
            .agg(min("split_npmi").as("npmi"), min("split_llr").as("llr"));
    String measure = cfg.getPhraseMeasure() == TermsConfig.PhraseMeasure.NPMI ? "npmi" : "llr";
    return new Scored(
        scored.withColumn("kept", col(measure).geq(cfg.effectivePhraseMinScore())),
        contentTokens);
  }
}
