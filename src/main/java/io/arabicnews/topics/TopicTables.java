package io.arabicnews.topics;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.arabicnews.dates.Period;
import io.arabicnews.tables.Tables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The topic tables: {@code topics}, {@code article_topics} and {@code topic_timeline}. */
public final class TopicTables {
  public static final String CURATED = "curated";
  public static final String LEARNED = "learned";
  /** Arabic label of both «unassigned» topics, curated and learned. */
  static final String UNASSIGNED_AR = "غير مصنف";

  private TopicTables() {}

  /** Top terms listed per topic, for both kinds. */
  static final int TOP_TERMS = 10;

  /**
   * Curated topics (with «unassigned») and, if given, learned ones ({@link LearnedTopicNames}'
   * columns). A curated topic's top terms are its keywords by the number of articles they matched in
   * (ties in the file's order), phrase parts hidden as for learned topics ({@link TopTerms#pick}).
   *
   * @param curatedArticleTopics curated rows of article_topics ({@code topic_id, matched_terms})
   */
  public static Dataset<Row> topics(SparkSession spark, Taxonomy taxonomy, Dataset<Row> curatedArticleTopics, Dataset<Row> learned) {
    Map<String, Map<String, Long>> matched = new HashMap<>();
    for (Row r : curatedArticleTopics.select(col("topic_id"), explode(col("matched_terms")).as("term"))
        .groupBy("topic_id", "term").count().collectAsList()) {
      matched.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r.getLong(2));
    }
    List<Row> rows = new ArrayList<>();
    for (Taxonomy.Topic t : taxonomy.topics()) {
      rows.add(RowFactory.create(t.id(), CURATED, t.labelEn(), t.labelAr(),
          curatedTopTerms(t, matched.getOrDefault(t.id(), Map.of())), null));
    }
    rows.add(RowFactory.create(Taxonomy.UNASSIGNED, CURATED, "Unassigned (no curated topic matched)", UNASSIGNED_AR, List.of(), null));
    StructType schema = new StructType().add("topic_id", DataTypes.StringType).add("kind", DataTypes.StringType)
        .add("label_en", DataTypes.StringType).add("label_ar", DataTypes.StringType)
        .add("top_terms", DataTypes.createArrayType(DataTypes.StringType))
        .add("label_overlap", DataTypes.DoubleType);
    Dataset<Row> out = spark.createDataFrame(rows, schema);
    if (learned != null) {
      out = out.unionByName(learned.withColumn("kind", lit(LEARNED)));
    }
    return Tables.TOPICS.conform(out);
  }

  /** {@code t}'s keywords as written, by articles matched ({@code matched}), at most {@link #TOP_TERMS}. */
  static List<String> curatedTopTerms(Taxonomy.Topic t, Map<String, Long> matched) {
    List<String> out = new ArrayList<>();
    for (int i : TopTerms.top(t.keys(), Comparator.comparingLong(i -> -matched.getOrDefault(t.keywords().get(i), 0L)), TOP_TERMS)) {
      out.add(t.keywords().get(i));
    }
    return out;
  }


  public static Dataset<Row> articleTopics(Dataset<ArticleTopic> curated, Dataset<Row> learned) {
    Dataset<Row> c = curated.select(col("articleId").as("article_id"), col("topicId").as("topic_id"),
        col("weight"), col("matchedTerms").as("matched_terms"), lit(CURATED).as("kind"));
    Dataset<Row> all = learned == null ? c : c.unionByName(learned.withColumn("kind", lit(LEARNED)));
    return Tables.ARTICLE_TOPICS.conform(all);
  }

  /**
   * Weight per topic and period; share = the topic's weight / all weight of its kind in the period
   * (every article's weights sum to 1 per kind, so this is the topic's share of the coverage);
   * share_smoothed = centred moving average over {@code window} periods. Every topic has a row for
   * every period (zero when absent) so the averages and line charts have no gaps.
   */
  public static Dataset<Row> timeline(Dataset<Row> articleTopics, Dataset<Row> articles, Dataset<Row> topics,
      Period period, int window) {
    Dataset<Row> dated = articles.filter(col("published_date").isNotNull())
        .select(col("article_id"), period.start(col("published_date")).as("period_start"), col("is_canonical"));
    Dataset<Row> weights = articleTopics.join(dated, "article_id")
        .groupBy("period_start", "topic_id", "kind")
        .agg(count(lit(1)).as("article_count"), sum("weight").as("weight_sum"),
            sum(when(col("is_canonical"), 1L).otherwise(0L)).as("article_count_dedup"),
            sum(when(col("is_canonical"), col("weight")).otherwise(0.0)).as("weight_sum_dedup"));
    Dataset<Row> grid = dated.select("period_start").distinct()
        .crossJoin(topics.select("topic_id", "kind"));
    Dataset<Row> filled = grid.join(weights, new String[] {"period_start", "topic_id", "kind"}, "left")
        .withColumn("article_count", coalesce(col("article_count"), lit(0L)))
        .withColumn("weight_sum", coalesce(col("weight_sum"), lit(0.0)))
        .withColumn("article_count_dedup", coalesce(col("article_count_dedup"), lit(0L)))
        .withColumn("weight_sum_dedup", coalesce(col("weight_sum_dedup"), lit(0.0)));
    int half = (window - 1) / 2;
    return Tables.TOPIC_TIMELINE.conform(filled
        .withColumn("kind_weight", sum("weight_sum").over(Window.partitionBy("period_start", "kind")))
        .withColumn("share", coalesce(col("weight_sum").divide(col("kind_weight")), lit(0.0)))
        .withColumn("kind_weight_dedup", sum("weight_sum_dedup").over(Window.partitionBy("period_start", "kind")))
        .withColumn("share_dedup", coalesce(col("weight_sum_dedup").divide(col("kind_weight_dedup")), lit(0.0)))
        .withColumn("share_smoothed", avg("share").over(Window.partitionBy("topic_id")
            .orderBy("period_start").rowsBetween(-half, window - 1 - half))));
  }
}
