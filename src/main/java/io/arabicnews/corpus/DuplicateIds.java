package io.arabicnews.corpus;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Keeps one article per id and turns the others into {@code duplicate_id} rejects that name the copy
 * kept. Which copy is kept does not depend on partitioning: the first by input path, then content.
 */
public final class DuplicateIds {
  private DuplicateIds() {}

  public static Dataset<ProcessedArticle> reject(Dataset<ProcessedArticle> articles) {
    Column loaded = col("rejectReason").isNull();
    WindowSpec byId = Window.partitionBy("articleId").orderBy("inputPath", "contentHash");
    Dataset<ProcessedArticle> ok = articles.filter(loaded);
    Dataset<ProcessedArticle> rejected = articles.filter(loaded.unary_$bang());
    Column rank = row_number().over(byId);
    Dataset<ProcessedArticle> ranked =
        ok.withColumn("_rank", rank)
            .withColumn("_kept", first("inputPath").over(byId))
            .withColumn(
                "rejectReason", when(col("_rank").gt(1), lit("duplicate_id")).otherwise(lit(null)))
            .withColumn(
                "rejectDetail",
                when(
                    col("_rank").gt(1),
                    concat(lit("article_id already loaded from "), col("_kept")))
                    .otherwise(lit(null)))
            .drop("_rank", "_kept")
            .as(ArticleAssembler.ENCODER);
    return ranked.unionByName(rejected);
  }
}
