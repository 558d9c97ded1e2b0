package io.arabicnews.corpus;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import io.arabicnews.tables.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Projects processed articles onto the ingest tables: articles, sentences and rejects. */
public final class ArticleTables {
  private ArticleTables() {}

  /** @param duplicates {@link io.arabicnews.duplicates.NearDuplicates#clusters} of the same articles */
  public static Dataset<Row> articles(Dataset<ProcessedArticle> processed, Dataset<Row> duplicates) {
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
                col("inputPath").as("input_path"))
            .join(duplicates, "article_id"));
  }

  /** What near-duplicate detection reads: {@code article_id, published_date, n_chars, shingles}. */
  public static Dataset<Row> shingles(Dataset<ProcessedArticle> processed) {
    return processed
        .filter(col("rejectReason").isNull())
        .select(col("articleId").as("article_id"), col("publishedDate").as("published_date"),
            col("charCount").as("n_chars"), col("shingles"));
  }

  /**
   * Sentence 0 is the title (when there is one); body sentences are numbered from 1. One explode per
   * article keeps an article's sentences together and in order, which the term stage relies on to
   * count an article in one go.
   */
  public static Dataset<Row> sentences(Dataset<ProcessedArticle> processed) {
    Column titleRow =
        when(col("title").isNotNull(),
                array(struct(lit(0).as("sentence_index"), lit(null).cast("int").as("paragraph_index"),
                    lit(true).as("is_title"), col("title").as("text"))))
            .otherwise(array().cast("array<struct<sentence_index:int,paragraph_index:int,is_title:boolean,text:string>>"));
    Column bodyRows =
        transform(col("sentences"), (text, i) -> struct(i.plus(1).as("sentence_index"),
            col("sentenceParagraphs").getItem(i).as("paragraph_index"), lit(false).as("is_title"), text.as("text")));
    return Tables.SENTENCES.conform(
        processed
            .filter(col("rejectReason").isNull())
            .select(col("articleId").as("article_id"), explode(concat(titleRow, bodyRows)).as("s"))
            .select(col("article_id"), col("s.sentence_index"), col("s.paragraph_index"), col("s.is_title"), col("s.text")));
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
