package io.arabicnews.entities;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.arabicnews.corpus.PerArticleIterator;
import io.arabicnews.dates.Period;
import io.arabicnews.tables.Tables;
import io.arabicnews.terms.Association;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import scala.Tuple4;

/**
 * Co-mentions: unordered pairs of distinct entities (entity_a < entity_b) named in the same sentence
 * or the same article. Each article's mentions are gathered in one place (one shuffle of the mention
 * rows) and its pairs generated there, once, with the number of its sentences naming both: so an
 * entity named ten times in a sentence counts once, and both scopes and the timeline aggregate plain
 * sums over one row per article and pair. (Generating the pairs by a self-join per scope and counting
 * articles with distinct aggregates took 32 of the entity job's 76 s on egypt-news-2013.)
 */
public final class CoMentionCounter {
  public static final String SENTENCE = "sentence";
  public static final String ARTICLE = "article";

  private CoMentionCounter() {}

  /** Distinct (unit, entity) rows for a scope: {@code article_id, unit, entity_id}. */
  static Dataset<Row> units(Dataset<Row> mentions, String scope) {
    Column unit = SENTENCE.equals(scope) ? col("sentence_index") : lit(-1);
    return mentions.select(col("article_id"), unit.as("unit"), col("entity_id")).distinct();
  }

  /**
   * One row per article and pair of distinct entities it names: {@code article_id, entity_a,
   * entity_b, sentences} (entity_a < entity_b as Spark orders strings; sentences = how many of the
   * article's sentences name both, 0 when only the article does).
   */
  public static Dataset<Row> articlePairs(Dataset<Row> mentions) {
    Dataset<Row> pairs =
        mentions
            .select("article_id", "sentence_index", "entity_id")
            .repartition(col("article_id"))
            .sortWithinPartitions("article_id")
            .mapPartitions(
                (MapPartitionsFunction<Row, Tuple4<String, String, String, Integer>>) ArticlePairs::new,
                Encoders.tuple(Encoders.STRING(), Encoders.STRING(), Encoders.STRING(), Encoders.INT()))
            .toDF("article_id", "first", "second", "sentences");
    // Java's and Spark's string orders differ for characters outside the BMP: let Spark order them.
    return pairs.select(col("article_id"), least(col("first"), col("second")).as("entity_a"),
        greatest(col("first"), col("second")).as("entity_b"), col("sentences"));
  }

  /** The pairs of each article of a partition clustered by article. */
  private static final class ArticlePairs extends PerArticleIterator<Tuple4<String, String, String, Integer>> {
    /** The article's entities and the sentences naming each (a mention without a sentence index: none). */
    private final Map<String, BitSet> sentencesByEntity = new TreeMap<>();

    ArticlePairs(Iterator<Row> rows) {
      super(rows);
    }

    @Override
    protected void sentence(String articleId, Row r) {
      String entity = r.getString(2);
      if (entity == null) {
        return;
      }
      BitSet sentences = sentencesByEntity.computeIfAbsent(entity, e -> new BitSet());
      if (!r.isNullAt(1)) {
        int index = r.getInt(1);
        if (index < 0) {
          throw new IllegalStateException("entity_mentions: negative sentence_index " + index + " in article " + articleId);
        }
        sentences.set(index);
      }
    }

    @Override
    protected void endArticle(String articleId, List<Tuple4<String, String, String, Integer>> out) {
      List<Map.Entry<String, BitSet>> entities = new ArrayList<>(sentencesByEntity.entrySet());
      for (int i = 0; i < entities.size(); i++) {
        BitSet a = entities.get(i).getValue();
        for (int j = i + 1; j < entities.size(); j++) {
          BitSet both = (BitSet) a.clone();
          both.and(entities.get(j).getValue());
          out.add(new Tuple4<>(articleId, entities.get(i).getKey(), entities.get(j).getKey(), both.cardinality()));
        }
      }
      sentencesByEntity.clear();
    }
  }

  /**
   * @param mentions entity_mentions rows
   * @param articlePairs {@link #articlePairs} of the mentions
   * @param articles {@code article_id, published_date, is_canonical}
   * @param entities {@code entity_id, label_en}
   * @param sentenceCount sentences in the corpus (N of sentence-scope scores)
   * @param articleCount articles in the corpus (N of article-scope scores)
   */
  public static Dataset<Row> coMentions(Dataset<Row> mentions, Dataset<Row> articlePairs, Dataset<Row> articles,
      Dataset<Row> entities, long sentenceCount, long articleCount) {
    Dataset<Row> pairs = articlePairs.join(articles.select("article_id", "published_date", "is_canonical"), "article_id");
    Dataset<Row> sentence = forScope(pairs, mentions, SENTENCE, sentenceCount);
    Dataset<Row> article = forScope(pairs, mentions, ARTICLE, articleCount);
    return labelled(sentence.unionByName(article), entities);
  }

