package io.arabicnews.topics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import io.arabicnews.corpus.PerArticleIterator;
import io.arabicnews.terms.NgramExtractor;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
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

/**
 * Scores every article against the curated taxonomy: for each topic, the sum over matched keywords
 * (longest first, not overlapping) of weight × (1 + ln count). Topics below the minimum score are dropped; the rest share the
 * article's weight 1 in proportion to their scores. An article with no topic left is {@code
 * unassigned} (weight 1), so timelines show how much coverage the taxonomy does not explain.
 */
public final class CuratedTopicScorer {
  public static final Encoder<ArticleTopic> ENCODER = Encoders.bean(ArticleTopic.class);

  private CuratedTopicScorer() {}

  /** What executors need: analyser data and the compiled taxonomy. */
  public record Resources(AnalyzerResources analyzer, Taxonomy taxonomy, double minScore) implements Serializable {}

  /**
   * Each article's weights, from one pass over the sentences as ingest wrote them (an article's
   * sentences together). An article a reader split may have cut (see {@link PerArticleIterator})
   * comes as one marker row instead ({@code topicId} null): {@link #rescoreCut} weighs it whole.
   * The caller keeps the result: {@link #rescoreCut} reads it twice.
   */
  public static Dataset<ArticleTopic> score(Dataset<Row> sentences, Broadcast<Resources> resources) {
    return sentences
        .select(col("article_id"), col("text"), PerArticleIterator.inputSplit())
        .mapPartitions(
            (MapPartitionsFunction<Row, ArticleTopic>) rows -> new PartitionScorer(rows, resources.value(), 2),
            ENCODER);
  }

  /**
   * {@link #score}'s weights with its cut articles weighed again from all their sentences (found
   * by id, brought together and put in order: a few articles per reader split).
   */
  public static Dataset<ArticleTopic> rescoreCut(
      Dataset<ArticleTopic> scored, Dataset<Row> sentences, Broadcast<Resources> resources) {
    Dataset<Row> cut = scored.filter(col("topicId").isNull()).select(col("articleId").as("article_id"));
    Dataset<ArticleTopic> rescored = sentences
        .join(broadcast(cut), new String[] {"article_id"}, "left_semi")
        .repartition(col("article_id"))
        .sortWithinPartitions("article_id", "sentence_index")
        .select("article_id", "text")
        .mapPartitions(
            (MapPartitionsFunction<Row, ArticleTopic>) rows -> new PartitionScorer(rows, resources.value(), -1),
            ENCODER);
    return scored.filter(col("topicId").isNotNull()).unionByName(rescored);
  }

  /** Per-article topic weights from keyword counts. */
  static List<ArticleTopic> weigh(String articleId, Map<Taxonomy.Keyword, Integer> counts, Taxonomy taxonomy, double minScore) {
    // Summed in one fixed order (topic, keyword), not the hash map's: its order depends on what the
    // map held before, so an article weighed in another task could differ in the last bits.
    List<Map.Entry<Taxonomy.Keyword, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Comparator.comparingInt((Map.Entry<Taxonomy.Keyword, Integer> e) -> e.getKey().topic())
        .thenComparing(e -> e.getKey().written()));
    Map<Integer, Double> scores = new java.util.TreeMap<>();
    Map<Integer, List<Map.Entry<Taxonomy.Keyword, Double>>> contributions = new HashMap<>();
    for (Map.Entry<Taxonomy.Keyword, Integer> e : entries) {
      double s = e.getKey().weight() * (1 + Math.log(e.getValue()));
      scores.merge(e.getKey().topic(), s, Double::sum);
      contributions.computeIfAbsent(e.getKey().topic(), k -> new ArrayList<>()).add(Map.entry(e.getKey(), s));
    }
    scores.values().removeIf(s -> s < minScore);
    List<ArticleTopic> out = new ArrayList<>();
    if (scores.isEmpty()) {
      out.add(new ArticleTopic(articleId, Taxonomy.UNASSIGNED, 1.0, 0.0, List.of()));
      return out;
    }
    double total = scores.values().stream().mapToDouble(Double::doubleValue).sum();
    for (Map.Entry<Integer, Double> e : scores.entrySet()) {
      List<String> matched = contributions.get(e.getKey()).stream()
          .sorted(Comparator.comparing((Map.Entry<Taxonomy.Keyword, Double> c) -> -c.getValue())
              .thenComparing(c -> c.getKey().written()))
          .map(c -> c.getKey().written())
          .toList();
      out.add(new ArticleTopic(articleId, taxonomy.topics().get(e.getKey()).id(), e.getValue() / total,
          e.getValue(), new ArrayList<>(matched)));
    }
    return out;
  }

  /** A keyword key found in a sentence: its keywords, length in words and first word's position. */
  private record Match(List<Taxonomy.Keyword> keywords, int n, int position) {}

  /** Weighs one partition's articles from their sentences. */
  private static final class PartitionScorer extends PerArticleIterator<ArticleTopic> {
    private final ArabicTextAnalyzer analyzer;
    private final NgramExtractor extractor = new NgramExtractor(Taxonomy.MAX_KEYWORD_WORDS);
    private final Taxonomy taxonomy;
    private final double minScore;
    private final Map<Taxonomy.Keyword, Integer> counts = new HashMap<>();
    /** Whether an article at a partition edge may be cut (a marker row then): not when re-scoring. */
    private final boolean marksCutArticles;

    /** @param splitColumn see {@link PerArticleIterator}; -1 when every article is whole */
    PartitionScorer(Iterator<Row> rows, Resources resources, int splitColumn) {
      super(rows, splitColumn);
      this.marksCutArticles = splitColumn >= 0;
      this.analyzer = new ArabicTextAnalyzer(resources.analyzer());
      this.taxonomy = resources.taxonomy();
      this.minScore = resources.minScore();
    }

    @Override
    protected void sentence(String articleId, Row r) {
      String text = r.getString(1);
      if (text != null) {
        countKeywords(text);
      }
    }

    @Override
    protected void close() {
      analyzer.close();
    }

    /**
     * Longest keywords first, without overlaps: «القضية الفلسطينية» counts for Gaza and Palestine, not
     * also «القضية» for courts; «مجلس الأمن الروسي» not also «مجلس الأمن».
     */
    private void countKeywords(String text) {
      // Keys only: the display forms and stems of every n-gram of the sentence are never needed here.
      List<Match> found = new ArrayList<>();
      extractor.extractKeys(text, analyzer.analyze(text), (key, n, position) -> {
        if (taxonomy.mayHave(key)) {
          List<Taxonomy.Keyword> keywords = taxonomy.lookup(key.toString());
          if (keywords != null) {
            found.add(new Match(keywords, n, position));
          }
        }
      });
      found.sort(Comparator.comparingInt((Match m) -> -m.n()).thenComparingInt(Match::position));
      java.util.BitSet covered = new java.util.BitSet();
      for (Match m : found) {
        if (covered.get(m.position(), m.position() + m.n()).isEmpty()) {
          covered.set(m.position(), m.position() + m.n());
          for (Taxonomy.Keyword k : m.keywords()) {
            counts.merge(k, 1, Integer::sum);
          }
        }
      }
    }

    @Override
    protected void endArticle(String article, List<ArticleTopic> ready) {
      if (marksCutArticles && atPartitionEdge()) {
        ready.add(new ArticleTopic(article, null, 0, 0, null));
      } else {
        ready.addAll(weigh(article, counts, taxonomy, minScore));
      }
      counts.clear();
    }
  }
}
