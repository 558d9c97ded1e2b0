package io.arabicnews.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.arabicnews.SparkTestBase;
import java.util.List;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TopicInferenceTest extends SparkTestBase {

  /**
   * 400 documents drawn from three word groups (each document mostly one group), 6 of them empty:
   * our inference must give the topic weights MLlib's transform gives, document by document, to the
   * last bit (same start values, same BLAS calls, same order of sums).
   */
  @Test
  void weightsAreMllibsTransform() {
    Dataset<Row> docs = GeneratedDocuments.of(spark(), 400, 150, 67, 2, 42);
    LDAModel model = new LDA().setK(4).setMaxIter(10).setSeed(7).setOptimizer("online").fit(docs);
    TopicInference inference = TopicInference.of(model, Digamma.Kind.MLLIB);

    List<Row> expected = model.transform(docs).select("article_id", "features", "topicDistribution").collectAsList();
    assertThat(expected).hasSize(400);
    int empty = 0;
    for (Row r : expected) {
      Vector mllib = r.getAs(2);
      double[] ours = inference.weights(r.getAs(1));
      assertThat(ours).as("document %s", r.getString(0)).containsExactly(mllib.toArray());
      if (((Vector) r.getAs(1)).numNonzeros() == 0) {
        empty++;
        assertThat(ours).containsOnly(0.0);
      } else {
        assertThat(java.util.Arrays.stream(ours).sum()).isCloseTo(1.0, within(1e-12));
      }
    }
    assertThat(empty).isEqualTo(6);
  }
}
