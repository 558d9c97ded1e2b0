package io.arabicnews.append;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.arabicnews.dates.Period;
import io.arabicnews.entities.CoMentionCounter;
import io.arabicnews.entities.EntityHit;
import io.arabicnews.entities.EntityTables;
import io.arabicnews.tables.Tables;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The entity and co-mention tables brought up to date from the mentions an append adds and takes
 * away, without counting the archive's mentions again. Counts of mentions, articles, units (sentences
 * or articles) and pairs are sums over articles: the table's counts plus the change. What is not a
 * sum is computed again where the change touches it: the tagger's entities named in changed articles
 * are named from all their readings (the most frequent spelling, type and title cue), and the first
 * and last dates of a pair an article left are taken from all its articles again. Scores (shares,
 * PMI, NPMI, LLR) follow from the updated counts, as in a full run.
 *
 * <p>Signed mentions: {@code entity_mentions} rows with their article's {@code published_date,
 * is_canonical} and a {@code sign}: +1 for rows added, -1 for rows taken away.
 */
public final class EntityCountChanges {
  private static final String[] ENTITY_COUNTS = {"mention_count", "article_count", "nisba_count"};
  private static final String[] TIMELINE_COUNTS = {"mention_count", "article_count"};
  private static final String[] PAIR_COUNTS = {"co_count", "article_count", "co_count_dedup", "article_count_dedup"};

  private EntityCountChanges() {}

  /** @param articles {@code article_id, published_date, is_canonical} of the mentions' articles */
  public static Dataset<Row> signed(Dataset<Row> mentions, Dataset<Row> articles, int sign) {
    return mentions.select("article_id", "sentence_index", "entity_id", "is_nisba", "source")
        .join(broadcast(articles.select("article_id", "published_date", "is_canonical")), "article_id")
        .withColumn("sign", lit((long) sign));
  }

  /** The entities table after the change ({@code signed}: every mention, nisba ones included). */
  public static Dataset<Row> entities(Dataset<Row> table, Dataset<Row> signed, Dataset<Row> renamed) {
    Dataset<Row> perArticle = signed.groupBy("article_id", "entity_id", "sign")
        .agg(count(lit(1)).as("m"), sum(col("is_nisba").cast("long")).as("nis"));
    Dataset<Row> change = perArticle.groupBy("entity_id").agg(sum(col("m").multiply(col("sign"))).as("mention_count"),
        sum("sign").as("article_count"), sum(col("nis").multiply(col("sign"))).as("nisba_count"));
    Dataset<Row> counts = CountSums.plus(table, change, new String[] {"entity_id"}, ENTITY_COUNTS, null);
    Dataset<Row> described = table.select("entity_id", "label_en", "label_ar", "entity_type", "wikidata_id", "label_source")
        .join(broadcast(renamed.select("entity_id")), new String[] {"entity_id"}, "left_anti")
        .unionByName(renamed);
    return Tables.ENTITIES.conform(described.join(counts, new String[] {"entity_id"}, "left").na().fill(0L, ENTITY_COUNTS)
        .filter(col("label_source").equalTo(EntityHit.GAZETTEER).or(col("mention_count").gt(0))));
  }

  /** The tagger's entities named in the changed mentions ({@code entity_id}). */
  public static Dataset<Row> taggerEntitiesTouched(Dataset<Row> signed) {
    return signed.filter(col("source").equalTo(EntityHit.MODEL)).select("entity_id").distinct();
  }

  /**
   * The tagger's entities named in the changed mentions, named again from all their readings
   * ({@link EntityTables#modelEntities} of every article's {@code modelMentions}).
   */
  public static Dataset<Row> renamedTaggerEntities(Dataset<Row> modelMentions, Dataset<Row> touched) {
    return EntityTables.modelEntities(modelMentions.join(broadcast(touched.withColumnRenamed("entity_id", "entityId")),
        new String[] {"entityId"}, "left_semi"));
  }

  /** entity_candidates after the change: the touched entities' rows made again. */
  public static Dataset<Row> candidates(Dataset<Row> table, Dataset<Row> renamedModelEntities, Dataset<Row> touched,
      Dataset<Row> entities, long minCount) {
    Dataset<Row> untouched = table.join(broadcast(touched), new String[] {"entity_id"}, "left_anti");
    return Tables.ENTITY_CANDIDATES.conform(untouched
        .unionByName(EntityTables.candidates(renamedModelEntities, entities, minCount))
        .orderBy(col("mention_count").desc(), col("entity_id")));
  }

