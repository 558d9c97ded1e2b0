package io.arabicnews.entities;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.mode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import io.arabicnews.dates.Period;
import io.arabicnews.tables.Tables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The entity tables: {@code entities} (the gazetteer's and the tagger's, with counts), {@code
 * entity_mentions}, {@code entity_timeline} and {@code entity_candidates}.
 */
public final class EntityTables {
  private EntityTables() {}

  public static Dataset<Row> mentions(Dataset<EntityHit> hits) {
    return Tables.ENTITY_MENTIONS.conform(
        hits.filter(col("kind").equalTo(EntityHit.MENTION))
            .select(col("articleId").as("article_id"), col("sentenceIndex").as("sentence_index"),
                col("tokenPosition").as("token_position"), col("entityId").as("entity_id"),
                col("surface"), col("nisba").as("is_nisba"), col("source"), col("confidence")));
  }

  /** The mentions only the tagger found, with what {@link #modelEntities} reads. */
  public static Dataset<Row> modelMentions(Dataset<EntityHit> hits) {
    return hits.filter(col("kind").equalTo(EntityHit.MENTION).and(col("source").equalTo(EntityHit.MODEL)))
        .select("entityId", "articleId", "confidence", "entityType", "display", "nameKey", "cue");
  }

  /**
   * Every entity named at least once by the tagger alone (not the gazetteer): {@code entity_id,
   * entity_type} (the tagger's most frequent reading), {@code label_ar} (the words as most often
   * printed), {@code name_key}, {@code cue} (the title cue most often before it, or null), {@code
   * mention_count, article_count, example_article_id, mean_confidence}; ties of the most frequent
   * values go to the lowest.
   *
   * @param modelMentions {@link #modelMentions}
   */
  public static Dataset<Row> modelEntities(Dataset<Row> modelMentions) {
    // One aggregation; mode(…, true) breaks ties by the lowest value, so reruns agree. The articles
    // are counted as a set, not with countDistinct: that splits the aggregation by entity and article,
    // and the four modes then keep a hash map per pair, not per entity (an append's renaming of the
    // day's tagger entities took 7.5 s, most of it in those maps).
    return modelMentions.groupBy("entityId")
        .agg(count(lit(1)).as("mention_count"), size(collect_set("articleId")).cast("long").as("article_count"),
            min("articleId").as("example_article_id"), avg("confidence").as("mean_confidence"),
            mode(col("entityType"), true).as("entity_type"), mode(col("display"), true).as("label_ar"),
            mode(col("nameKey"), true).as("name_key"), mode(col("cue"), true).as("cue"))
        .withColumnRenamed("entityId", "entity_id");
  }

  /**
   * The entity dimension: the gazetteer's entities (label_source gazetteer) and the tagger's own
   * (label_source transliterated: an English label spelt from the Arabic), with how often each was
   * mentioned (0 if never).
   *
   * @param resources the entity pass's broadcast resources: the gazetteer, and the spellings the
   *     English labels are made with on executors (the copy they already hold, not one per task)
   * @param modelEntities {@link #modelEntities}
   */
  public static Dataset<Row> entities(SparkSession spark, Broadcast<EntityResources> resources,
      Dataset<Row> modelEntities, Dataset<Row> mentions) {
    List<Row> rows = new ArrayList<>();
    for (GazetteerFile.Entry e : resources.value().gazetteer().entities().values()) {
      rows.add(RowFactory.create(e.entityId(), e.labelEn(), e.labelAr(), e.type(), e.wikidataId(), EntityHit.GAZETTEER));
    }
    StructType schema = new StructType().add("entity_id", DataTypes.StringType).add("label_en", DataTypes.StringType)
        .add("label_ar", DataTypes.StringType).add("entity_type", DataTypes.StringType)
        .add("wikidata_id", DataTypes.StringType).add("label_source", DataTypes.StringType);
    Dataset<Row> tagged = taggedEntities(resources, modelEntities);
    Dataset<Row> counts = mentions.groupBy("entity_id").agg(count(lit(1)).as("mention_count"),
        countDistinct("article_id").as("article_count"),
        sum(col("is_nisba").cast("long")).as("nisba_count"));
    return Tables.ENTITIES.conform(
        spark.createDataFrame(rows, schema).unionByName(tagged)
            .join(counts, new String[] {"entity_id"}, "left").na()
            .fill(0L, new String[] {"mention_count", "article_count", "nisba_count"}));
  }

  /**
   * The entities rows' descriptive columns of the tagger's entities ({@link #modelEntities}): {@code
   * entity_id, label_en} (spelt from the Arabic), {@code label_ar, entity_type, wikidata_id} (null),
   * {@code label_source}.
   */
  public static Dataset<Row> taggedEntities(Broadcast<EntityResources> resources, Dataset<Row> modelEntities) {
    UserDefinedFunction english =
        udf((UDF1<String, String>) arabic -> resources.value().spellings().english(arabic), DataTypes.StringType);
    return modelEntities.select(col("entity_id"), english.apply(col("label_ar")).as("label_en"),
        col("label_ar"), col("entity_type"), lit(null).cast("string").as("wikidata_id"),
        lit(TRANSLITERATED).as("label_source"));
  }

  public static final String TRANSLITERATED = "transliterated";

  /** Mentions and articles per period; share = the entity's articles / all dated articles of the period. */
  public static Dataset<Row> timeline(Dataset<Row> mentions, Dataset<Row> articles, Period period) {
    Dataset<Row> dated = articles.filter(col("published_date").isNotNull())
        .select(col("article_id"), period.start(col("published_date")).as("period_start"));
    Dataset<Row> periodArticles = dated.groupBy("period_start").agg(count(lit(1)).as("period_articles"));
    return Tables.ENTITY_TIMELINE.conform(
        mentions.join(dated, "article_id")
            .groupBy("period_start", "entity_id")
            .agg(count(lit(1)).as("mention_count"), countDistinct("article_id").as("article_count"))
            .join(periodArticles, "period_start")
            .withColumn("share", col("article_count").divide(col("period_articles").cast("double"))));
  }

  /**
   * The tagger's entities the gazetteer does not list, seen at least {@code minCount} times, most
   * mentioned first: what to add to the gazetteer next.
   *
   * @param modelEntities {@link #modelEntities}
   * @param entities the entities table (for the English label)
   */
  public static Dataset<Row> candidates(Dataset<Row> modelEntities, Dataset<Row> entities, long minCount) {
    return Tables.ENTITY_CANDIDATES.conform(
        modelEntities.filter(col("mention_count").geq(minCount))
            .join(entities.select("entity_id", "label_en"), "entity_id")
            .withColumn("candidate", col("label_ar"))
            .withColumn("candidate_key", col("name_key"))
            .orderBy(col("mention_count").desc(), col("entity_id")));
  }
}