  /** The article pairs that count in a scope: all of them, or those with a sentence naming both. */
  public static Dataset<Row> inScope(Dataset<Row> pairs, String scope) {
    return SENTENCE.equals(scope) ? pairs.filter(col("sentences").gt(0)) : pairs;
  }

  /** What one article pair adds to co_count: its sentences naming both, or 1 (the article). */
  public static Column pairUnits(String scope) {
    return SENTENCE.equals(scope) ? col("sentences").cast("long") : lit(1L);
  }

  private static Dataset<Row> forScope(Dataset<Row> pairs, Dataset<Row> mentions, String scope, long n) {
    Dataset<Row> unitCounts = entityUnits(mentions, scope).drop("scope");
    return withScores(inScope(pairs, scope)
        .groupBy("entity_a", "entity_b")
        .agg(sum(pairUnits(scope)).as("co_count"), count(lit(1)).as("article_count"),
            min("published_date").as("first_date"), max("published_date").as("last_date"),
            dedupCount(scope), dedupArticles())
        .withColumn("scope", lit(scope)), unitCounts, n);
  }

  /** Units (sentences or articles) naming each entity: {@code entity_id, scope, units}. */
  public static Dataset<Row> entityUnits(Dataset<Row> mentions, String scope) {
    return units(mentions, scope).groupBy("entity_id").agg(count(lit(1)).as("units")).withColumn("scope", lit(scope));
  }

  /**
   * Pair counts of one scope ({@code entity_a, entity_b, co_count}, …) with both entities' units
   * ({@code units}: {@code entity_id, units}) and the pair's PMI, NPMI and LLR over {@code n} units.
   */
  public static Dataset<Row> withScores(Dataset<Row> pairCounts, Dataset<Row> units, long n) {
    Dataset<Row> ca = units.select(col("entity_id").as("entity_a"), col("units").as("units_a"));
    Dataset<Row> cb = units.select(col("entity_id").as("entity_b"), col("units").as("units_b"));
    return scored(pairCounts.join(ca, "entity_a").join(cb, "entity_b"), lit((double) Math.max(1, n)));
  }

  /**
   * Adds {@code pmi}, {@code npmi} and {@code llr} to pairs with {@code co_count}, {@code units_a}
   * and {@code units_b}, given the units of the corpus at the pair's scope ({@code total}).
   */
  public static Dataset<Row> scored(Dataset<Row> pairs, Column total) {
    Column co = col("co_count").cast("double");
    Column a = col("units_a").cast("double");
    Column b = col("units_b").cast("double");
    return pairs
        .withColumn("pmi", log(co.multiply(total).divide(a.multiply(b))))
        .withColumn("npmi", Association.npmi(co, a, b, total))
        .withColumn("llr", Association.llr(co, a, b, total));
  }

  /**
   * Adds the pair's labels ({@code entities}: {@code entity_id, label_en}, one row per entity, so
   * broadcast beside a million pairs) and conforms to co_mentions.
   */
  public static Dataset<Row> labelled(Dataset<Row> scored, Dataset<Row> entities) {
    Dataset<Row> la = entities.select(col("entity_id").as("entity_a"), col("label_en").as("label_a"));
    Dataset<Row> lb = entities.select(col("entity_id").as("entity_b"), col("label_en").as("label_b"));
    return Tables.CO_MENTIONS.conform(scored.join(broadcast(la), "entity_a").join(broadcast(lb), "entity_b"));
  }

  /** Units of canonical articles only: the de-duplicated co_count. */
  public static Column dedupCount(String scope) {
    return sum(when(col("is_canonical"), pairUnits(scope)).otherwise(0L)).as("co_count_dedup");
  }

  /** Canonical articles among the pair's (one row per article and pair). */
  public static Column dedupArticles() {
    return sum(when(col("is_canonical"), 1L).otherwise(0L)).as("article_count_dedup");
  }

  /** @param articlePairs {@link #articlePairs} of the mentions */
  public static Dataset<Row> timeline(Dataset<Row> articlePairs, Dataset<Row> articles, Period period) {
    Dataset<Row> dated = articles.filter(col("published_date").isNotNull())
        .select(col("article_id"), period.start(col("published_date")).as("period_start"), col("is_canonical"));
    Dataset<Row> pairs = articlePairs.join(dated, "article_id");
    Dataset<Row> out = null;
    for (String scope : new String[] {SENTENCE, ARTICLE}) {
      Dataset<Row> t = inScope(pairs, scope)
          .groupBy("period_start", "entity_a", "entity_b")
          .agg(sum(pairUnits(scope)).as("co_count"), count(lit(1)).as("article_count"),
              dedupCount(scope), dedupArticles())
          .withColumn("scope", lit(scope));
      out = out == null ? t : out.unionByName(t);
    }
    return Tables.CO_MENTION_TIMELINE.conform(out);
  }
}
