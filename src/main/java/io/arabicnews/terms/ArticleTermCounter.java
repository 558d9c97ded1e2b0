package io.arabicnews.terms;

import io.arabicnews.corpus.PerArticleIterator;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Analyses sentences and counts their terms per article: one {@link TermCount} per article and term.
 * Ingest writes an article's sentences together and in order, so counts are summed per article
 * before they leave the partition; callers aggregate again in case an article was split.
 */
public final class ArticleTermCounter {
  public static final Encoder<TermCount> ENCODER = Encoders.bean(TermCount.class);

  private ArticleTermCounter() {}

  /**
   * @param sentences rows with {@code article_id} and {@code text}
   * @param keptPhrases phrase keys to count (unigrams are always counted); null to count every
   *     candidate phrase
   */
  public static Dataset<TermCount> count(
      Dataset<Row> sentences,
      Broadcast<AnalyzerResources> resources,
      int maxN,
      Broadcast<Set<String>> keptPhrases) {
    return sentences
        .select("article_id", "text")
        .mapPartitions(
            (MapPartitionsFunction<Row, TermCount>)
                rows -> new PartitionCounter(rows, resources.value(), maxN,
                    keptPhrases == null ? null : keptPhrases.value()),
            ENCODER);
  }

  /** Counts one partition's sentences, article by article. */
  private static final class PartitionCounter extends PerArticleIterator<TermCount> {
    private final ArabicTextAnalyzer analyzer;
    private final NgramExtractor extractor;
    private final Set<String> keptPhrases;
    private final Map<String, Map<String, long[]>> countsByKey = new HashMap<>();
    private final Map<String, Ngram> firstByKey = new HashMap<>();

    PartitionCounter(Iterator<Row> rows, AnalyzerResources resources, int maxN, Set<String> keptPhrases) {
      super(rows);
      this.analyzer = new ArabicTextAnalyzer(resources);
      this.extractor = new NgramExtractor(maxN);
      this.keptPhrases = keptPhrases;
    }

    @Override
    protected void sentence(String articleId, Row r) {
      String text = r.getString(1);
      if (text != null) {
        extractor.extract(text, analyzer.analyze(text), this::add);
      }
    }

    @Override
    protected void close() {
      analyzer.close();
    }

    private void add(Ngram g) {
      if (g.n() > 1 && keptPhrases != null && !keptPhrases.contains(g.key())) {
        return;
      }
      countsByKey.computeIfAbsent(g.key(), k -> new HashMap<>(2))
          .computeIfAbsent(g.display(), d -> new long[1])[0]++;
      firstByKey.putIfAbsent(g.key(), g);
    }

    @Override
    protected void endArticle(String article, List<TermCount> ready) {
      for (Map.Entry<String, Map<String, long[]>> e : countsByKey.entrySet()) {
        Ngram g = firstByKey.get(e.getKey());
        long total = 0;
        String bestDisplay = null;
        long bestCount = -1;
        for (Map.Entry<String, long[]> d : e.getValue().entrySet()) {
          long c = d.getValue()[0];
          total += c;
          if (c > bestCount || (c == bestCount && d.getKey().compareTo(bestDisplay) > 0)) {
            bestDisplay = d.getKey();
            bestCount = c;
          }
        }
        ready.add(new TermCount(article, e.getKey(), g.n(), bestDisplay, g.stem(), total, bestCount));
      }
      countsByKey.clear();
      firstByKey.clear();
    }
  }
}
