package io.arabicnews.corpus;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Keeps one article per id and turns the others into {@code duplicate_id} rejects that name the copy
 * kept. Which copy is kept does not depend on partitioning: the first by input path, then content,
 * then {@link ProcessedArticle#getRecordIndex() record index}.
 *
 * <p>Only the ids, paths and hashes go through the ranking shuffle, never the bodies and sentences
 * (hundreds of MB for a year of news); the few copies to reject are then broadcast back to the
 * articles. A corpus without duplicate ids is returned as it came.
 */
public final class DuplicateIds {
  /** Up to this many copies to reject (about 100 bytes each) are broadcast; more are joined by shuffle. */
  static final int BROADCAST_COPIES = 1_000_000;

  private DuplicateIds() {}

  /** Runs one Spark job (ranking the ids) to find what there is to reject. */
  public static Dataset<ProcessedArticle> reject(Dataset<ProcessedArticle> articles) {
    WindowSpec byId = Window.partitionBy("articleId").orderBy("inputPath", "contentHash", "recordIndex");
    Dataset<Row> copies =
        articles
            .filter(col("rejectReason").isNull())
            .select("articleId", "inputPath", "contentHash", "recordIndex")
            .withColumn("_rank", row_number().over(byId))
            .withColumn("_kept", first("inputPath").over(byId))
            .filter(col("_rank").gt(1))
            .select(col("recordIndex").as("_copy"), col("_kept"));
    List<Row> firstCopies = copies.limit(BROADCAST_COPIES + 1).collectAsList();
    if (firstCopies.isEmpty()) {
      return articles;
    }
    // Up to the bound, the copies are kept on the driver as a local table: every action over the
    // result (counts, shingles, three table writes) broadcasts it instead of ranking the ids again.
    Dataset<Row> copyTable =
        firstCopies.size() <= BROADCAST_COPIES
            ? broadcast(articles.sparkSession().createDataFrame(firstCopies, copies.schema()))
            : copies;
    Column copy = col("_kept").isNotNull();
    return articles
        .join(copyTable, col("recordIndex").equalTo(col("_copy")), "left")
        .withColumn("rejectReason", when(copy, lit("duplicate_id")).otherwise(col("rejectReason")))
        .withColumn("rejectDetail",
            when(copy, concat(lit("article_id already loaded from "), col("_kept"))).otherwise(col("rejectDetail")))
        .drop("_copy", "_kept")
        .as(ArticleAssembler.ENCODER);
  }
}
