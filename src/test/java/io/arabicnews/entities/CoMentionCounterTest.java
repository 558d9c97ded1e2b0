package io.arabicnews.entities;

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

class CoMentionCounterTest extends SparkTestBase {
  private static final StructType MENTIONS = new StructType()
      .add("article_id", DataTypes.StringType).add("sentence_index", DataTypes.IntegerType)
      .add("entity_id", DataTypes.StringType);
  private static final StructType ARTICLES = new StructType()
      .add("article_id", DataTypes.StringType).add("published_date", DataTypes.DateType)
      .add("is_canonical", DataTypes.BooleanType);

  /**
   * a1: EGY and RUS together in sentences 0 and 2 (EGY twice in sentence 0), UKR alone in sentence 1;
   * a2, a copy (not canonical): EGY and RUS in sentence 0; a3: EGY and UKR in different sentences,
   * and one mention without a sentence. The mentions arrive out of article order.
   */
  private static Dataset<Row> mentions() {
    return spark().createDataFrame(List.of(
        RowFactory.create("a1", 0, "EGY"), RowFactory.create("a3", 0, "EGY"), RowFactory.create("a1", 0, "EGY"),
        RowFactory.create("a2", 0, "RUS"), RowFactory.create("a1", 0, "RUS"), RowFactory.create("a1", 1, "UKR"),
        RowFactory.create("a1", 2, "EGY"), RowFactory.create("a3", 4, "UKR"), RowFactory.create("a1", 2, "RUS"),
        RowFactory.create("a2", 0, "EGY"), RowFactory.create("a3", null, "RUS")), MENTIONS);
  }

  @Test
  void eachArticlePairOnceWithTheSentencesNamingBoth() {
    List<String> pairs = CoMentionCounter.articlePairs(mentions())
        .orderBy("article_id", "entity_a", "entity_b").collectAsList().stream()
        .map(r -> r.getString(0) + " " + r.getString(1) + "-" + r.getString(2) + " " + r.getInt(3)).toList();
    assertThat(pairs).containsExactly(
        "a1 EGY-RUS 2", "a1 EGY-UKR 0", "a1 RUS-UKR 0",
        "a2 EGY-RUS 1",
        "a3 EGY-RUS 0", "a3 EGY-UKR 0", "a3 RUS-UKR 0");
  }

  @Test
  void scopesCountSentencesArticlesAndCanonicalArticles() {
    Dataset<Row> articles = spark().createDataFrame(List.of(
        RowFactory.create("a1", Date.valueOf("2013-01-07"), true),
        RowFactory.create("a2", Date.valueOf("2013-01-09"), false),
        RowFactory.create("a3", null, true)), ARTICLES);
    Dataset<Row> entities = spark().createDataFrame(List.of(
        RowFactory.create("EGY", "Egypt"), RowFactory.create("RUS", "Russia"), RowFactory.create("UKR", "Ukraine")),
        new StructType().add("entity_id", DataTypes.StringType).add("label_en", DataTypes.StringType));

    List<String> rows = CoMentionCounter.coMentions(mentions(), CoMentionCounter.articlePairs(mentions()), articles, entities, 10, 3)
        .orderBy("scope", "entity_a", "entity_b").collectAsList().stream()
        .map(r -> r.getAs("scope") + " " + r.getAs("label_a") + "-" + r.getAs("label_b") + " co " + r.getAs("co_count")
            + " articles " + r.getAs("article_count") + " dedup " + r.getAs("co_count_dedup") + "/"
            + r.getAs("article_count_dedup") + " units " + r.getAs("units_a") + "/" + r.getAs("units_b")
            + " dates " + r.getAs("first_date") + ".." + r.getAs("last_date"))
        .toList();
    assertThat(rows).containsExactly(
        "article Egypt-Russia co 3 articles 3 dedup 2/2 units 3/3 dates 2013-01-07..2013-01-09",
        "article Egypt-Ukraine co 2 articles 2 dedup 2/2 units 3/2 dates 2013-01-07..2013-01-07",
        "article Russia-Ukraine co 2 articles 2 dedup 2/2 units 3/2 dates 2013-01-07..2013-01-07",
        // Pairs: sentences 0 and 2 of a1, 0 of a2 (RUS's mention in a3 has no sentence to share);
        // units: that mention is still one of RUS's four sentence units (a1 0 and 2, a2 0, a3 none).
        "sentence Egypt-Russia co 3 articles 2 dedup 2/1 units 4/4 dates 2013-01-07..2013-01-09");

    List<String> timeline = CoMentionCounter.timeline(CoMentionCounter.articlePairs(mentions()), articles, Period.WEEK)
        .orderBy("scope", "period_start", "entity_a", "entity_b").collectAsList().stream()
        .map(r -> r.getAs("scope") + " " + r.getAs("period_start") + " " + r.getAs("entity_a") + "-" + r.getAs("entity_b")
            + " " + r.getAs("co_count") + "/" + r.getAs("article_count") + " dedup " + r.getAs("co_count_dedup") + "/"
            + r.getAs("article_count_dedup"))
        .toList();
    assertThat(timeline).containsExactly(
        "article 2013-01-07 EGY-RUS 2/2 dedup 1/1",
        "article 2013-01-07 EGY-UKR 1/1 dedup 1/1",
        "article 2013-01-07 RUS-UKR 1/1 dedup 1/1",
        "sentence 2013-01-07 EGY-RUS 3/2 dedup 2/1");
  }
}
