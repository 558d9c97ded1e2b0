package io.arabicnews.append;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ClusterUpdateTest extends SparkTestBase {
  /** Two chains and a pair apart: the seeds reach their whole chain, in the driver and in Spark steps alike. */
  @Test
  void connectedFollowsChainsOfPairsInTheDriverAndInSparkSteps() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) { // c0 - c1 - ... - c6
      rows.add(RowFactory.create("c" + i, "c" + (i + 1), 0.9));
    }
    rows.add(RowFactory.create("d0", "d1", 0.8));
    rows.add(RowFactory.create("d1", "d2", 0.8));
    rows.add(RowFactory.create("e0", "e1", 0.7));
    Dataset<Row> pairs = spark().createDataFrame(rows,
        new StructType().add("a", "string").add("b", "string").add("similarity", "double"));
    Set<String> seeds = Set.of("c3", "d2", "lone");
    Set<String> expected = Set.of("c0", "c1", "c2", "c3", "c4", "c5", "c6", "d0", "d1", "d2", "lone");

    assertThat(ClusterUpdate.connected(spark(), pairs, seeds)).isEqualTo(expected);
    assertThat(ClusterUpdate.connected(spark(), pairs, seeds, 3)).isEqualTo(expected);
  }
}
