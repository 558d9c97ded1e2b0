package io.arabicnews.corpus;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * Streams a partition of sentence rows (first column {@code article_id}) one article at a time:
 * {@link #sentence} is called for each row, {@link #endArticle} when the next article starts or the
 * partition ends, and whatever it emits is returned. Ingest writes an article's sentences together and
 * in order, so per-article work (counts, surname rules, topic weights) needs no shuffle.
 */
public abstract class PerArticleIterator<O> implements Iterator<O> {
  private final Iterator<Row> rows;
  private final List<O> ready = new ArrayList<>();
  private int readyIndex;
  private String article;
  private boolean closed;
  private long articlesEnded;
  private boolean atEdge;

  protected PerArticleIterator(Iterator<Row> rows) {
    this.rows = rows;
  }

  /** One sentence row of {@code articleId}. */
  protected abstract void sentence(String articleId, Row row);

  /** The article is complete: add its results to {@code out} and reset per-article state. */
  protected abstract void endArticle(String articleId, List<O> out);

  /** Called once when the partition is exhausted (release analysers). */
  protected void close() {}

  /**
   * During {@link #endArticle}: whether the article is the first or the last of this partition, the
   * only places where a reader split could have cut an article in two. Results of every other
   * article are complete and need no further aggregation.
   */
  protected final boolean atPartitionEdge() {
    return atEdge;
  }

  private void end(String id, boolean last) {
    atEdge = articlesEnded++ == 0 || last;
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
      if (article != null && !article.equals(id)) {
        end(article, false);
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