  /**
   * entity_timeline after the change ({@code signed}: the mentions the timeline counts).
   *
   * @param articles {@code article_id, published_date} of every article after the change
   */
  public static Dataset<Row> timeline(Dataset<Row> table, Dataset<Row> signed, Dataset<Row> articles, Period period) {
    Dataset<Row> change = signed.filter(col("published_date").isNotNull())
        .withColumn("period_start", period.start(col("published_date")))
        .groupBy("period_start", "article_id", "entity_id", "sign").agg(count(lit(1)).as("m"))
        .groupBy("period_start", "entity_id")
        .agg(sum(col("m").multiply(col("sign"))).as("mention_count"), sum("sign").as("article_count"));
    Dataset<Row> counts = CountSums.plus(table, change, new String[] {"period_start", "entity_id"}, TIMELINE_COUNTS,
        "article_count");
    Dataset<Row> periodArticles = articles.filter(col("published_date").isNotNull())
        .groupBy(period.start(col("published_date")).as("period_start")).agg(count(lit(1)).as("period_articles"));
    return Tables.ENTITY_TIMELINE.conform(counts.join(broadcast(periodArticles), "period_start")
        .withColumn("share", col("article_count").divide(col("period_articles").cast("double"))));
  }

  /** The units naming each entity after the change ({@code table}: {@code entity_id, scope, units}). */
  public static Dataset<Row> units(Dataset<Row> table, Dataset<Row> signed) {
    Dataset<Row> sentences = signed.select("article_id", "sentence_index", "entity_id", "sign").distinct()
        .groupBy("entity_id").agg(sum("sign").as("units")).withColumn("scope", lit(CoMentionCounter.SENTENCE));
    Dataset<Row> articles = signed.select("article_id", "entity_id", "sign").distinct()
        .groupBy("entity_id").agg(sum("sign").as("units")).withColumn("scope", lit(CoMentionCounter.ARTICLE));
    return CountSums.plus(table, sentences.unionByName(articles), new String[] {"entity_id", "scope"},
        new String[] {"units"}, "units");
  }

  /**
   * One row per article and pair of the signed mentions ({@link CoMentionCounter#articlePairs}) with
   * the article's date, canonical flag and sign.
   */
  public static Dataset<Row> signedPairs(Dataset<Row> signed) {
    Dataset<Row> attributes = signed.select("article_id", "published_date", "is_canonical", "sign").distinct();
    return CoMentionCounter.articlePairs(signed).join(attributes, "article_id");
  }

  /** The pair counts each scope's signed pairs change, by {@code keys} and scope. */
  static Dataset<Row> pairChange(Dataset<Row> signedPairs, String... keys) {
    Dataset<Row> out = null;
    for (String scope : new String[] {CoMentionCounter.SENTENCE, CoMentionCounter.ARTICLE}) {
      Column units = CoMentionCounter.pairUnits(scope).multiply(col("sign"));
      Column canonical = col("is_canonical");
      Column[] by = new Column[keys.length];
      for (int i = 0; i < keys.length; i++) {
        by[i] = col(keys[i]);
      }
      Dataset<Row> s = CoMentionCounter.inScope(signedPairs, scope).groupBy(by)
          .agg(sum(units).as("co_count"), sum("sign").as("article_count"),
              sum(when(canonical, units).otherwise(0L)).as("co_count_dedup"),
              sum(when(canonical, col("sign")).otherwise(0L)).as("article_count_dedup"))
          .withColumn("scope", lit(scope));
      out = out == null ? s : out.unionByName(s);
    }
    return out;
  }

  /** First and last dates of the signed pairs' units, by pair and scope. */
  static Dataset<Row> pairDates(Dataset<Row> pairs) {
    Dataset<Row> out = null;
    for (String scope : new String[] {CoMentionCounter.SENTENCE, CoMentionCounter.ARTICLE}) {
      Dataset<Row> s = CoMentionCounter.inScope(pairs, scope).groupBy("entity_a", "entity_b")
          .agg(min("published_date").as("first_date"), max("published_date").as("last_date"))
          .withColumn("scope", lit(scope));
      out = out == null ? s : out.unionByName(s);
    }
    return out;
  }

