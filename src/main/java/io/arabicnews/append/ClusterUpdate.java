package io.arabicnews.append;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.arabicnews.duplicates.DuplicatesConfig;
import io.arabicnews.duplicates.NearDuplicates;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Near-duplicates of an append's new and corrected articles ("changed"), found against the archive
 * without comparing the archive with itself again. Two articles can only be one story when printed at
 * most {@code --dup-max-days} apart (or when one is undated), so the changed articles are compared
 * with the archive articles of those days; the kept pairs of the archive then give every article
 * connected to a changed one, and those articles are clustered again, exactly as a full run clusters
 * them: the star clusters of a connected group of pairs depend on that group alone.
 */
public final class ClusterUpdate {
  private ClusterUpdate() {}

  /**
   * The archive's shingles ({@link AppendState#readShingles}) a changed article can be a
   * near-duplicate of: dated within {@code maxDays} of {@code first..last}, or undated; all of them
   * when a changed article is undated.
   */
  public static Dataset<Row> window(Dataset<Row> archive, LocalDate first, LocalDate last, boolean anyUndated, int maxDays) {
    if (anyUndated || first == null) {
      return archive;
    }
    return archive.filter(col("published_date").isNull().or(col("published_date")
        .between(lit(Date.valueOf(first.minusDays(maxDays))), lit(Date.valueOf(last.plusDays(maxDays))))));
  }

  /**
   * Near-duplicate pairs ({@code a, b, similarity}) with at least one changed article: of changed
   * articles with each other and with {@code window}.
   *
   * @param changed and window: {@code article_id, published_date, n_chars, shingles}
   */
  public static Dataset<Row> pairsOfChanged(Dataset<Row> changed, Dataset<Row> window, DuplicatesConfig cfg) {
    String[] columns = {"published_date", "n_chars", "shingles"};
    Dataset<Row> pairs = NearDuplicates.pairs(
        changed.select("article_id", columns).unionByName(window.select("article_id", columns)), cfg);
    Dataset<Row> ids = changed.select("article_id");
    return touching(pairs, ids);
  }

  /** The pairs with {@code a} or {@code b} among {@code ids} ({@code article_id}). */
  public static Dataset<Row> touching(Dataset<Row> pairs, Dataset<Row> ids) {
    Dataset<Row> byA = pairs.join(broadcast(ids.withColumnRenamed("article_id", "a")), new String[] {"a"}, "left_semi");
    Dataset<Row> byB = pairs.join(broadcast(ids.withColumnRenamed("article_id", "b")), new String[] {"b"}, "left_semi");
    return byA.unionByName(byB).distinct();
  }

  /** Every article joined to {@code seeds} by a chain of {@code pairs}, the seeds included. */
  public static Set<String> connected(SparkSession spark, Dataset<Row> pairs, Set<String> seeds) {
    return connected(spark, pairs, seeds, NearDuplicates.DRIVER_MAX_PAIRS);
  }

  /** {@link #connected}, in the driver when there are at most {@code driverMaxPairs} pairs. */
  static Set<String> connected(SparkSession spark, Dataset<Row> pairs, Set<String> seeds, int driverMaxPairs) {
    List<Row> all = pairs.select("a", "b").limit(driverMaxPairs + 1).collectAsList();
    if (all.size() <= driverMaxPairs) { // the pairs fit in the driver: one job, not one per step
      Map<String, List<String>> neighbours = new HashMap<>();
      for (Row r : all) {
        neighbours.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
        neighbours.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(0));
      }
      Set<String> found = new HashSet<>(seeds);
      ArrayDeque<String> frontier = new ArrayDeque<>(seeds);
      while (!frontier.isEmpty()) {
        for (String next : neighbours.getOrDefault(frontier.poll(), List.of())) {
          if (found.add(next)) {
            frontier.add(next);
          }
        }
      }
      return found;
    }
    Set<String> found = new HashSet<>(seeds);
    List<String> frontier = new ArrayList<>(seeds);
    while (!frontier.isEmpty()) {
      Dataset<Row> ids = spark.createDataset(frontier, Encoders.STRING()).toDF("article_id");
      List<String> next = new ArrayList<>();
      for (Row r : touching(pairs, ids).select("a", "b").collectAsList()) {
        for (int i = 0; i < 2; i++) {
          if (found.add(r.getString(i))) {
            next.add(r.getString(i));
          }
        }
      }
      frontier = next;
    }
    return found;
  }
}
