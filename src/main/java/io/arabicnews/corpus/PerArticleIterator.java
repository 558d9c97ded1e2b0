package io.arabicnews.corpus;

import static org.apache.spark.sql.functions.input_file_block_start;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * Streams a partition of sentence rows (first column {@code article_id}) one article at a time:
 * {@link #sentence} is called for each row, {@link #endArticle} when the next article starts or the
 * partition ends, and whatever it emits is returned. Ingest writes an article's sentences together and
 * in order, so per-article work (counts, surname rules, topic weights) needs no shuffle.
 *
 * <p>A reader split can still cut an article: Spark splits a file larger than its split size and
 * packs splits of several files into one partition, so a cut can fall inside a partition, not only
 * at its edges. Given a column holding each row's {@link #inputSplit}, the articles on either side of
 * a change of split count as at an edge too ({@link #atPartitionEdge}).
 */
public abstract class PerArticleIterator<O> implements Iterator<O> {
  private final Iterator<Row> rows;
  private final int splitColumn;
  private long split;
  private boolean touchesSplitEdge;
  private final List<O> ready = new ArrayList<>();
  private int readyIndex;
  private String article;
  private boolean closed;
  private long articlesEnded;
  private boolean atEdge;

  protected PerArticleIterator(Iterator<Row> rows) {
    this(rows, -1);
  }

  /** @param splitColumn index of the rows' {@link #inputSplit} column (-1: none) */
  protected PerArticleIterator(Iterator<Row> rows, int splitColumn) {
    this.rows = rows;
    this.splitColumn = splitColumn;
  }

  /**
   * Which reader split (file and block) a row was read from: select it beside the columns read,
   * straight over the file scan (over rows not read from files it is constant).
   */
  public static Column inputSplit() {
    return xxhash64(input_file_name(), input_file_block_start()).as("input_split");
  }

  /** One sentence row of {@code articleId}. */
  protected abstract void sentence(String articleId, Row row);

  /** The article is complete: add its results to {@code out} and reset per-article state. */
  protected abstract void endArticle(String articleId, List<O> out);

  /** Called once when the partition is exhausted (release analysers). */
  protected void close() {}

  /**
   * During {@link #endArticle}: whether the article is the first or the last of this partition or
   * (given the split column) of a reader split in it, the only places where a reader split could
   * have cut an article in two. Results of every other article are complete and need no further
   * aggregation.
   */
  protected final boolean atPartitionEdge() {
    return atEdge;
  }

  private void end(String id, boolean last) {
    atEdge = articlesEnded++ == 0 || last || touchesSplitEdge;
    endArticle(id, ready);
  }

  @Override
  public final boolean hasNext() {
    while (readyIndex >= ready.size()) {
      ready.clear();
      readyIndex = 0;
      if (!rows.hasNext()) {
        if (article == null) {
          if (!closed) {
            closed = true;
            close();
          }
          return false;
        }
        end(article, true);
        article = null;
        continue;
      }
      Row r = rows.next();
      String id = r.getString(0);
      boolean splitChanged = false;
      if (splitColumn >= 0) {
        long rowSplit = r.getLong(splitColumn);
        splitChanged = article != null && rowSplit != split;
        split = rowSplit;
      }
      if (article != null && !article.equals(id)) {
        // The article before a change of split may continue elsewhere, and the one after may have begun elsewhere.
        touchesSplitEdge |= splitChanged;
        end(article, false);
        touchesSplitEdge = splitChanged;
      } else {
        touchesSplitEdge |= splitChanged;
      }
      article = id;
      sentence(id, r);
    }
    return true;
  }

  @Override
  public final O next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.get(readyIndex++);
  }
}
