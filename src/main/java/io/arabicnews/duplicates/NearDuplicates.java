package io.arabicnews.duplicates;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Finds near-duplicate articles (one wire story in several outlets, an updated version of an
 * article) with MinHash LSH over word shingles ({@link MinHashing}: MLlib's scheme on int arrays)
 * and groups them into star clusters: a canonical article (the earliest dated, then the longest,
 * then the smallest id) and the articles that are near-duplicates of it, printed within a few days
 * of each other.
 */
@Slf4j
public final class NearDuplicates {
  /** Bodies with fewer shingles (under about eight words) are too short to judge and stay alone. */
  public static final int MIN_SHINGLES = 5;
  /** Star rounds: each takes at least the earliest article of every chain; this bounds them. */
  private static final int MAX_ROUNDS = 200;

  private NearDuplicates() {}

  /**
   * @param articles {@code article_id, published_date, n_chars, shingles} ({@link Shingles} hashes)
   * @return per input article: {@code article_id, dup_cluster_id, is_canonical, dup_cluster_size,
   *     dup_max_similarity}
   */
  public static Dataset<Row> clusters(Dataset<Row> articles, DuplicatesConfig cfg) {
    return cluster(articles, cfg).clusters();
  }

  /**
   * The clusters ({@link #clusters}) and the near-duplicate pairs they were made from ({@link
   * #pairs}): an append keeps the pairs, so a new article that joins an old story re-clusters the
   * whole connected group, not just the articles it was compared with.
   */
  public record Clustering(Dataset<Row> clusters, Dataset<Row> pairs) {}

  public static Clustering cluster(Dataset<Row> articles, DuplicatesConfig cfg) {
    Dataset<Row> pairs = pairs(articles, cfg);
    return new Clustering(clustersOfPairs(pairs, articles), pairs);
  }

  /**
   * The clusters of {@code articles} ({@code article_id, published_date, n_chars}) given their
   * near-duplicate pairs ({@code a, b, similarity}): {@link #clusters}' columns.
   */
  public static Dataset<Row> clustersOfPairs(Dataset<Row> pairs, Dataset<Row> articles) {
    Dataset<Row> stars = stars(pairs, articles);
    Dataset<Row> sizes = stars.groupBy("centre").agg(count(lit(1)).as("dup_cluster_size"),
        max("similarity").as("best_member_similarity"));
    Dataset<Row> clustered = stars
        .join(sizes, "centre")
        .select(col("article_id"), col("centre").as("dup_cluster_id"), col("dup_cluster_size"),
            // a member's similarity to its canonical article; for the canonical one, its closest member
            coalesce(col("similarity"), col("best_member_similarity")).as("dup_max_similarity"));
    Dataset<Row> clusteredAll = articles
        .select("article_id")
        .join(clustered, new String[] {"article_id"}, "left")
        .select(
            col("article_id"),
            coalesce(col("dup_cluster_id"), col("article_id")).as("dup_cluster_id"),
            coalesce(col("dup_cluster_id"), col("article_id")).equalTo(col("article_id")).as("is_canonical"),
            coalesce(col("dup_cluster_size"), lit(1L)).cast("int").as("dup_cluster_size"),
            col("dup_max_similarity"));
    return truncate(clusteredAll);
  }

  /** Every article alone in its cluster: what a run with detection turned off records. */
  public static Dataset<Row> singletons(Dataset<Row> articles) {
    return articles.select(
        col("article_id"),
        col("article_id").as("dup_cluster_id"),
        lit(true).as("is_canonical"),
        lit(1).as("dup_cluster_size"),
        lit(null).cast("double").as("dup_max_similarity"));
  }

  /**
   * Pairs {@code a < b} (computed, held by Spark) whose shingle sets have Jaccard similarity at or
   * above the threshold and whose dates are at most {@code maxDays} apart (or unknown).
   */
  public static Dataset<Row> pairs(Dataset<Row> articles, DuplicatesConfig cfg) {
    MinHashing minHashing = new MinHashing(cfg.getHashTables(), cfg.getSeed());
    Dataset<ShingledArticle> eligible =
        articles
            .filter(size(col("shingles")).geq(MIN_SHINGLES))
            .select(col("article_id").as("articleId"), col("published_date").as("publishedDate"), col("shingles"))
            .as(SHINGLED);
    // One row per article and hash table; articles that agree on any table are candidates.
    Dataset<Bucket> buckets =
        eligible.flatMap((FlatMapFunction<ShingledArticle, Bucket>) article -> {
          int[] signature = minHashing.signature(article.getShingles());
          List<Bucket> out = new ArrayList<>(signature.length);
          for (int t = 0; t < signature.length; t++) {
            out.add(new Bucket(t, signature[t], article.getArticleId(), article.getPublishedDate(),
                article.getShingles().length));
          }
          return out.iterator();
        }, BUCKET);
    // The articles of each (table, value) bucket meet after one shuffle and a sort, and their pairs
    // are made by a scan of the bucket: a self-join would shuffle and sort the buckets twice (Spark
    // 4.1 does not reuse the exchange of a cached input, SPARK-58767).
    int maxDays = cfg.getMaxDays();
    double minSimilarity = cfg.getMinSimilarity();
    Dataset<Row> candidates =
        buckets
            .repartition(col("table"), col("value"))
            .sortWithinPartitions("table", "value")
            .mapPartitions((MapPartitionsFunction<Bucket, CandidateIds>) sorted ->
                new BucketPairs(sorted, maxDays, minSimilarity), CANDIDATE_IDS)
            .toDF()
            .distinct();
    // The exact Jaccard similarity of each candidate: only recall depends on the hashing. The sets
    // are sorted int arrays, so one merge counts what they share (Spark's array_intersect built a
    // hash set for every pair: a tenth of the 1x ingest's CPU).
    Dataset<Row> sets = eligible.select(col("articleId"), col("shingles"));
    return truncate(
        candidates
            .join(sets.toDF("a", "firstShingles"), "a")
            .join(sets.toDF("b", "secondShingles"), "b")
            .select(col("a").as("first"), col("b").as("second"), col("firstShingles"), col("secondShingles"))
            .as(CANDIDATE_PAIR)
            .map((MapFunction<CandidatePair, Similarity>) p ->
                new Similarity(p.getFirst(), p.getSecond(), Shingles.jaccard(p.getFirstShingles(), p.getSecondShingles())),
                SIMILARITY)
            .select(col("first").as("a"), col("second").as("b"), col("similarity"))
            .filter(col("similarity").geq(minSimilarity - 1e-12)));
  }

  /**
   * The candidate pairs {@code a < b} of buckets sorted by (table, value): every two articles of a
   * bucket, made one at a time (a bucket of a common template can hold thousands), kept when
   * <ul>
   *   <li>their dates are at most {@code maxDays} apart or one is unknown: a story is reprinted or
   *       updated within days; text this alike further apart is a template (a weekly column, a
   *       daily police report) or a follow-up, not the same article;
   *   <li>their sizes allow the threshold: two sets share at most the smaller one, so their Jaccard
   *       similarity is at most min(|A|, |B|) / max(|A|, |B|). Pairs of very different lengths need
   *       neither their sets fetched nor compared (exact: the margin is wider than the final
   *       filter's); on egypt-news-2013 that is a third of the candidates.
   * </ul>
   */
  static final class BucketPairs implements Iterator<CandidateIds> {
    private final Iterator<Bucket> sorted;
    private final int maxDays;
    private final double minSimilarity;
    /** The bucket being paired, and the first row of the next one. */
    private final List<Bucket> bucket = new ArrayList<>();
    private Bucket lookahead;
    private int i;
    private int j;
    private CandidateIds pending;

    BucketPairs(Iterator<Bucket> sorted, int maxDays, double minSimilarity) {
      this.sorted = sorted;
      this.maxDays = maxDays;
      this.minSimilarity = minSimilarity;
      this.lookahead = sorted.hasNext() ? sorted.next() : null;
    }

    @Override
    public boolean hasNext() {
      while (pending == null) {
        if (j >= bucket.size()) { // row i has met every later row of the bucket
          i++;
          j = i + 1;
          if (j >= bucket.size()) { // the bucket is done
            if (!nextBucket()) {
              return false;
            }
            i = 0;
            j = 1;
            continue;
          }
        }
        pending = pair(bucket.get(i), bucket.get(j++));
      }
      return true;
    }

    @Override
    public CandidateIds next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      CandidateIds out = pending;
      pending = null;
      return out;
    }

    private boolean nextBucket() {
      bucket.clear();
      if (lookahead == null) {
        return false;
      }
      bucket.add(lookahead);
      lookahead = null;
      while (sorted.hasNext()) {
        Bucket b = sorted.next();
        if (b.getTable() == bucket.get(0).getTable() && b.getValue() == bucket.get(0).getValue()) {
          bucket.add(b);
        } else {
          lookahead = b;
          break;
        }
      }
      return true;
    }

    /** The pair of two articles of one bucket, or null when their dates or sizes rule it out. */
    private CandidateIds pair(Bucket x, Bucket y) {
      int order = x.getArticleId().compareTo(y.getArticleId());
      if (order == 0) {
        return null;
      }
      LocalDate dx = x.getPublishedDate();
      LocalDate dy = y.getPublishedDate();
      if (dx != null && dy != null && Math.abs(ChronoUnit.DAYS.between(dx, dy)) > maxDays) {
        return null;
      }
      int small = Math.min(x.getSize(), y.getSize());
      int large = Math.max(x.getSize(), y.getSize());
      if (small < large * (minSimilarity - 1e-9)) {
        return null;
      }
      return order < 0 ? new CandidateIds(x.getArticleId(), y.getArticleId())
          : new CandidateIds(y.getArticleId(), x.getArticleId());
    }
  }

  /** Two articles that share a MinHash value, {@code a < b}. */
  @Data
  @NoArgsConstructor
  @AllArgsConstructor
  public static class CandidateIds implements Serializable {
    private static final long serialVersionUID = 1L;
    private String a;
    private String b;
  }

  /** An article's shingle set, decoded as a primitive array. */
  @Data
  @NoArgsConstructor
  @AllArgsConstructor
  public static class ShingledArticle implements Serializable {
    private static final long serialVersionUID = 1L;
    private String articleId;
    private LocalDate publishedDate;
    private int[] shingles;
  }

  /** A candidate pair with both shingle sets. */
  @Data
  @NoArgsConstructor
  @AllArgsConstructor
  public static class CandidatePair implements Serializable {
    private static final long serialVersionUID = 1L;
    private String first;
    private String second;
    private int[] firstShingles;
    private int[] secondShingles;
  }

  /** A candidate pair's exact Jaccard similarity. */
  @Data
  @NoArgsConstructor
  @AllArgsConstructor
  public static class Similarity implements Serializable {
    private static final long serialVersionUID = 1L;
    private String first;
    private String second;
    private double similarity;
  }

  /** One hash table's MinHash value of one article. */
  @Data
  @NoArgsConstructor
  @AllArgsConstructor
  public static class Bucket implements Serializable {
    private static final long serialVersionUID = 1L;
    private int table;
    private int value;
    private String articleId;
    private LocalDate publishedDate;
    /** How many distinct shingles the article has. */
    private int size;
  }

  private static final Encoder<ShingledArticle> SHINGLED = Encoders.bean(ShingledArticle.class);
  private static final Encoder<Bucket> BUCKET = Encoders.bean(Bucket.class);
  private static final Encoder<CandidateIds> CANDIDATE_IDS = Encoders.bean(CandidateIds.class);
  private static final Encoder<CandidatePair> CANDIDATE_PAIR = Encoders.bean(CandidatePair.class);
  private static final Encoder<Similarity> SIMILARITY = Encoders.bean(Similarity.class);

  /**
   * Star clusters: each cluster is a canonical article (the earliest dated, then the longest, then the
   * smallest id) and articles that are near-duplicates of it directly. Connected components would chain
   * a story's successive reports (hearing set, hearing postponed, verdict) into one cluster through
   * their shared background paragraphs; a star keeps every member within the threshold of the
   * article it is counted as a copy of.
   *
   * <p>Rounds, in parallel: an unassigned article with no unassigned neighbour earlier than itself is
   * a centre; unassigned neighbours of centres join the most similar one (centres are never
   * neighbours of each other); both leave the graph; repeat until no pair is left. Articles left
   * without pairs are their own cluster.
   *
   * @return {@code article_id, centre, similarity} for every paired article (a centre has itself as
   *     centre and a null similarity)
   */
  static Dataset<Row> stars(Dataset<Row> pairs, Dataset<Row> articles) {
    return stars(pairs, articles, DRIVER_MAX_PAIRS);
  }

  /**
   * Pair sets up to this size are clustered in the driver ({@link StarClusters}; an append's
   * connected groups too): one job collects them, some 50 MB of rows at this size. Larger ones go
   * through Spark rounds, a job and a checkpoint per round. egypt-news-2013 (150,000 articles) has
   * about 37,000 pairs.
   */
  public static final int DRIVER_MAX_PAIRS = 250_000;

  /** {@link #stars}, in the driver when there are at most {@code driverMaxPairs} pairs. */
  static Dataset<Row> stars(Dataset<Row> pairs, Dataset<Row> articles, int driverMaxPairs) {
    Dataset<Row> ends = articles.select(col("article_id"), expr("unix_date(published_date)").as("day"),
        col("n_chars").as("chars"));
    List<Row> keyed = pairs
        .join(ends.toDF("a", "day_a", "chars_a"), "a")
        .join(ends.toDF("b", "day_b", "chars_b"), "b")
        .select("a", "day_a", "chars_a", "b", "day_b", "chars_b", "similarity")
        .limit(driverMaxPairs + 1)
        .collectAsList();
    if (keyed.size() > driverMaxPairs) {
      return sparkStars(pairs, articles);
    }
    StarClusters graph = new StarClusters();
    for (Row r : keyed) {
      graph.addPair(r.getString(0), intOrNull(r, 1), intOrNull(r, 2), r.getString(3), intOrNull(r, 4), intOrNull(r, 5),
          r.getDouble(6));
    }
    StarClusters.Stars stars = graph.assign(MAX_ROUNDS);
    if (stars.stillPaired() > 0) {
      log.warn("Near-duplicate clusters: stopped after {} rounds; {} articles still paired stay alone in their cluster",
          MAX_ROUNDS, stars.stillPaired());
    } else {
      log.info("Near-duplicate clusters settled after {} rounds (in the driver: {} pairs)", stars.rounds(), graph.pairs());
    }
    List<Row> rows = new ArrayList<>(stars.assignments().size());
    stars.assignments().forEach(s -> rows.add(RowFactory.create(s.articleId(), s.centre(), s.similarity())));
    return articles.sparkSession().createDataFrame(rows, STARS);
  }

  private static Integer intOrNull(Row r, int i) {
    return r.isNullAt(i) ? null : ((Number) r.get(i)).intValue();
  }

  private static final StructType STARS =
      new StructType().add("article_id", "string").add("centre", "string").add("similarity", "double");

  /** {@link #stars} in Spark rounds: for pair sets too large for the driver. */
  static Dataset<Row> sparkStars(Dataset<Row> pairs, Dataset<Row> articles) {
    Dataset<Row> keys = articles.select(col("article_id"),
        struct(coalesce(col("published_date"), lit(java.sql.Date.valueOf("9999-12-31"))),
            col("n_chars").multiply(-1), col("article_id")).as("key"));
    Dataset<Row> directed = pairs.select(col("a").as("src"), col("b").as("dst"), col("similarity"))
        .unionByName(pairs.select(col("b").as("src"), col("a").as("dst"), col("similarity")));
    Dataset<Row> edges = truncate(directed
        .join(keys.withColumnRenamed("article_id", "src").withColumnRenamed("key", "key_src"), "src")
        .join(keys.withColumnRenamed("article_id", "dst").withColumnRenamed("key", "key_dst"), "dst"));
    List<Dataset<Row>> assigned = new ArrayList<>();
    for (int round = 1; ; round++) {
      if (edges.isEmpty()) {
        log.info("Near-duplicate clusters settled after {} rounds", round - 1);
        break;
      }
      if (round > MAX_ROUNDS) {
        log.warn("Near-duplicate clusters: stopped after {} rounds; {} articles still paired stay alone in their cluster",
            MAX_ROUNDS, edges.select("src").distinct().count());
        break;
      }
      Dataset<Row> later = edges.filter(col("key_dst").lt(col("key_src"))).select(col("src").as("id"));
      Dataset<Row> centres = truncate(edges.select(col("src").as("id")).distinct().join(later, new String[] {"id"}, "left_anti"));
      Dataset<Row> members = edges
          .join(centres, edges.col("dst").equalTo(centres.col("id")))
          .withColumn("rank", row_number().over(Window.partitionBy("src")
              .orderBy(col("similarity").desc(), col("key_dst"))))
          .filter(col("rank").equalTo(1))
          .select(col("src").as("article_id"), col("dst").as("centre"), col("similarity"));
      Dataset<Row> settled = truncate(centres.select(col("id").as("article_id"), col("id").as("centre"),
              lit(null).cast("double").as("similarity"))
          .unionByName(members));
      assigned.add(settled);
      Dataset<Row> gone = settled.select(col("article_id").as("id"));
      edges = truncate(edges
          .join(gone.withColumnRenamed("id", "src"), new String[] {"src"}, "left_anti")
          .join(gone.withColumnRenamed("id", "dst"), new String[] {"dst"}, "left_anti"));
    }
    Dataset<Row> all = articles.sparkSession().createDataFrame(List.of(), STARS);
    for (Dataset<Row> r : assigned) {
      all = all.unionByName(r);
    }
    return all;
  }

  /**
   * Computes {@code ds} once and cuts its lineage (the propagation loop would otherwise grow its
   * plan every round). A reliable checkpoint when the run has a checkpoint directory (a cluster run:
   * a lost executor must not take the data with it), an executor-local one otherwise (local mode,
   * where an executor cannot be lost without the driver).
   */
  static Dataset<Row> truncate(Dataset<Row> ds) {
    if (!ds.sparkSession().sparkContext().getCheckpointDir().isDefined()) {
      return ds.localCheckpoint();
    }
    // A reliable checkpoint writes its files in a job of its own after the first one: without the
    // cache that second job would compute everything again.
    Dataset<Row> cached = ds.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return cached.checkpoint();
    } finally {
      cached.unpersist();
    }
  }
}
