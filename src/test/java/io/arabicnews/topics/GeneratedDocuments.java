package io.arabicnews.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** LDA documents for the topic tests: term counts drawn mostly from one of three word groups. */
final class GeneratedDocuments {
  private GeneratedDocuments() {}

  /**
   * {@code count} cached documents ({@code article_id} a0000…, {@code features}) of 5–124 words over
   * {@code vocabulary} terms, 80% from the document's group; every {@code emptyEvery}-th one (from
   * the first) empty.
   */
  static Dataset<Row> of(SparkSession spark, int count, int vocabulary, int emptyEvery, int partitions, long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < count; d++) {
      TreeMap<Integer, Double> counts = new TreeMap<>();
      if (d % emptyEvery != 0) {
        int group = random.nextInt(3);
        int length = 5 + random.nextInt(120);
        for (int i = 0; i < length; i++) {
          int word = random.nextDouble() < 0.8 ? group * (vocabulary / 3) + random.nextInt(vocabulary / 3)
              : random.nextInt(vocabulary);
          counts.merge(word, 1.0, Double::sum);
        }
      }
      rows.add(RowFactory.create(String.format("a%04d", d), Vectors.sparse(vocabulary,
          counts.keySet().stream().mapToInt(Integer::intValue).toArray(),
          counts.values().stream().mapToDouble(Double::doubleValue).toArray())));
    }
    return spark.createDataFrame(rows,
            new StructType().add("article_id", DataTypes.StringType).add("features", new VectorUDT()))
        .repartition(partitions).cache();
  }
}
