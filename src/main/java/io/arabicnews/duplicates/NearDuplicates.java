package io.arabicnews.duplicates;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;

import lombok.extern.slf4j.Slf4j;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

/**
 * Finds near-duplicate articles (one wire story in several outlets, an updated version of an
 * article) with Spark MLlib's MinHash LSH over word shingles, joins them into clusters (connected
 * components of the pairs at or above the similarity threshold) and picks one canonical article per
 * cluster: the earliest dated, then the longest, then the smallest id.
 */
@Slf4j
public final class NearDuplicates {
  /** Bodies with fewer shingles (under about eight words) are too short to judge and stay alone. */
  public static final int MIN_SHINGLES = 5;
  /** Label propagation converges in about the diameter of the largest cluster; this bounds it. */
  private static final int MAX_ROUNDS = 100;

  private NearDuplicates() {}

  /**
   * @param articles {@code article_id, published_date, n_chars, shingles} ({@link Shingles} hashes)
   * @return per input article: {@code article_id, dup_cluster_id, is_canonical, dup_cluster_size,
   *     dup_max_similarity}
   */
  public static Dataset<Row> clusters(Dataset<Row> articles, DuplicatesConfig cfg) {
    Dataset<Row> pairs = pairs(articles, cfg);
    Dataset<Row> labels = components(pairs);
    WindowSpec byCluster = Window.partitionBy("label");
    WindowSpec ranked =
        byCluster.orderBy(col("published_date").asc_nulls_last(), col("n_chars").desc(), col("article_id"));
    Dataset<Row> bestSimilarity =
        pairs.select(col("a").as("article_id"), col("similarity"))
            .unionByName(pairs.select(col("b").as("article_id"), col("similarity")))
            .groupBy("article_id")
            .agg(max("similarity").as("dup_max_similarity"));
    Dataset<Row> clustered =
        labels
            .join(articles.select("article_id", "published_date", "n_chars"), "article_id")
            .withColumn("dup_cluster_id", first("article_id").over(ranked))
            .withColumn("dup_cluster_size", count(lit(1)).over(byCluster))
            .join(bestSimilarity, "article_id")
            .select("article_id", "dup_cluster_id", "dup_cluster_size", "dup_max_similarity");
    return articles
        .select("article_id")
        .join(clustered, new String[] {"article_id"}, "left")
        .select(
            col("article_id"),
            coalesce(col("dup_cluster_id"), col("article_id")).as("dup_cluster_id"),
            coalesce(col("dup_cluster_id"), col("article_id")).equalTo(col("article_id")).as("is_canonical"),
            coalesce(col("dup_cluster_size"), lit(1L)).cast("int").as("dup_cluster_size"),
            col("dup_max_similarity"))
        .localCheckpoint();
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

  /** Pairs {@code a < b} (computed, held by Spark) whose shingle sets have Jaccard similarity at or above the threshold. */
  public static Dataset<Row> pairs(Dataset<Row> articles, DuplicatesConfig cfg) {
    Dataset<Row> features =
        articles
            .filter(size(col("shingles")).geq(MIN_SHINGLES))
            .select(col("article_id"), TO_VECTOR.apply(col("shingles")).as("features"));
    // Fitting reads only the vector size from a first row: give it one, so an empty corpus needs no
    // special case and the articles are not computed an extra time.
    Dataset<Row> shape =
        articles.sparkSession().createDataFrame(
            List.of(RowFactory.create(Vectors.sparse(Shingles.DIMENSION, new int[] {0}, new double[] {1.0}))),
            new StructType().add("features", SQLDataTypes.VectorType()));
    MinHashLSHModel model =
        new MinHashLSH()
            .setNumHashTables(cfg.getHashTables())
            .setSeed(cfg.getSeed())
            .setInputCol("features")
            .setOutputCol("hashes")
            .fit(shape);
    // Hash once and join the hashed set with itself (the join would otherwise hash both sides). The
    // join compares exact Jaccard distances of the LSH candidates, so only recall depends on LSH.
    Dataset<Row> hashed = model.transform(features).persist(StorageLevel.DISK_ONLY());
    try {
      return model
          .approxSimilarityJoin(hashed, hashed, 1.0 - cfg.getMinSimilarity() + 1e-12, "distance")
          .select(col("datasetA.article_id").as("a"), col("datasetB.article_id").as("b"),
              lit(1.0).minus(col("distance")).as("similarity"))
          .filter(col("a").lt(col("b")))
          .localCheckpoint();
    } finally {
      hashed.unpersist();
    }
  }

  /** Connected components by minimum-label propagation: {@code article_id, label} for paired articles. */
  static Dataset<Row> components(Dataset<Row> pairs) {
    Dataset<Row> edges =
        pairs.select(col("a").as("src"), col("b").as("dst"))
            .unionByName(pairs.select(col("b").as("src"), col("a").as("dst")))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> labels = edges.select(col("src").as("article_id")).distinct()
        .withColumn("label", col("article_id")).localCheckpoint();
    try {
      for (int round = 1; ; round++) {
        Dataset<Row> proposed =
            edges.join(labels, edges.col("src").equalTo(labels.col("article_id")))
                .select(col("dst").as("article_id"), col("label"));
        Dataset<Row> next =
            labels.unionByName(proposed).groupBy("article_id").agg(min("label").as("label")).localCheckpoint();
        long changed =
            next.join(labels.withColumnRenamed("label", "old"), "article_id")
                .filter(col("label").lt(col("old")))
                .count();
        labels = next;
        if (changed == 0) {
          log.info("Duplicate clusters settled after {} rounds", round);
          return labels;
        }
        if (round == MAX_ROUNDS) {
          throw new IllegalStateException("duplicate clusters did not settle in " + MAX_ROUNDS + " rounds");
        }
      }
    } finally {
      edges.unpersist();
    }
  }

  private static final UserDefinedFunction TO_VECTOR =
      udf(
          (UDF1<scala.collection.Seq<Integer>, Vector>) s -> {
            int n = s.length();
            int[] indices = new int[n];
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
              indices[i] = s.apply(i);
              values[i] = 1.0;
            }
            return Vectors.sparse(Shingles.DIMENSION, indices, values);
          },
          SQLDataTypes.VectorType());
}
