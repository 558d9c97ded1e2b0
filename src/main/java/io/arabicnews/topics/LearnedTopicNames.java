package io.arabicnews.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * English names for learned topics, from what the project already knows in English: the curated
 * topics their articles share most weight with, and the entities that characterise them, e.g.
 * «≈ Protests and clashes · Muslim Brotherhood, Tahrir Square». LDA only knows Arabic terms; a
 * reader who does not read Arabic could not tell the topics apart by them.
 *
 * <p>Overlap of learned topic t with curated topic c: Σ over articles of w_t × w_c, divided by Σ w_t
 * (each article's curated weights sum to 1, «unassigned» included, so a topic's overlaps sum to 1).
 * The label names the curated topic with the most overlap, and a second one with at least half as
 * much; {@code label_overlap} is the share the named ones hold, so a reader sees how sure the name is.
 * An entity characterises t when the weight of t's articles that name it is at least
 * {@link #MIN_ENTITY_SHARE} of t's weight and at least {@link #MIN_ENTITY_LIFT} times its share of all
 * articles; the label lists up to {@link #MAX_ENTITIES}, by weighted article count × log lift.
 */
public final class LearnedTopicNames {
  static final double MIN_CURATED_OVERLAP = 0.10;
  static final double SECOND_CURATED_RATIO = 0.5;
  static final double MIN_ENTITY_SHARE = 0.05;
  static final double MIN_ENTITY_LIFT = 2.0;
  static final int MAX_ENTITIES = 3;
  /** Label of a learned topic whose articles are mostly outside every curated topic. */
  static final String OTHER_NEWS = "Other news";

  private LearnedTopicNames() {}

  /**
   * The learned topics with {@code label_en} named and {@code label_overlap} added.
   *
   * @param learned learned topics: {@code topic_id, label_en, label_ar, top_terms}
   * @param articleTopics {@code article_id, topic_id, weight, kind} of both kinds
   * @param curatedLabels English label of each curated topic id
   * @param mentions {@code article_id, entity_id} of entity_mentions, or null when there is none
   * @param entities {@code entity_id, label_en} of entities, or null
   */
  public static Dataset<Row> name(SparkSession spark, Dataset<Row> learned, Dataset<Row> articleTopics,
      Map<String, String> curatedLabels, Dataset<Row> mentions, Dataset<Row> entities) {
    Dataset<Row> learnedWeights = articleTopics
        .filter(col("kind").equalTo(TopicTables.LEARNED).and(col("topic_id").notEqual(LearnedTopics.UNASSIGNED)))
        .select(col("article_id"), col("topic_id").as("learned_id"), col("weight").as("learned_weight"));
    Dataset<Row> curatedWeights = articleTopics.filter(col("kind").equalTo(TopicTables.CURATED))
        .select(col("article_id"), col("topic_id").as("curated_id"), col("weight").as("curated_weight"));
    Map<String, Double> totals = new HashMap<>();
    for (Row r : learnedWeights.groupBy("learned_id").agg(sum("learned_weight")).collectAsList()) {
      totals.put(r.getString(0), r.getDouble(1));
    }
    Map<String, Map<String, Double>> overlaps = new HashMap<>();
    for (Row r : learnedWeights.join(curatedWeights, "article_id")
        .groupBy("learned_id", "curated_id")
        .agg(sum(col("learned_weight").multiply(col("curated_weight"))))
        .collectAsList()) {
      overlaps.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r.getDouble(2) / totals.get(r.getString(0)));
    }
    Map<String, List<String>> characteristic = mentions == null || entities == null ? Map.of()
        : characteristicEntities(spark, learnedWeights, totals, mentions, entities);

    List<Row> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Row t : learned.orderBy("topic_id").collectAsList()) {
      String id = t.getAs("topic_id");
      if (id.equals(LearnedTopics.UNASSIGNED) || !totals.containsKey(id)) {
        out.add(RowFactory.create(id, t.getAs("label_en"), t.getAs("label_ar"), t.getAs("top_terms"), null));
        continue;
      }
      Label label = label(overlaps.getOrDefault(id, Map.of()), curatedLabels, characteristic.getOrDefault(id, List.of()));
      // Two topics may earn the same words; a dashboard legend needs them apart.
      int n = seen.merge(label.text(), 1, Integer::sum);
      String text = n == 1 ? label.text() : label.text() + " (" + n + ")";
      out.add(RowFactory.create(id, text, t.getAs("label_ar"), t.getAs("top_terms"), label.overlap()));
    }
    StructType schema = new StructType().add("topic_id", DataTypes.StringType)
        .add("label_en", DataTypes.StringType).add("label_ar", DataTypes.StringType)
        .add("top_terms", DataTypes.createArrayType(DataTypes.StringType))
        .add("label_overlap", DataTypes.DoubleType);
    return spark.createDataFrame(out, schema);
  }

  /** A learned topic's English label and the overlap of the curated topics it names (null: none). */
  record Label(String text, Double overlap) {}

  /** The label from a topic's overlaps (curated id → share) and its characteristic entities' labels. */
  static Label label(Map<String, Double> overlaps, Map<String, String> curatedLabels, List<String> entityLabels) {
    List<Map.Entry<String, Double>> ranked = new ArrayList<>();
    for (Map.Entry<String, Double> e : overlaps.entrySet()) {
      if (!e.getKey().equals(Taxonomy.UNASSIGNED) && curatedLabels.containsKey(e.getKey())) {
        ranked.add(e);
      }
    }
    ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<String> named = new ArrayList<>();
    double overlap = 0;
    if (!ranked.isEmpty() && ranked.get(0).getValue() >= MIN_CURATED_OVERLAP) {
      double first = ranked.get(0).getValue();
      named.add(curatedLabels.get(ranked.get(0).getKey()));
      overlap += first;
      if (ranked.size() > 1 && ranked.get(1).getValue() >= Math.max(MIN_CURATED_OVERLAP, SECOND_CURATED_RATIO * first)) {
        named.add(curatedLabels.get(ranked.get(1).getKey()));
        overlap += ranked.get(1).getValue();
      }
    }
    StringBuilder text = new StringBuilder(named.isEmpty() ? OTHER_NEWS : "≈ " + String.join(" + ", named));
    if (!entityLabels.isEmpty()) {
      text.append(" · ").append(String.join(", ", entityLabels));
    }
    return new Label(text.toString(), named.isEmpty() ? null : overlap);
  }

  /** Up to {@link #MAX_ENTITIES} English entity labels per learned topic, strongest first. */
  /** @param totals each learned topic's weight over all articles, as {@link #name} summed it */
  static Map<String, List<String>> characteristicEntities(SparkSession spark, Dataset<Row> learnedWeights,
      Map<String, Double> totals, Dataset<Row> mentions, Dataset<Row> entities) {
    Dataset<Row> named = mentions.select("article_id", "entity_id").distinct();
    long articles = learnedWeights.select("article_id").distinct().count();
    Dataset<Row> articleShare = named.groupBy("entity_id").agg(count(lit(1)).divide(lit((double) Math.max(1, articles))).as("base_share"));
    List<Row> totalRows = new ArrayList<>();
    totals.forEach((topic, weight) -> totalRows.add(RowFactory.create(topic, weight)));
    Dataset<Row> topicWeight = spark.createDataFrame(totalRows,
        new StructType().add("learned_id", DataTypes.StringType).add("topic_weight", DataTypes.DoubleType));
    Dataset<Row> scored = learnedWeights.join(named, "article_id")
        .groupBy("learned_id", "entity_id").agg(sum("learned_weight").as("entity_weight"))
        .join(topicWeight, "learned_id")
        .join(articleShare, "entity_id")
        .withColumn("share", col("entity_weight").divide(col("topic_weight")))
        .withColumn("lift", col("share").divide(col("base_share")))
        .filter(col("share").geq(MIN_ENTITY_SHARE).and(col("lift").geq(MIN_ENTITY_LIFT)))
        .withColumn("score", col("entity_weight").multiply(log(col("lift"))))
        .withColumn("rank", row_number().over(Window.partitionBy("learned_id").orderBy(col("score").desc(), col("entity_id"))))
        .filter(col("rank").leq(MAX_ENTITIES))
        .join(entities.select("entity_id", "label_en"), "entity_id")
        .orderBy("learned_id", "rank");
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Row r : scored.select("learned_id", "label_en").collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
    }
    return out;
  }
}
