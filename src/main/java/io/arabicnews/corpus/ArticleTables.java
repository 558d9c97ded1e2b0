package io.arabicnews.corpus;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.when;

import io.arabicnews.tables.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Projects processed articles onto the ingest tables: articles, sentences and rejects. */
public final class ArticleTables {
  private ArticleTables() {}

  public static Dataset<Row> articles(Dataset<ProcessedArticle> processed) {
    return Tables.ARTICLES.conform(
        processed
            .filter(col("rejectReason").isNull())
            .select(
                col("articleId").as("article_id"),
                col("source"),
                col("url"),
                col("title"),
                col("body"),
                col("publishedDate").as("published_date"),
                col("dateSource").as("date_source"),
                col("dateNote").as("date_note"),
                col("encoding"),
                col("charCount").as("n_chars"),
                col("sentenceCount").as("n_sentences"),
                col("tokenCount").as("n_tokens"),
                col("removedLineCount").as("n_removed_lines"),
                col("contentHash").as("content_hash"),
                col("inputPath").as("input_path")));
  }

  /** Sentence 0 is the title (when there is one); body sentences are numbered from 1. */
  public static Dataset<Row> sentences(Dataset<ProcessedArticle> processed) {
    Dataset<ProcessedArticle> loaded = processed.filter(col("rejectReason").isNull());
    Dataset<Row> titles =
        loaded
            .filter(col("title").isNotNull())
            .select(
                col("articleId").as("article_id"),
                lit(0).as("sentence_index"),
                lit(null).cast("int").as("paragraph_index"),
                lit(true).as("is_title"),
                col("title").as("text"));
    Dataset<Row> body =
        loaded
            .select(col("articleId"), col("sentenceParagraphs"),
                posexplode(col("sentences")).as(new String[] {"pos", "text"}))
            .select(
                col("articleId").as("article_id"),
                col("pos").plus(1).as("sentence_index"),
                col("sentenceParagraphs").getItem(col("pos")).as("paragraph_index"),
                lit(false).as("is_title"),
                col("text"));
    return Tables.SENTENCES.conform(titles.unionByName(body));
  }

  public static Dataset<Row> rejects(Dataset<ProcessedArticle> processed) {
    return Tables.REJECTS.conform(
        processed
            .filter(col("rejectReason").isNotNull())
            .select(
                when(col("articleId").isNotNull().and(col("inputPath").isNotNull()),
                        concat(col("inputPath"), lit(" #"), col("articleId")))
                    .otherwise(coalesce(col("inputPath"), col("articleId")))
                    .as("input"),
                col("rejectReason").as("reason"),
                col("rejectDetail").as("detail"),
                col("articleId").as("article_id"),
                col("source")));
  }
}
