package io.arabicnews.terms;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.grouping;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.arabicnews.dates.Period;
import io.arabicnews.tables.Tables;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import scala.jdk.javaapi.CollectionConverters;

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
   * most frequent printed form of the term ({@code display, display_count}).
   * Counts of complete articles pass through; only rows flagged {@code partial} (an article at a
   * partition edge or a reader split inside a partition) are summed again, so the millions of rows need no shuffle.
   *
   * @param rejoined {@link #rejoined} of the same counts (a caller reading the result several times
   *     keeps it: each computation scans all the counts to find a few thousand rows)
   */
  public static Dataset<Row> perArticle(Dataset<TermCount> counts, Dataset<Row> rejoined) {
    Dataset<Row> complete =
        counts
            .filter(col("partial").equalTo(false))
            .select(col("articleId").as("article_id"), col("termKey").as("term_key"), col("n"),
                col("termCount").as("term_count"), col("display"), col("displayCount").as("display_count"));
    return complete.unionByName(rejoined);
  }

  /** The rows of articles cut by a reader split, summed by article and term: {@link #perArticle}'s columns. */
  public static Dataset<Row> rejoined(Dataset<TermCount> counts) {
    // Partial rows come one per printed form: summed per form first, then the most frequent form
    // wins (ties to the alphabetically last, as for a whole article).
    return counts
        .filter(col("partial"))
        .groupBy(col("articleId").as("article_id"), col("termKey").as("term_key"), col("n"), col("display"))
        .agg(sum("termCount").as("form_count"))
        .groupBy(col("article_id"), col("term_key"), col("n"))
        .agg(
            sum("form_count").as("term_count"),
            max(struct(col("form_count").as("displayCount"), col("display"))).as("d"))
        .select(col("article_id"), col("term_key"), col("n"), col("term_count"),
            col("d.display").as("display"), col("d.displayCount").as("display_count"));
  }

  /**
   * {@link #perArticle} rows with their article's attributes, which every term table reads: {@code
   * period_start} (null when undated), {@code source} ({@link #UNKNOWN_SOURCE} when missing), {@code
   * n_tokens} and {@code is_canonical}. Spark prunes the attributes a table does not read.
   *
   * @param articles {@code article_id, source, published_date, n_tokens, is_canonical} of every article
   * @param broadcastArticles whether the articles are few enough to broadcast; if not, a shuffled hash
   *     join: each task hashes its share of the articles and streams its term rows past them, where
   *     Spark's default sort-merge join would sort all the term rows (367 million at 16×
   *     egypt-news-2013). A task's share stays small: large runs get a shuffle partition per 5,000
   *     articles ({@code SmallRuns}), about 10,000 once adaptive execution merges partitions
   */
  public static Dataset<Row> withArticles(
      Dataset<Row> perArticle, Dataset<Row> articles, Period period, boolean broadcastArticles) {
    Dataset<Row> grouped = groupedArticles(articles, period);
    return perArticle.join(broadcastArticles ? broadcast(grouped) : grouped.hint("shuffle_hash"), "article_id");
  }

  /**
   * Corpus totals per term, raw and over canonical articles only, with the term's most frequent
   * printed form and its stems: {@code term_key, n, term_count, doc_count, term_count_dedup,
   * doc_count_dedup, display_form, stem}. The stems are those of the key's words ({@link
   * ArabicTextAnalyzer#stemKeys}), computed once per term here rather than carried on every
   * per-article row.
   *
   * @param perArticle {@link #withArticles} rows (is_canonical is read)
   */
  public static Dataset<Row> totals(Dataset<Row> perArticle) {
    // One pass over the per-article rows gives the counts and the display form: grouped by printed
    // form first (an article's row carries one), then by term.
    Dataset<Row> byForm =
        withDedupCounts(
            perArticle.groupBy(col("term_key"), col("n"), col("display")),
            sum("display_count").as("c"));
    return byForm
        .groupBy(col("term_key"), col("n"))
        .agg(
            sum("term_count").as("term_count"),
            sum("doc_count").as("doc_count"),
            sum("term_count_dedup").as("term_count_dedup"),
            sum("doc_count_dedup").as("doc_count_dedup"),
            // The most frequent printed form; ties go to the alphabetically last, deterministically.
            max(struct(col("c"), col("display"))).as("best"))
        .select(col("term_key"), col("n"), col("term_count"), col("doc_count"), col("term_count_dedup"),
            col("doc_count_dedup"), col("best.display").as("display_form"), STEMS.apply(col("term_key")).as("stem"));
  }

  private static final UserDefinedFunction STEMS =
      udf((UDF1<String, String>) ArabicTextAnalyzer::stemKeys, DataTypes.StringType);

  /** Raw and de-duplicated sums of term_count and of articles over the grouped rows, and {@code extra}. */
  private static Dataset<Row> withDedupCounts(RelationalGroupedDataset grouped, Column... extra) {
    Column canonical = col("is_canonical");
    List<Column> rest = new ArrayList<>(List.of(
        count(lit(1)).as("doc_count"),
        sum(when(canonical, col("term_count")).otherwise(0L)).as("term_count_dedup"),
        sum(when(canonical, 1L).otherwise(0L)).as("doc_count_dedup")));
    rest.addAll(List.of(extra));
    return grouped.agg(sum("term_count").as("term_count"), rest.toArray(Column[]::new));
  }

  /**
   * @param totals {@link #totals} of perArticle
   * @param articleCount articles in the corpus (the idf's N)
   * @param totalTokens word tokens in the corpus, stop words included (the per_10k base)
   * @param canonicalTokens word tokens of the canonical articles (the per_10k_dedup base)
   */
  public static Dataset<Row> termFrequencies(
      Dataset<Row> totals, Dataset<Row> phrases, long articleCount, long totalTokens, long canonicalTokens) {
    Dataset<Row> scores = phrases.select("term_key", "npmi", "llr");
    return Tables.TERM_FREQUENCIES.conform(
        totals
            .join(scores, new String[] {"term_key"}, "left")
            .withColumn("idf", idf(col("doc_count"), articleCount))
            .withColumn("per_10k", col("term_count").multiply(10_000.0).divide(Math.max(1, totalTokens)))
            .withColumn("per_10k_dedup", col("term_count_dedup").multiply(10_000.0).divide(Math.max(1, canonicalTokens)))
            .withColumn(
                "rank",
                row_number().over(Window.partitionBy("n").orderBy(col("term_count").desc(), col("term_key")))));
  }

  /** Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1, never zero or negative. */
  static Column idf(Column docCount, long articleCount) {
    return log(lit(1.0 + articleCount).divide(docCount.plus(1))).plus(1.0);
  }

  /** A 64-bit hash of a term and its length ({@code term_key, n}): one fixed-width key for joins and groups. */
  static Column termHash() {
    return xxhash64(col("term_key"), col("n"));
  }

  /**
   * Whether {@link #termHash} tells these terms apart ({@code term_key, n} rows, each term once): when
   * given the corpus totals, every term a per-article row can hold, so a hash then stands for its
   * term in joins and groups. Two of 400,000 terms sharing a 64-bit hash has odds about 1 in 10^8;
   * callers fall back to the string keys then.
   */
  public static boolean hashesIdentifyTerms(Dataset<Row> terms) {
    return terms.select(termHash()).distinct().count() == terms.count();
  }

  /**
   * @param perArticle {@link #withArticles} rows (n_tokens and is_canonical are read)
   * @param frequencies the term_frequencies table (for idf)
   * @param hashesUnique {@link #hashesIdentifyTerms} of the corpus totals
   */
  public static Dataset<Row> articleTerms(Dataset<Row> perArticle, Dataset<Row> frequencies, boolean hashesUnique) {
    // The 21 million rows of a year of news meet the vocabulary by one long key where the hashes allow:
    // Spark's broadcast join then probes a table of longs instead of hashing and comparing two columns.
    Dataset<Row> withIdf = hashesUnique
        ? perArticle.withColumn("term_hash", termHash())
            .join(broadcast(frequencies.select(termHash().as("term_hash"), col("idf"))), "term_hash")
        : perArticle.join(broadcast(frequencies.select("term_key", "n", "idf")), new String[] {"term_key", "n"});
    return Tables.ARTICLE_TERMS.conform(
        withIdf
            .withColumn("tf", col("term_count").divide(col("n_tokens").cast("double")))
            .withColumn("tf_idf", col("tf").multiply(col("idf"))));
  }

  /**
   * Counts per period and term and per source and term, from one pass over the per-article rows
   * ({@link #withArticles}; grouping sets: the 21 million rows of a year of news are read once for both), for the
   * terms of {@code vocabulary} ({@code term_key, n}): {@code period_start, source, term_key, n,
   * term_count, doc_count, term_count_dedup, doc_count_dedup, by_source}. A row counts either a
   * period ({@code by_source} false, source null) or a source ({@code by_source} true, period_start
   * null). Articles without a date fall into no period (they are still in the corpus-wide tables);
   * articles without a source count under {@link #UNKNOWN_SOURCE}.
   *
   * <p>The rows are grouped by a 64-bit hash of the term, not its key: a fixed-width key instead of a
   * string in every aggregation and shuffle row; the vocabulary gives the keys back after grouping
   * and drops the phrase candidates it rejected. Unless {@code hashesUnique} ({@link
   * #hashesIdentifyTerms} of the corpus totals, so no rejected candidate shares a vocabulary term's
   * hash either), the string keys are used instead.
   */
  public static Dataset<Row> groupCounts(Dataset<Row> perArticle, Dataset<Row> vocabulary, boolean hashesUnique) {
    Dataset<Row> terms = vocabulary.select(col("term_key"), col("n"), termHash().as("term_hash"));
    String key = hashesUnique ? "term_hash" : "term_key";
    Dataset<Row> rows = hashesUnique ? perArticle.withColumn(key, termHash()) : perArticle;
    Dataset<Row> grouped =
        rows.select(col("article_id"), col(key), col("n"), col("term_count"), col("period_start"), col("source"),
            col("is_canonical"));
    Column periodStart = col("period_start");
    Column source = col("source");
    Column term = col(key);
    Column n = col("n");
    Dataset<Row> counts =
        withDedupCounts(
            grouped.groupingSets(
                seq(seq(periodStart, term, n), seq(source, term, n)), periodStart, source, term, n),
            // 1 when the period was aggregated away: a source row
            grouping(periodStart).as("period_rolled_up"));
    Column bySource = col("period_rolled_up").equalTo(1);
    return counts
        .filter(bySource.or(periodStart.isNotNull()))
        .join(broadcast(terms), new String[] {key, "n"})
        .withColumn("by_source", bySource)
        .drop("period_rolled_up", "term_hash");
  }

  /** @param groupCounts {@link #groupCounts} */
  public static Dataset<Row> termTimeline(Dataset<Row> groupCounts, Dataset<Row> articles, Period period) {
    Dataset<Row> dated = groupedArticles(articles, period).filter(col("period_start").isNotNull());
    return Tables.TERM_TIMELINE.conform(
        byGroup(groupCounts.filter(not(col("by_source"))).drop("source"), dated, "period_start"));
  }

  /** @param groupCounts {@link #groupCounts} */
  public static Dataset<Row> termBySource(Dataset<Row> groupCounts, Dataset<Row> articles, Period period) {
    return Tables.TERM_BY_SOURCE.conform(
        byGroup(groupCounts.filter(col("by_source")).drop("period_start"), groupedArticles(articles, period), "source"));
  }

  /** Each article's period (null when undated) and source ({@link #UNKNOWN_SOURCE} when missing). */
  private static Dataset<Row> groupedArticles(Dataset<Row> articles, Period period) {
    return articles.select(
        col("article_id"), period.start(col("published_date")).as("period_start"),
        coalesce(col("source"), lit(UNKNOWN_SOURCE)).as("source"), col("n_tokens"), col("is_canonical"));
  }

  @SafeVarargs
  private static <T> scala.collection.immutable.Seq<T> seq(T... items) {
    return CollectionConverters.asScala(List.of(items)).toSeq();
  }

  /**
   * Counts per group (period or source), the rate per 10,000 of the group's tokens, and keyness of
   * the group's count against the rest of the corpus.
   */
  private static Dataset<Row> byGroup(Dataset<Row> counts, Dataset<Row> groupedArticles, String group) {
    Column canonical = col("is_canonical");
    Dataset<Row> groupTokens =
        groupedArticles.groupBy(group).agg(
            sum("n_tokens").as("group_tokens"),
            sum(when(canonical, col("n_tokens")).otherwise(0L)).as("group_tokens_dedup"));
    Row total = groupTokens.agg(sum("group_tokens"), sum("group_tokens_dedup")).first();
    long allTokens = total.isNullAt(0) ? 0 : total.getLong(0);
    long allTokensDedup = total.isNullAt(1) ? 0 : total.getLong(1);
    Column a = col("term_count").cast("double");
    Column c = col("group_tokens").cast("double");
    Column aDedup = col("term_count_dedup").cast("double");
    Column cDedup = col("group_tokens_dedup").cast("double");
    return counts
        .join(broadcast(groupTokens), group)
        .withColumn("term_total", sum("term_count").over(Window.partitionBy("term_key", "n")))
        .withColumn("term_total_dedup", sum("term_count_dedup").over(Window.partitionBy("term_key", "n")))
        .withColumn("per_10k", a.multiply(10_000.0).divide(c))
        .withColumn("per_10k_dedup", when(cDedup.gt(0), aDedup.multiply(10_000.0).divide(cDedup)))
        .withColumn(
            "keyness",
            Association.signedKeyness(
                a, col("term_total").minus(col("term_count")).cast("double"), c, lit((double) allTokens).minus(c)))
        .withColumn(
            "keyness_dedup",
            when(cDedup.gt(0), Association.signedKeyness(
                aDedup, col("term_total_dedup").minus(col("term_count_dedup")).cast("double"), cDedup,
                lit((double) allTokensDedup).minus(cDedup))));
  }
}
