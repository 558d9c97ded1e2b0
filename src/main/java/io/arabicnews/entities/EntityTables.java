package io.arabicnews.entities;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import io.arabicnews.dates.Period;
import io.arabicnews.tables.Tables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The entity tables: {@code entities} (the gazetteer with counts), {@code entity_mentions}, {@code
 * entity_timeline} and {@code entity_candidates}.
 */
public final class EntityTables {
  private EntityTables() {}

  public static Dataset<Row> mentions(Dataset<EntityHit> hits) {
    return Tables.ENTITY_MENTIONS.conform(
        hits.filter(col("kind").equalTo(EntityHit.MENTION))
            .select(col("articleId").as("article_id"), col("sentenceIndex").as("sentence_index"),
                col("tokenPosition").as("token_position"), col("entityId").as("entity_id"),
                col("surface"), col("nisba").as("is_nisba")));
  }

  /** The gazetteer as a dimension table, with how often each entity was mentioned (0 if never). */
  public static Dataset<Row> entities(SparkSession spark, Gazetteer gazetteer, Dataset<Row> mentions) {
    List<Row> rows = new ArrayList<>();
    for (GazetteerFile.Entry e : gazetteer.entities().values()) {
      rows.add(RowFactory.create(e.entityId(), e.labelEn(), e.labelAr(), e.type(), e.wikidataId()));
    }
    StructType schema = new StructType().add("entity_id", DataTypes.StringType).add("label_en", DataTypes.StringType)
        .add("label_ar", DataTypes.StringType).add("entity_type", DataTypes.StringType)
        .add("wikidata_id", DataTypes.StringType);
    Dataset<Row> counts = mentions.groupBy("entity_id").agg(count(lit(1)).as("mention_count"),
        countDistinct("article_id").as("article_count"),
        sum(col("is_nisba").cast("long")).as("nisba_count"));
    return Tables.ENTITIES.conform(
        spark.createDataFrame(rows, schema).join(counts, new String[] {"entity_id"}, "left").na()
            .fill(0L, new String[] {"mention_count", "article_count", "nisba_count"}));
  }

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

  public static Dataset<Row> candidates(Dataset<EntityHit> hits, long minCount) {
    Dataset<Row> c = hits.filter(col("kind").equalTo(EntityHit.CANDIDATE)).toDF();
    Dataset<Row> cueByName = c.groupBy("entityId", "cue").agg(count(lit(1)).as("n"))
        .groupBy("entityId").agg(max(struct(col("n"), col("cue"))).as("best"))
        .select(col("entityId"), col("best.cue").as("cue"));
    Dataset<Row> displayByName = c.groupBy("entityId", "surface").agg(count(lit(1)).as("n"))
        .groupBy("entityId").agg(max(struct(col("n"), col("surface"))).as("best"))
        .select(col("entityId"), col("best.surface").as("candidate"));
    return Tables.ENTITY_CANDIDATES.conform(
        c.groupBy("entityId")
            .agg(count(lit(1)).as("mention_count"), countDistinct("articleId").as("article_count"),
                min("articleId").as("example_article_id"))
            .filter(col("mention_count").geq(minCount))
            .join(cueByName, "entityId")
            .join(displayByName, "entityId")
            .withColumn("candidate_key", col("entityId")));
  }

}
