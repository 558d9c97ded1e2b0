package io.arabicnews.terms;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import io.arabicnews.dates.Period;
import io.arabicnews.tables.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The term tables, from per-article term counts and the articles table: {@code term_frequencies}
 * (corpus-wide), {@code article_terms} (tf, tf-idf), {@code term_timeline} (per period) and {@code
 * term_by_source}, each with rates per 10,000 tokens and keyness against the rest of the corpus.
 */
public final class TermTables {
  /** Label of articles without a source in term_by_source. */
  public static final String UNKNOWN_SOURCE = "(unknown)";

  private TermTables() {}

  /**
   * One row per article and term ({@code article_id, term_key, n, term_count}) plus the article's
   * most frequent printed form of the term ({@code display, display_count}) and its {@code stem}.
   */
  public static Dataset<Row> perArticle(Dataset<TermCount> counts) {
    return counts
        .groupBy(col("articleId").as("article_id"), col("termKey").as("term_key"), col("n"))
        .agg(
            sum("termCount").as("term_count"),
            max(struct(col("displayCount"), col("display"), col("stem"))).as("d"))
        .select(col("article_id"), col("term_key"), col("n"), col("term_count"),
            col("d.display").as("display"), col("d.displayCount").as("display_count"), col("d.stem").as("stem"));
  }

  /**
   * @param articleCount articles in the corpus (the idf's N)
   * @param totalTokens word tokens in the corpus, stop words included (the per_10k base)
   */
  public static Dataset<Row> termFrequencies(
      Dataset<Row> perArticle, Dataset<Row> phrases, long articleCount, long totalTokens) {
    Dataset<Row> display =
        perArticle
            .groupBy(col("term_key"), col("display"), col("stem"))
            .agg(sum("display_count").as("c"))
            .groupBy("term_key")
            // The most frequent printed form; ties go to the alphabetically last, deterministically.
            .agg(max(struct(col("c"), col("display"), col("stem"))).as("best"))
            .select(col("term_key"), col("best.display").as("display_form"), col("best.stem").as("stem"));
    Dataset<Row> totals =
        perArticle
            .groupBy(col("term_key"), col("n"))
            .agg(sum("term_count").as("term_count"), count(lit(1)).as("doc_count"));
    Dataset<Row> scores = phrases.select("term_key", "npmi", "llr");
    return Tables.TERM_FREQUENCIES.conform(
        totals
            .join(display, "term_key")
            .join(scores, new String[] {"term_key"}, "left")
            .withColumn("idf", idf(col("doc_count"), articleCount))
            .withColumn("per_10k", col("term_count").multiply(10_000.0).divide(Math.max(1, totalTokens)))
            .withColumn(
                "rank",
                row_number().over(Window.partitionBy("n").orderBy(col("term_count").desc(), col("term_key")))));
  }

  /** Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1, never zero or negative. */
  static Column idf(Column docCount, long articleCount) {
    return log(lit(1.0 + articleCount).divide(docCount.plus(1))).plus(1.0);
  }

  /**
   * @param articles {@code article_id, n_tokens}
   * @param frequencies the term_frequencies table (for idf)
   */
  public static Dataset<Row> articleTerms(Dataset<Row> perArticle, Dataset<Row> articles, Dataset<Row> frequencies) {
    return Tables.ARTICLE_TERMS.conform(
        perArticle
            .join(articles.select("article_id", "n_tokens"), "article_id")
            .join(frequencies.select("term_key", "n", "idf"), new String[] {"term_key", "n"})
            .withColumn("tf", col("term_count").divide(col("n_tokens").cast("double")))
            .withColumn("tf_idf", col("tf").multiply(col("idf"))));
  }

  /** Articles without a date fall into no period (they are still in the corpus-wide tables). */
  public static Dataset<Row> termTimeline(Dataset<Row> perArticle, Dataset<Row> articles, Period period) {
    Dataset<Row> dated =
        articles
            .filter(col("published_date").isNotNull())
            .select(col("article_id"), period.start(col("published_date")).as("period_start"), col("n_tokens"));
    return Tables.TERM_TIMELINE.conform(byGroup(perArticle, dated, "period_start"));
  }

  public static Dataset<Row> termBySource(Dataset<Row> perArticle, Dataset<Row> articles) {
    Dataset<Row> sourced =
        articles.select(
            col("article_id"), coalesce(col("source"), lit(UNKNOWN_SOURCE)).as("source"), col("n_tokens"));
    return Tables.TERM_BY_SOURCE.conform(byGroup(perArticle, sourced, "source"));
  }

  /**
   * Counts per group (period or source), the rate per 10,000 of the group's tokens, and keyness of
   * the group's count against the rest of the corpus.
   */
  private static Dataset<Row> byGroup(Dataset<Row> perArticle, Dataset<Row> groupedArticles, String group) {
    Dataset<Row> groupTokens =
        groupedArticles.groupBy(group).agg(sum("n_tokens").as("group_tokens"));
    Row total = groupTokens.agg(sum("group_tokens")).first();
    long allTokens = total.isNullAt(0) ? 0 : total.getLong(0);
    Dataset<Row> counts =
        perArticle
            .join(groupedArticles.select("article_id", group), "article_id")
            .groupBy(group, "term_key", "n")
            .agg(sum("term_count").as("term_count"), count(lit(1)).as("doc_count"))
            .join(groupTokens, group);
    Column termTotal = sum("term_count").over(Window.partitionBy("term_key", "n"));
    Column a = col("term_count").cast("double");
    Column c = col("group_tokens").cast("double");
    return counts
        .withColumn("term_total", termTotal)
        .withColumn("per_10k", a.multiply(10_000.0).divide(c))
        .withColumn(
            "keyness",
            Association.signedKeyness(
                a, col("term_total").minus(col("term_count")).cast("double"), c, lit((double) allTokens).minus(c)));
  }
}
