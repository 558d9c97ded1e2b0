package io.arabicnews.topics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import lombok.extern.slf4j.Slf4j;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Fits LDA by online variational Bayes exactly as Spark MLlib 4.1 does when spark.ml's {@code LDA}
 * runs its online optimizer with the defaults (learning offset 1024, decay 0.51, mini-batches of 5%
 * sampled with replacement, document concentration 1/k optimised after each batch, topic
 * concentration 1/k, gamma shape 100): the same start matrix, the same mini-batches (the same
 * {@code RDD.sample} over the same partitions and seeds), the same per-document inference ({@link
 * DocumentInference}), the same tree aggregation of the partition statistics and the same updates,
 * so with {@link Digamma.Kind#MLLIB} the same model to the last bit ({@code OnlineLdaTest} compares
 * it with MLlib's), and with the accurate {@link Digamma.Kind#FAST} the jobs use, MLlib's to rounding.
 *
 * <p>Why not MLlib's own: its E-step slices the topic matrix per document through boxed indices and
 * adds the statistics back through breeze slices, it converts every cached document to an RDD row
 * in each iteration to sample 5% of them, and it runs an extra job per iteration to ask whether the
 * sample is empty. In a profile of the 1× topics job those were most of the fit's 75 s.
 */
@Slf4j
final class OnlineLda {
  static final double LEARNING_OFFSET = 1024;
  static final double LEARNING_DECAY = 0.51;
  static final double SUBSAMPLING_RATE = 0.05;
  static final double GAMMA_SHAPE = 100;

  private OnlineLda() {}

  /**
   * @param docs cached documents with a {@code features} vector column of size {@code vocabSize}, in
   *     the partitions and order the fit should sample (see {@link LearnedTopics#documents})
   */
  static LocalLDAModel fit(
      SparkSession spark, Dataset<Row> docs, int vocabSize, int k, int iterations, long seed, Digamma.Kind digamma) {
    long t0 = System.nanoTime();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int features = docs.schema().fieldIndex("features");
    // The cached rows themselves: only the sampled ones are turned into vectors.
    JavaRDD<InternalRow> rows = docs.queryExecution().toRdd().toJavaRDD();
    long corpusSize = docs.count();
    double eta = 1.0 / k;
    double[] alpha = new double[k];
    Arrays.fill(alpha, 1.0 / k);
    Random random = new Random(seed);
    // lambda, topic-major ([topic * vocabSize + term]): Gamma(100, 1/100) draws in MLlib's order.
    double[] lambda = DocumentInference.gammaDraws(random.nextLong(), GAMMA_SHAPE, k * vocabSize);

    int iteration = 0;
    int batches = 0;
    for (int i = 0; i < iterations; i++) {
      JavaRDD<InternalRow> batch = rows.rdd().sample(true, SUBSAMPLING_RATE, random.nextLong()).toJavaRDD();
      // MLlib draws the statistics' seed only for a non-empty sample; here one job tells both, so
      // the draw is made on a copy and kept only if the sample had documents.
      Random peek = copy(random);
      long statsSeed = peek.nextLong();
      double[] expElogbeta = TopicInference.expElogbeta(lambda, k, vocabSize);
      Broadcast<double[]> expElogbetaShared = jsc.broadcast(expElogbeta);
      double[] batchAlpha = alpha; // the closure needs an effectively final name; alpha is replaced, never changed
      // An empty start for the aggregation: a k × vocabulary matrix of zeros would be serialised
      // into every task; adding to nothing gives the same numbers as adding to zeros.
      BatchStats zero = BatchStats.none();
      BatchStats total = batch
          .mapPartitionsWithIndex((index, docsOfPartition) -> List.of(BatchStats.of(docsOfPartition, features,
              expElogbetaShared.value(), batchAlpha, DocumentInference.gammaDraws(statsSeed + index, GAMMA_SHAPE, k),
              vocabSize, digamma)).iterator(), true)
          .treeAggregate(zero, BatchStats::add, BatchStats::add, 2, true);
      expElogbetaShared.destroy();
      if (total.sampled == 0) {
        continue;
      }
      random = peek;
      iteration++;
      if (total.nonEmpty == 0) {
        log.warn("No non-empty documents in LDA mini-batch {}", iteration);
        continue;
      }
      batches++;
      double weight = Math.pow(LEARNING_OFFSET + iteration, -LEARNING_DECAY);
      updateLambda(lambda, total, expElogbeta, weight, corpusSize, eta);
      double[] logphat = new double[k];
      for (int t = 0; t < k; t++) {
        logphat[t] = total.logphat[t] / (double) total.nonEmpty;
      }
      alpha = updatedAlpha(alpha, logphat, total.nonEmpty, weight);
    }
    log.info("Online LDA: {} documents, {} terms, k={}, {} iterations ({} mini-batches with documents) in {} s",
        corpusSize, vocabSize, k, iterations, batches, String.format("%.1f", (System.nanoTime() - t0) / 1e9));

    // MLlib's model over lambda (topic-major is the column-major layout of its vocabulary × k matrix).
    org.apache.spark.mllib.clustering.LocalLDAModel fitted = new org.apache.spark.mllib.clustering.LocalLDAModel(
        new org.apache.spark.mllib.linalg.DenseMatrix(vocabSize, k, lambda),
        org.apache.spark.mllib.linalg.Vectors.dense(alpha), eta, GAMMA_SHAPE);
    return new LocalLDAModel(Identifiable.randomUID("lda"), vocabSize, fitted, spark);
  }

  /**
   * Moves lambda towards the batch's estimate, scaled to the corpus, by the learning rate {@code
   * weight} (MLlib's {@code updateLambda}, operation for operation).
   */
  static void updateLambda(double[] lambda, BatchStats total, double[] expElogbeta, double weight, long corpusSize,
      double eta) {
    int k = total.logphat.length;
    int vocabSize = lambda.length / k;
    // MLlib's batch size is the expected one, not the sample's: ceil(5% of the corpus).
    int batchSize = (int) Math.ceil(SUBSAMPLING_RATE * corpusSize);
    double scale = (double) corpusSize / (double) batchSize;
    for (int t = 0; t < k; t++) {
      int row = t * vocabSize;
      for (int w = 0; w < vocabSize; w++) {
        double stat = total.stat[t + w * k] * expElogbeta[w * k + t];
        lambda[row + w] = (1 - weight) * lambda[row + w] + weight * (stat * scale + eta);
      }
    }
  }

  /**
   * One Newton step on the document concentration from the batch's mean E[log theta], applied only
   * if every entry stays positive (MLlib's {@code updateAlpha}, operation for operation).
   */
  static double[] updatedAlpha(double[] alpha, double[] logphat, double documents, double weight) {
    int k = alpha.length;
    double[] expectation = new double[k];
    new Digamma(Digamma.Kind.MLLIB).dirichletExpectation(alpha, expectation);
    double alphaSum = 0;
    for (double a : alpha) {
      alphaSum += a;
    }
    double[] gradf = new double[k];
    double[] q = new double[k];
    for (int t = 0; t < k; t++) {
      gradf[t] = documents * (-expectation[t] + logphat[t]);
      q[t] = -documents * org.apache.commons.math3.special.Gamma.trigamma(alpha[t]);
    }
    double c = documents * org.apache.commons.math3.special.Gamma.trigamma(alphaSum);
    double gradfOverQ = 0;
    double inverseQ = 0;
    for (int t = 0; t < k; t++) {
      gradfOverQ += gradf[t] / q[t];
    }
    for (int t = 0; t < k; t++) {
      inverseQ += 1.0 / q[t];
    }
    double b = gradfOverQ / (1.0 / c + inverseQ);
    double[] step = new double[k];
    for (int t = 0; t < k; t++) {
      step[t] = weight * (-(gradf[t] - b) / q[t]);
      if (!(step[t] + alpha[t] > 0)) {
        return alpha;
      }
    }
    double[] updated = alpha.clone();
    for (int t = 0; t < k; t++) {
      updated[t] = updated[t] + step[t];
    }
    return updated;
  }

  private static Random copy(Random random) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(random);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (Random) in.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A mini-batch's sufficient statistics: per partition, then summed. */
  static final class BatchStats implements Serializable {
    private static final long serialVersionUID = 1L;
    /** k × vocabulary, column-major ({@code [term * k + topic]}), as MLlib's matrix; null in {@link #none}. */
    double[] stat;
    /** Σ E[log theta] over the non-empty documents; null in {@link #none}. */
    double[] logphat;
    long nonEmpty;
    long sampled;

    BatchStats(int k, int vocabSize) {
      this.stat = new double[k * vocabSize];
      this.logphat = new double[k];
    }

    private BatchStats() {}

    /** Nothing yet: the zero of {@link #add}. */
    static BatchStats none() {
      return new BatchStats();
    }

    static BatchStats of(Iterator<InternalRow> rows, int features, double[] expElogbeta, double[] alpha,
        double[] startGamma, int vocabSize, Digamma.Kind digammaKind) {
      int k = alpha.length;
      BatchStats stats = new BatchStats(k, vocabSize);
      DocumentInference inference = new DocumentInference(k, alpha, startGamma, digammaKind);
      Digamma digamma = new Digamma(digammaKind);
      VectorUDT udt = new VectorUDT();
      double[] expectation = new double[k];
      while (rows.hasNext()) {
        InternalRow row = rows.next();
        stats.sampled++;
        Vector counts = udt.deserialize(row.getStruct(features, 4));
        if (counts.numNonzeros() == 0) {
          continue;
        }
        stats.nonEmpty++;
        int[] ids;
        double[] cts;
        if (counts instanceof SparseVector sparse) {
          ids = sparse.indices();
          cts = sparse.values();
        } else {
          cts = ((DenseVector) counts).values();
          ids = java.util.stream.IntStream.range(0, cts.length).toArray();
        }
        inference.infer(expElogbeta, ids, cts);
        for (int j = 0; j < ids.length; j++) {
          double ratio = cts[j] / inference.phiNorm[j];
          int column = ids[j] * k;
          for (int t = 0; t < k; t++) {
            stats.stat[column + t] += inference.expElogtheta[t] * ratio;
          }
        }
        digamma.dirichletExpectation(inference.gamma, expectation);
        for (int t = 0; t < k; t++) {
          stats.logphat[t] += expectation[t];
        }
      }
      return stats;
    }

    /**
     * Element-wise sum into this (MLlib's {@code elementWiseSum}); {@code other} is not used again. Into
     * {@link #none} it takes other's arrays: 0 + x is x for every statistic here (none is −0: the
     * matrix sums positive products, logphat negative digamma differences).
     */
    BatchStats add(BatchStats other) {
      nonEmpty += other.nonEmpty;
      sampled += other.sampled;
      if (other.stat == null) {
        return this;
      }
      if (stat == null) {
        stat = other.stat;
        logphat = other.logphat;
        return this;
      }
      for (int i = 0; i < stat.length; i++) {
        stat[i] += other.stat[i];
      }
      for (int t = 0; t < logphat.length; t++) {
        logphat[t] += other.logphat[t];
      }
      return this;
    }
  }
}
