package io.arabicnews.terms;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.SparkTestBase;
import io.arabicnews.dates.Period;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TermTablesTest extends SparkTestBase {
  private static final StructType PER_ARTICLE = new StructType()
      .add("article_id", DataTypes.StringType).add("term_key", DataTypes.StringType).add("n", DataTypes.IntegerType)
      .add("term_count", DataTypes.LongType);
  private static final StructType TERMS = new StructType()
      .add("term_key", DataTypes.StringType).add("n", DataTypes.IntegerType).add("idf", DataTypes.DoubleType);

  private static Dataset<Row> frequencies() {
    return spark().createDataFrame(List.of(
        RowFactory.create("مصر", 1, 1.25), RowFactory.create("وزير الدفاع", 2, 2.0), RowFactory.create("وزير", 1, 1.5)),
        TERMS);
  }

  /**
   * The join by term hash gives the rows the join by (term_key, n) gives: vocabulary terms with their
   * idf, a rejected phrase candidate dropped, a word and a phrase that share their first word kept apart.
   */
  @Test
  void articleTermsByHashEqualArticleTermsByKey() {
    Dataset<Row> perArticle = spark().createDataFrame(List.of(
        RowFactory.create("a1", "مصر", 1, 3L), RowFactory.create("a1", "وزير الدفاع", 2, 1L),
        RowFactory.create("a1", "وزير", 1, 2L), RowFactory.create("a2", "مصر", 1, 1L),
        RowFactory.create("a2", "الدفاع المصري", 2, 1L)), PER_ARTICLE);
    Dataset<Row> articles = spark().createDataFrame(List.of(
        RowFactory.create("a1", 10, true), RowFactory.create("a2", 4, false)),
        new StructType().add("article_id", DataTypes.StringType).add("n_tokens", DataTypes.IntegerType)
            .add("is_canonical", DataTypes.BooleanType));

    Dataset<Row> withArticles = perArticle.join(articles, "article_id");
    List<String> byHash = rows(TermTables.articleTerms(withArticles, frequencies(), true));
    List<String> byKey = rows(TermTables.articleTerms(withArticles, frequencies(), false));

    assertThat(byHash).containsExactly(
        "a1 مصر 1 3 0.3 0.375 true", "a1 وزير 1 2 0.2 0.30000000000000004 true", "a1 وزير الدفاع 2 1 0.1 0.2 true",
        "a2 مصر 1 1 0.25 0.3125 false");
    assertThat(byKey).isEqualTo(byHash);
  }

  /**
   * An article cut by a partition edge comes as two flagged pieces, one row per printed form: its
   * counts are summed, and its display form is the most frequent in the whole article («الارهاب» 3
   * against «الإرهاب» 2), not the winner of either piece; a complete article's rows pass through.
   */
  @Test
  void perArticleSumsTheTwoPiecesOfAnArticleCutByAPartitionEdge() {
    Dataset<TermCount> counts = spark().createDataset(List.of(
        new TermCount("a1", "مصر", 1, "مصر", 2, 2, true),
        new TermCount("a1", "الارهاب", 1, "الإرهاب", 2, 2, true),
        new TermCount("a1", "الارهاب", 1, "الارهاب", 1, 1, true),
        new TermCount("a1", "مصر", 1, "مصر", 1, 1, true),
        new TermCount("a1", "الارهاب", 1, "الارهاب", 2, 2, true),
        new TermCount("a2", "مصر", 1, "ومصر", 4, 3, false)), ArticleTermCounter.ENCODER);

    List<String> rows = TermTables.perArticle(counts, TermTables.rejoined(counts))
        .orderBy("article_id", "term_key").collectAsList().stream()
        .map(r -> r.getAs("article_id") + " " + r.getAs("term_key") + " " + r.getAs("term_count") + " "
            + r.getAs("display") + " " + r.getAs("display_count"))
        .toList();

    assertThat(rows).containsExactly(
        "a1 الارهاب 5 الارهاب 3", "a1 مصر 3 مصر 3", "a2 مصر 4 ومصر 3");
  }

  private static final StructType WITH_ARTICLES = new StructType()
      .add("article_id", DataTypes.StringType).add("term_key", DataTypes.StringType).add("n", DataTypes.IntegerType)
      .add("term_count", DataTypes.LongType).add("display", DataTypes.StringType)
      .add("display_count", DataTypes.LongType).add("period_start", DataTypes.DateType)
      .add("source", DataTypes.StringType).add("n_tokens", DataTypes.IntegerType)
      .add("is_canonical", DataTypes.BooleanType);

  /**
   * Four articles: two in January from two sources (the second a near-duplicate), one in February,
   * one undated; a phrase candidate outside the vocabulary.
   */
  private static Dataset<Row> fourArticles() {
    Date jan = Date.valueOf("2013-01-01");
    Date feb = Date.valueOf("2013-02-01");
    return spark().createDataFrame(List.of(
        RowFactory.create("a1", "مصر", 1, 3L, "مصر", 3L, jan, "ahram", 40, true),
        RowFactory.create("a1", "الارهاب", 1, 2L, "الإرهاب", 2L, jan, "ahram", 40, true),
        RowFactory.create("a2", "مصر", 1, 1L, "مصر", 1L, jan, "masrawy", 30, false),
        RowFactory.create("a2", "الارهاب", 1, 3L, "الارهاب", 3L, jan, "masrawy", 30, false),
        RowFactory.create("a3", "الارهاب", 1, 1L, "الإرهاب", 1L, feb, "ahram", 20, true),
        RowFactory.create("a3", "مكافحه الارهاب", 2, 1L, "مكافحة الإرهاب", 1L, feb, "ahram", 20, true),
        RowFactory.create("a4", "مصر", 1, 2L, "مصر", 2L, null, TermTables.UNKNOWN_SOURCE, 10, true)),
        WITH_ARTICLES);
  }

  @Test
  void totalsAreSumsOverArticlesWithTheMostFrequentPrintedForm() {
    List<String> totals = TermTables.totals(fourArticles()).orderBy("n", "term_key").collectAsList().stream()
        .map(r -> r.getAs("term_key") + " " + r.getAs("term_count") + " " + r.getAs("doc_count") + " "
            + r.getAs("term_count_dedup") + " " + r.getAs("doc_count_dedup") + " " + r.getAs("display_form"))
        .toList();

    // «الارهاب»: 3 occurrences printed each way, a tie won by the alphabetically last form.
    assertThat(totals).containsExactly(
        "الارهاب 6 3 3 2 الارهاب", "مصر 6 3 5 2 مصر", "مكافحه الارهاب 1 1 1 1 مكافحة الإرهاب");
  }

  /** By term hash or by key, the same counts: each the sum over its articles, for the vocabulary only. */
  @Test
  void periodAndSourceCountsAreSumsOverArticlesForTheVocabulary() {
    Dataset<Row> vocabulary = spark().createDataFrame(List.of(
        RowFactory.create("مصر", 1, 0.0), RowFactory.create("الارهاب", 1, 0.0)), TERMS);

    for (boolean byHash : new boolean[] {true, false}) {
      List<String> counts = TermTables.groupCounts(fourArticles(), vocabulary, byHash)
          .orderBy("by_source", "period_start", "source", "term_key").collectAsList().stream()
          .map(r -> (r.<Boolean>getAs("by_source") ? r.getAs("source") : r.getAs("period_start")) + " "
              + r.getAs("term_key") + " " + r.getAs("term_count") + " " + r.getAs("doc_count") + " "
              + r.getAs("term_count_dedup") + " " + r.getAs("doc_count_dedup"))
          .toList();

      // The undated article counts under its source only; the phrase outside the vocabulary nowhere.
      assertThat(counts).as("by hash: %s", byHash).containsExactly(
          "2013-01-01 الارهاب 5 2 2 1", "2013-01-01 مصر 4 2 3 1", "2013-02-01 الارهاب 1 1 1 1",
          "(unknown) مصر 2 1 2 1", "ahram الارهاب 3 2 3 2", "ahram مصر 3 1 3 1",
          "masrawy الارهاب 3 1 0 0", "masrawy مصر 1 1 0 0");
    }
  }

  /**
   * Few articles are broadcast to the term rows; many meet them in a shuffled hash join, which does
   * not sort the term rows. Either way each row gets its article's period, source and flags.
   */
  @Test
  void articlesJoinTheTermRowsByBroadcastOrByShuffledHashJoinWithTheSameRows() {
    Dataset<Row> perArticle = spark().createDataFrame(List.of(
        RowFactory.create("a1", "مصر", 1, 3L), RowFactory.create("a2", "مصر", 1, 1L),
        RowFactory.create("a2", "وزير", 1, 2L)), PER_ARTICLE);
    Dataset<Row> articles = spark().createDataFrame(List.of(
            RowFactory.create("a1", "ahram", Date.valueOf("2013-01-17"), 10, true),
            RowFactory.create("a2", null, Date.valueOf("2013-02-03"), 4, false)),
        new StructType().add("article_id", DataTypes.StringType).add("source", DataTypes.StringType)
            .add("published_date", DataTypes.DateType).add("n_tokens", DataTypes.IntegerType)
            .add("is_canonical", DataTypes.BooleanType));

    Dataset<Row> broadcast = TermTables.withArticles(perArticle, articles, Period.MONTH, true);
    Dataset<Row> shuffled = TermTables.withArticles(perArticle, articles, Period.MONTH, false);

    assertThat(broadcast.queryExecution().sparkPlan().toString()).contains("BroadcastHashJoin");
    assertThat(shuffled.queryExecution().sparkPlan().toString()).contains("ShuffledHashJoin").doesNotContain("SortMergeJoin");
    List<String> rows = joined(shuffled);
    assertThat(rows).containsExactly(
        "a1 مصر 3 2013-01-01 ahram 10 true", "a2 مصر 1 2013-02-01 (unknown) 4 false",
        "a2 وزير 2 2013-02-01 (unknown) 4 false");
    assertThat(joined(broadcast)).isEqualTo(rows);
  }

  private static List<String> joined(Dataset<Row> withArticles) {
    return withArticles.orderBy("article_id", "term_key").collectAsList().stream()
        .map(r -> r.getAs("article_id") + " " + r.getAs("term_key") + " " + r.getAs("term_count") + " "
            + r.getAs("period_start") + " " + r.getAs("source") + " " + r.getAs("n_tokens") + " " + r.getAs("is_canonical"))
        .toList();
  }

  @Test
  void hashesTellDistinctTermsApartButNotARepeatedOne() {
    assertThat(TermTables.hashesIdentifyTerms(frequencies())).isTrue();
    assertThat(TermTables.hashesIdentifyTerms(frequencies().union(frequencies().limit(1)))).isFalse();
  }

  private static List<String> rows(Dataset<Row> articleTerms) {
    return articleTerms.orderBy("article_id", "term_key").collectAsList().stream()
        .map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getInt(2) + " " + r.getLong(3) + " " + r.getDouble(4)
            + " " + r.getDouble(5) + " " + r.getBoolean(6))
        .toList();
  }
}
