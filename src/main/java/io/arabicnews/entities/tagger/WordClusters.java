package io.arabicnews.entities.tagger;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.split;

import io.arabicnews.text.AnalyzedToken;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.ml.feature.Word2VecModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Word clusters learned from unlabelled news, a feature of the name tagger: words used alike (given
 * names, cities, ministries) share a cluster, so the tagger generalises to names it never saw
 * tagged. MLlib's Word2Vec over the sentences' words in the tagger's own form (normalised, without
 * proclitics), then k-means over the vectors. Seeded, so the same sentences give the same clusters.
 */
public final class WordClusters {
  private WordClusters() {}

  /** Settings: vector size, minimum word count, clusters, seed. */
  public record Settings(int vectorSize, int minCount, int clusters, long seed) {
    public static Settings defaults() {
      return new Settings(64, 20, 256, 20130101L);
    }
  }

  /**
   * {@code word, cluster} for every word seen at least {@code minCount} times.
   *
   * @param sentences rows with a {@code text} column (the sentences table)
   */
  public static Dataset<Row> of(Dataset<Row> sentences, AnalyzerResources resources, Settings s) {
    // Words joined by spaces, then split by Spark: rows built with Java lists reach Word2Vec unconverted.
    Dataset<Row> tokenised = sentences.select(col("text")).mapPartitions((MapPartitionsFunction<Row, String>) rows -> {
      ArabicTextAnalyzer analyzer = new ArabicTextAnalyzer(resources);
      return new Iterator<String>() {
        @Override
        public boolean hasNext() {
          boolean more = rows.hasNext();
          if (!more) {
            analyzer.close();
          }
          return more;
        }

        @Override
        public String next() {
          String text = rows.next().getString(0);
          StringBuilder out = new StringBuilder();
          if (text != null) {
            for (AnalyzedToken t : analyzer.analyze(text)) {
              out.append(out.length() == 0 ? "" : " ").append(NameFeatures.lexiconForm(t.surface()));
            }
          }
          return out.toString();
        }
      };
    }, Encoders.STRING()).select(split(col("value"), " ").as("words"));
    Word2VecModel w2v = new Word2Vec().setInputCol("words").setVectorSize(s.vectorSize()).setMinCount(s.minCount())
        .setWindowSize(5).setMaxIter(1).setNumPartitions(1).setSeed(s.seed()).fit(tokenised);
    Dataset<Row> vectors = w2v.getVectors();
    KMeansModel km = new KMeans().setK(s.clusters()).setSeed(s.seed()).setMaxIter(20)
        .setFeaturesCol("vector").setPredictionCol("cluster").fit(vectors);
    return km.transform(vectors).select(col("word"), col("cluster")).orderBy("word");
  }
}
