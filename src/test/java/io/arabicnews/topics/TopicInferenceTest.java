package io.arabicnews.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.arabicnews.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TopicInferenceTest extends SparkTestBase {

  /**
   * 400 documents drawn from three word groups (each document mostly one group), 6 of them empty:
   * our inference must give the topic weights MLlib's transform gives, document by document, to the
   * last bit (same start values, same BLAS calls, same order of sums).
   */
  @Test
  void weightsAreMllibsTransform() {
    Random random = new Random(42);
    int vocabulary = 150;
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < 400; d++) {
      TreeMap<Integer, Double> counts = new TreeMap<>();
      if (d % 67 != 0) {
        int group = random.nextInt(3);
        int length = 5 + random.nextInt(120);
        for (int i = 0; i < length; i++) {
          int word = random.nextDouble() < 0.8 ? group * 50 + random.nextInt(50) : random.nextInt(vocabulary);
          counts.merge(word, 1.0, Double::sum);
        }
      }
      rows.add(RowFactory.create(d, Vectors.sparse(vocabulary,
          counts.keySet().stream().mapToInt(Integer::intValue).toArray(),
          counts.values().stream().mapToDouble(Double::doubleValue).toArray())));
    }
    Dataset<Row> docs = spark().createDataFrame(rows,
        new StructType().add("doc", DataTypes.IntegerType).add("features", new VectorUDT())).repartition(2).cache();
    LDAModel model = new LDA().setK(4).setMaxIter(10).setSeed(7).setOptimizer("online").fit(docs);
    TopicInference inference = TopicInference.of(model);

    List<Row> expected = model.transform(docs).select("doc", "features", "topicDistribution").collectAsList();
    assertThat(expected).hasSize(400);
    int empty = 0;
    for (Row r : expected) {
      Vector mllib = r.getAs(2);
      double[] ours = inference.weights(r.getAs(1));
      assertThat(ours).as("document %d", r.getInt(0)).containsExactly(mllib.toArray());
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
