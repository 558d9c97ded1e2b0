package io.arabicnews.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.SparkTestBase;
import java.util.Random;
import org.apache.commons.math3.special.Gamma;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class OnlineLdaTest extends SparkTestBase {

  private static void assertSameModel(LDAModel ours, LDAModel mllib) {
    assertThat(ours.topicsMatrix().numRows()).isEqualTo(mllib.topicsMatrix().numRows());
    assertThat(ours.topicsMatrix().toArray()).containsExactly(mllib.topicsMatrix().toArray());
    assertThat(ours.estimatedDocConcentration().toArray()).containsExactly(mllib.estimatedDocConcentration().toArray());
    // The fit moved the concentration away from its start, so the Newton steps were compared too.
    assertThat(ours.estimatedDocConcentration().toArray()).doesNotContain(1.0 / ours.topicsMatrix().numCols());
  }

  /**
   * 600 documents in 8 partitions (the job's count), 9 of them empty, 15 mini-batches: the topic
   * matrix and document concentration equal MLlib's fit to the last bit, and so do the weights.
   */
  @Test
  void fitIsMllibsOnlineLda() {
    Dataset<Row> docs = GeneratedDocuments.of(spark(), 600, 150, 67, 8, 42);
    LDAModel mllib = new LDA().setK(5).setMaxIter(15).setSeed(7).setOptimizer("online").fit(docs);
    LDAModel ours = OnlineLda.fit(spark(), docs, 150, 5, 15, 7);
    assertSameModel(ours, mllib);

    TopicInference inference = TopicInference.of(ours);
    for (Row r : mllib.transform(docs).select("features", "topicDistribution").collectAsList()) {
      assertThat(inference.weights(r.getAs(0))).containsExactly(((org.apache.spark.ml.linalg.Vector) r.getAs(1)).toArray());
    }
  }

  /**
   * Twelve documents in one partition: most 5% samples are empty (MLlib then skips the batch
   * without drawing its seed) and some hold only empty documents (a batch without an update).
   */
  @Test
  void smallCorpusSkipsEmptyBatchesAsMllibDoes() {
    Dataset<Row> docs = GeneratedDocuments.of(spark(), 12, 30, 2, 1, 3);
    LDAModel mllib = new LDA().setK(3).setMaxIter(30).setSeed(11).setOptimizer("online").fit(docs);
    LDAModel ours = OnlineLda.fit(spark(), docs, 30, 3, 30, 11);
    assertThat(ours.topicsMatrix().toArray()).containsExactly(mllib.topicsMatrix().toArray());
    assertThat(ours.estimatedDocConcentration().toArray()).containsExactly(mllib.estimatedDocConcentration().toArray());
  }

  /** The loop form of digamma gives commons-math's recursive results bit for bit, across its branches. */
  @Test
  void digammaIsCommonsMaths() {
    Digamma digamma = new Digamma();
    Random random = new Random(5);
    double[] fixed = {1e-6, 1e-5, 1.0000001e-5, 0.05, 0.5, 1, 1.5, 48.999999, 49, 49.0000001, 100, 1e6, 0, -0.5, -3,
        Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE};
    for (double x : fixed) {
      assertThat(Double.doubleToRawLongBits(digamma.of(x))).as("digamma(%s)", x)
          .isEqualTo(Double.doubleToRawLongBits(Gamma.digamma(x)));
    }
    for (int i = 0; i < 200_000; i++) {
      double x = switch (i % 4) {
        case 0 -> random.nextDouble() * 0.2;
        case 1 -> random.nextDouble() * 60;
        case 2 -> Math.exp(random.nextDouble() * 30 - 15);
        default -> 1e-5 + random.nextDouble() * 1e-3;
      };
      assertThat(digamma.of(x)).as("digamma(%s)", x).isEqualTo(Gamma.digamma(x));
    }
  }
}