  /**
   * co_mentions after the change.
   *
   * @param added pairs of the articles added ({@link #signedPairs}, sign +1), for the dates
   * @param changed every signed pair (added, taken away, and canonical flags changed)
   * @param regained pairs an article left, with their dates taken from all their articles again
   *     ({@code entity_a, entity_b, scope, first_date, last_date}), or null when no article left one
   * @param units {@link #units} after the change
   */
  public static Dataset<Row> coMentions(Dataset<Row> table, Dataset<Row> added, Dataset<Row> changed,
      Dataset<Row> regained, Dataset<Row> units, Dataset<Row> entities, long sentenceCount, long articleCount) {
    String[] pair = {"entity_a", "entity_b", "scope"};
    // One shuffle: the table's rows, the count changes and the added units' dates summed by pair.
    Dataset<Row> old = table.select(col("entity_a"), col("entity_b"), col("scope"), col("co_count"),
        col("article_count"), col("co_count_dedup"), col("article_count_dedup"), col("first_date"), col("last_date"));
    if (regained != null) { // pairs an article left: their dates from all their articles again
      Dataset<Row> keys = regained.select(col("entity_a"), col("entity_b"), col("scope"), lit(true).as("regained"));
      old = old.join(broadcast(keys), pair, "left")
          .withColumn("first_date", when(col("regained"), lit(null).cast("date")).otherwise(col("first_date")))
          .withColumn("last_date", when(col("regained"), lit(null).cast("date")).otherwise(col("last_date")))
          .drop("regained")
          .unionByName(regained.select(col("entity_a"), col("entity_b"), col("scope"), lit(0L).as("co_count"),
              lit(0L).as("article_count"), lit(0L).as("co_count_dedup"), lit(0L).as("article_count_dedup"),
              col("first_date"), col("last_date")));
    }
    Dataset<Row> change = pairChange(changed, "entity_a", "entity_b")
        .withColumn("first_date", lit(null).cast("date")).withColumn("last_date", lit(null).cast("date"))
        .unionByName(pairDates(added).select(col("entity_a"), col("entity_b"), col("scope"), lit(0L).as("co_count"),
            lit(0L).as("article_count"), lit(0L).as("co_count_dedup"), lit(0L).as("article_count_dedup"),
            col("first_date"), col("last_date")));
    Dataset<Row> counts = old.unionByName(change)
        .groupBy("entity_a", "entity_b", "scope")
        .agg(sum("co_count").as("co_count"), sum("article_count").as("article_count"),
            sum("co_count_dedup").as("co_count_dedup"), sum("article_count_dedup").as("article_count_dedup"),
            min("first_date").as("first_date"), max("last_date").as("last_date"))
        .filter(col("article_count").gt(0));
    Dataset<Row> units2 = units.select("entity_id", "scope", "units");
    Dataset<Row> n = table.sparkSession().createDataFrame(List.of(
            RowFactory.create(CoMentionCounter.SENTENCE, (double) Math.max(1, sentenceCount)),
            RowFactory.create(CoMentionCounter.ARTICLE, (double) Math.max(1, articleCount))),
        new StructType().add("scope", "string").add("total", "double"));
    // Broadcast joins: the units and labels are one row per entity, the pairs a million.
    Dataset<Row> scored = counts
        .join(broadcast(units2.select(col("entity_id").as("entity_a"), col("scope"), col("units").as("units_a"))),
            new String[] {"entity_a", "scope"})
        .join(broadcast(units2.select(col("entity_id").as("entity_b"), col("scope"), col("units").as("units_b"))),
            new String[] {"entity_b", "scope"})
        .join(broadcast(n), "scope");
    return CoMentionCounter.labelled(CoMentionCounter.scored(scored, col("total")), entities.select("entity_id", "label_en"));
  }

  /** co_mention_timeline after the change. */
  public static Dataset<Row> coMentionTimeline(Dataset<Row> table, Dataset<Row> changed, Period period) {
    Dataset<Row> dated = changed.filter(col("published_date").isNotNull())
        .withColumn("period_start", period.start(col("published_date")));
    return Tables.CO_MENTION_TIMELINE.conform(CountSums.plus(table, pairChange(dated, "period_start", "entity_a", "entity_b"),
        new String[] {"period_start", "entity_a", "entity_b", "scope"}, PAIR_COUNTS, "article_count"));
  }

  /**
   * The first and last dates of pairs an article left ({@code left}: {@code entity_a, entity_b, scope}),
   * from every article's mentions ({@code mentions}, {@code articles}: {@code article_id,
   * published_date}) of their entities.
   */
  public static Dataset<Row> datesAgain(Dataset<Row> mentions, Dataset<Row> articles, Dataset<Row> left) {
    Dataset<Row> named = left.select(col("entity_a").as("entity_id"))
        .unionByName(left.select(col("entity_b").as("entity_id"))).distinct();
    Dataset<Row> pairs = CoMentionCounter.articlePairs(
            mentions.join(broadcast(named), new String[] {"entity_id"}, "left_semi"))
        .join(articles.select("article_id", "published_date"), "article_id");
    return pairDates(pairs).join(broadcast(left.select("entity_a", "entity_b", "scope").distinct()),
        new String[] {"entity_a", "entity_b", "scope"}, "left_semi");
  }

  /** The pairs ({@code entity_a, entity_b, scope}) of signed pairs, in the scopes they count in. */
  public static Dataset<Row> pairKeys(Dataset<Row> signedPairs) {
    return pairDates(signedPairs).select("entity_a", "entity_b", "scope");
  }
}
