package io.arabicnews.terms;

import static org.apache.spark.sql.functions.col;

import io.arabicnews.corpus.PerArticleIterator;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Analyses sentences and counts their terms per article: one {@link TermCount} per article and term.
 * Ingest writes an article's sentences together and in order, so an article is counted in one go
 * without a shuffle; only the articles at the edges of a partition or of a reader split in it can have
 * been cut by a reader split, and their rows are flagged {@code partial} for the caller to re-aggregate.
 *
 * <p>Phrases are counted in two passes because most word sequences occur once: the first pass
 * ({@link #phraseHashCounts}) sums 64-bit hashes of every candidate phrase, which Spark aggregates
 * as fixed-width numbers; the second ({@link #count}) builds strings and display forms only for
 * words and for the phrases that reached the minimum count (stems are computed per term afterwards,
 * from the key: {@link TermTables#totals}).
 */
public final class ArticleTermCounter {
  public static final Encoder<TermCount> ENCODER = Encoders.bean(TermCount.class);
  /** Pre-aggregation table of the first pass: 2^20 slots, 16 MB per task. */
  private static final int PHRASE_TABLE_BITS = 20;

  private ArticleTermCounter() {}

  /**
   * First pass: corpus counts of candidate phrases by hash.
   *
   * @return {@code hash, term_count} per phrase hash (partial sums: aggregate by hash)
   */
  public static Dataset<Row> phraseHashCounts(
      Dataset<Row> sentences, Broadcast<AnalyzerResources> resources, int maxN) {
    return sentences
        .select("text")
        .mapPartitions(
            (MapPartitionsFunction<Row, Tuple2<Long, Long>>) rows -> {
              ArabicTextAnalyzer analyzer = new ArabicTextAnalyzer(resources.value());
              NgramExtractor extractor = new NgramExtractor(maxN);
              LongCounts counts = new LongCounts(PHRASE_TABLE_BITS);
              List<Tuple2<Long, Long>> out = new ArrayList<>();
              NgramExtractor.KeyConsumer add = (key, n, position) -> {
                if (n > 1) {
                  counts.add(TermHash.of(key), 1);
                }
              };
              while (rows.hasNext()) {
                String text = rows.next().getString(0);
                if (text != null) {
                  extractor.extractKeys(text, analyzer.analyze(text), add);
                }
                if (counts.isFull()) {
                  counts.drain((k, c) -> out.add(new Tuple2<>(k, c)));
                }
              }
              counts.drain((k, c) -> out.add(new Tuple2<>(k, c)));
              analyzer.close();
              return out.iterator();
            },
            Encoders.tuple(Encoders.LONG(), Encoders.LONG()))
        .toDF("hash", "term_count");
  }

  /**
   * Second pass: per-article counts of every word and of the phrases whose hash is in {@code
   * frequentPhrases}.
   *
   * @param sentences rows with {@code article_id} and {@code text}
   * @param frequentPhrases hashes ({@link TermHash}) of the phrases to count; null to count
   *     every phrase
   */
  public static Dataset<TermCount> count(
      Dataset<Row> sentences,
      Broadcast<AnalyzerResources> resources,
      int maxN,
      Broadcast<TermHashSet> frequentPhrases) {
    return sentences
        .select(col("article_id"), col("text"), PerArticleIterator.inputSplit())
        .mapPartitions(
            (MapPartitionsFunction<Row, TermCount>)
                rows -> new PartitionCounter(rows, resources.value(), maxN,
                    frequentPhrases == null ? null : frequentPhrases.value()),
            ENCODER);
  }

  /** Counts one partition's sentences, article by article. */
  private static final class PartitionCounter extends PerArticleIterator<TermCount> {
    private final ArabicTextAnalyzer analyzer;
    private final NgramExtractor extractor;
    private final TermHashSet frequentPhrases;
    private final Map<String, Tally> byKey = new HashMap<>();

    PartitionCounter(Iterator<Row> rows, AnalyzerResources resources, int maxN, TermHashSet frequentPhrases) {
      super(rows, 2);
      this.analyzer = new ArabicTextAnalyzer(resources);
      this.extractor = new NgramExtractor(maxN);
      this.frequentPhrases = frequentPhrases;
    }

    @Override
    protected void sentence(String articleId, Row r) {
      String text = r.getString(1);
      if (text != null) {
        extractor.extract(text, analyzer.analyze(text), this::isCounted, this::add);
      }
    }

    @Override
    protected void close() {
      analyzer.close();
    }

    private boolean isCounted(CharSequence phraseKey) {
      return frequentPhrases == null || frequentPhrases.contains(phraseKey);
    }

    private void add(Ngram g) {
      Tally t = byKey.get(g.key());
      if (t == null) {
        byKey.put(g.key(), new Tally(g.n(), g.display()));
      } else {
        t.add(g.display());
      }
    }

    @Override
    protected void endArticle(String article, List<TermCount> ready) {
      boolean partial = atPartitionEdge();
      for (Map.Entry<String, Tally> e : byKey.entrySet()) {
        Tally t = e.getValue();
        if (partial) {
          // The article may continue in another partition: one row per printed form, so that the
          // re-joined halves choose the article's most frequent form as a whole article would.
          ready.add(new TermCount(article, e.getKey(), t.n, t.firstDisplay, t.firstCount, t.firstCount, true));
          if (t.otherDisplays != null) {
            for (Map.Entry<String, long[]> d : t.otherDisplays.entrySet()) {
              long c = d.getValue()[0];
              ready.add(new TermCount(article, e.getKey(), t.n, d.getKey(), c, c, true));
            }
          }
          continue;
        }
        String bestDisplay = t.firstDisplay;
        long bestCount = t.firstCount;
        long total = t.firstCount;
        if (t.otherDisplays != null) {
          for (Map.Entry<String, long[]> d : t.otherDisplays.entrySet()) {
            long c = d.getValue()[0];
            total += c;
            if (c > bestCount || (c == bestCount && d.getKey().compareTo(bestDisplay) > 0)) {
              bestDisplay = d.getKey();
              bestCount = c;
            }
          }
        }
        ready.add(new TermCount(article, e.getKey(), t.n, bestDisplay, total, bestCount, false));
      }
      byKey.clear();
    }
  }

  /**
   * One term's occurrences in one article: nearly always printed one way, so the first printed form
   * is counted in place and a map of other forms is made only when a second form appears.
   */
  private static final class Tally {
    final int n;
    final String firstDisplay;
    long firstCount = 1;
    Map<String, long[]> otherDisplays;

    Tally(int n, String display) {
      this.n = n;
      this.firstDisplay = display;
    }

    void add(String display) {
      if (display.equals(firstDisplay)) {
        firstCount++;
      } else {
        if (otherDisplays == null) {
          otherDisplays = new HashMap<>(4);
        }
        otherDisplays.computeIfAbsent(display, d -> new long[1])[0]++;
      }
    }
  }
}
