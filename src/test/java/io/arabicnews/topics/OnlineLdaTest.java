package io.arabicnews.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.arabicnews.SparkTestBase;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.apache.commons.math3.special.Gamma;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.linalg.Vector;
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
    LDAModel ours = OnlineLda.fit(spark(), docs, 150, 5, 15, 7, Digamma.Kind.MLLIB);
    assertSameModel(ours, mllib);

    TopicInference inference = TopicInference.of(ours, Digamma.Kind.MLLIB);
    for (Row r : mllib.transform(docs).select("features", "topicDistribution").collectAsList()) {
      assertThat(inference.weights(r.getAs(0))).containsExactly(((Vector) r.getAs(1)).toArray());
    }
  }

  /**
   * What the jobs run: the same fit with the accurate digamma in the per-document inference. It
   * differs from MLlib's only by commons-math's digamma error (below 3e-9, nearly cancelling in the
   * differences LDA takes), so the model and the weights agree far below anything a reader sees.
   */
  @Test
  void fitWithTheFastDigammaIsMllibsToRoundingError() {
    Dataset<Row> docs = GeneratedDocuments.of(spark(), 600, 150, 67, 8, 42);
    LDAModel mllib = new LDA().setK(5).setMaxIter(15).setSeed(7).setOptimizer("online").fit(docs);
    LDAModel ours = OnlineLda.fit(spark(), docs, 150, 5, 15, 7, Digamma.Kind.FAST);

    double[] expected = mllib.topicsMatrix().toArray();
    double[] actual = ours.topicsMatrix().toArray();
    assertThat(actual).hasSameSizeAs(expected);
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.abs(expected[i]));
    }
    // Measured: 1.1e-7 at most (a document's inference can stop one iteration earlier or later).
    assertThat(worst).as("largest relative difference in the topic matrix").isLessThan(1e-6).isGreaterThan(0);
    assertThat(ours.estimatedDocConcentration().toArray())
        .containsExactly(mllib.estimatedDocConcentration().toArray(), within(1e-9));

    TopicInference inference = TopicInference.of(ours, Digamma.Kind.FAST);
    double worstWeight = 0;
    for (Row r : mllib.transform(docs).select("features", "topicDistribution").collectAsList()) {
      double[] mllibWeights = ((Vector) r.getAs(1)).toArray();
      double[] ourWeights = inference.weights(r.getAs(0));
      for (int t = 0; t < mllibWeights.length; t++) {
        worstWeight = Math.max(worstWeight, Math.abs(ourWeights[t] - mllibWeights[t]));
      }
    }
    assertThat(worstWeight).as("largest difference in a topic weight").isLessThan(1e-6);
  }

  /**
   * Twelve documents in one partition: most 5% samples are empty (MLlib then skips the batch
   * without drawing its seed) and some hold only empty documents (a batch without an update).
   */
  @Test
  void smallCorpusSkipsEmptyBatchesAsMllibDoes() {
    Dataset<Row> docs = GeneratedDocuments.of(spark(), 12, 30, 2, 1, 3);
    LDAModel mllib = new LDA().setK(3).setMaxIter(30).setSeed(11).setOptimizer("online").fit(docs);
    LDAModel ours = OnlineLda.fit(spark(), docs, 30, 3, 30, 11, Digamma.Kind.MLLIB);
    assertThat(ours.topicsMatrix().toArray()).containsExactly(mllib.topicsMatrix().toArray());
    assertThat(ours.estimatedDocConcentration().toArray()).containsExactly(mllib.estimatedDocConcentration().toArray());
  }

  /** The loop form of digamma gives commons-math's recursive results bit for bit, across its branches. */
  @Test
  void digammaIsCommonsMaths() {
    Digamma digamma = new Digamma(Digamma.Kind.MLLIB);
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

  /**
   * The fast digamma against values known in closed form, ψ(n) = H(n−1) − γ and ψ(n + ½) = −γ − 2 ln 2 +
   * Σ 2/(2k − 1), worked out in 40-digit decimals; and the recurrence ψ(x + 1) = ψ(x) + 1/x across
   * random arguments, which ties the shifted and unshifted ranges together. commons-math, which MLlib
   * uses, is 2.9e-9 off at ψ(1) (its series has the x^-4 term's sign reversed).
   */
  @Test
  void fastDigammaIsAccurate() {
    MathContext mc = new MathContext(40);
    BigDecimal euler = new BigDecimal("0.5772156649015328606065120900824024310422");
    BigDecimal ln2 = new BigDecimal("0.6931471805599453094172321214581765680755");
    Digamma fast = new Digamma(Digamma.Kind.FAST);
    BigDecimal harmonic = BigDecimal.ZERO;
    BigDecimal odd = BigDecimal.ZERO;
    for (int n = 1; n <= 120; n++) {
      double atN = euler.negate().add(harmonic).doubleValue();
      odd = odd.add(BigDecimal.valueOf(2).divide(BigDecimal.valueOf(2L * n - 1), mc));
      double atHalf = euler.negate().subtract(ln2.multiply(BigDecimal.valueOf(2))).add(odd).doubleValue();
      // A few ulps of the terms summed (ln y and the fraction, about 2.3 at the root of psi near 1.46).
      assertThat(fast.of(n)).as("psi(%d)", n)
          .isCloseTo(atN, within(4 * Math.ulp(Math.max(Math.abs(atN), 4.0))));
      assertThat(fast.of(n + 0.5)).as("psi(%d.5)", n)
          .isCloseTo(atHalf, within(4 * Math.ulp(Math.max(Math.abs(atHalf), 4.0))));
      harmonic = harmonic.add(BigDecimal.ONE.divide(BigDecimal.valueOf(n), mc));
    }
    Random random = new Random(9);
    for (int i = 0; i < 100_000; i++) {
      double x = i % 2 == 0 ? 2e-5 + random.nextDouble() * 12 : Math.exp(random.nextDouble() * 20 - 8);
      double step = fast.of(x + 1) - fast.of(x);
      assertThat(step).as("psi(%s + 1) - psi(%s)", x, x)
          .isCloseTo(1 / x, within(1e-14 * Math.max(1, 1 / x) + 8 * Math.ulp(fast.of(x + 1))));
    }
    assertThat(Gamma.digamma(1) + 0.5772156649015329).as("commons-math's error at 1").isCloseTo(-2.89e-9,
        within(1e-11));
    assertThat(fast.of(1)).isEqualTo(-0.5772156649015329, within(2e-16));
  }
}
