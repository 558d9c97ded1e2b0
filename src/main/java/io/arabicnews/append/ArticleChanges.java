package io.arabicnews.append;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What an append does with each article of its input, by id and content hash against the articles
 * already loaded: add it (a new id), replace the loaded one (same id, other content: a correction) or
 * skip it (same id, same content: loaded before).
 */
public final class ArticleChanges {
  public static final String ADDED = "added";
  public static final String UPDATED = "updated";
  public static final String SKIPPED = "skipped";

  private ArticleChanges() {}

  /**
   * @param incoming {@code article_id, content_hash} of the input's loaded articles
   * @param loaded {@code article_id, content_hash} of the articles table
   * @return {@code article_id, change}: one row per incoming article
   */
  public static Dataset<Row> classify(Dataset<Row> incoming, Dataset<Row> loaded) {
    Dataset<Row> known = loaded.select(col("article_id"), col("content_hash").as("loaded_hash"));
    return incoming.select("article_id", "content_hash")
        .join(known, new String[] {"article_id"}, "left")
        .select(col("article_id"),
            when(col("loaded_hash").isNull(), lit(ADDED))
                .when(col("loaded_hash").equalTo(col("content_hash")), lit(SKIPPED))
                .otherwise(lit(UPDATED)).as("change"));
  }
}
