package io.arabicnews.topics;

import breeze.stats.distributions.Gamma;
import breeze.stats.distributions.RandBasis;
import dev.ludovic.netlib.blas.BLAS;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Online LDA's variational inference for one document (Hoffman, Blei, Bach 2010), as Spark MLlib
 * 4.1 runs it in {@code OnlineLDAOptimizer.variationalTopicInference} for both fitting and {@code
 * transform}: the same start values, the same two matrix-vector products through the BLAS breeze
 * calls (same arguments, so the sums run in the same order), the same element-wise steps and the same
 * stopping rule (mean change of gamma at most 1e-3). Over primitive arrays kept between documents,
 * where MLlib slices the topic matrix per document through boxed indices. Not thread-safe: one per
 * task.
 */
final class DocumentInference {
  private final int k;
  private final double[] alpha;
  private final double[] initialGamma;
  private final Digamma digamma;
  private final BLAS blas = BLAS.getInstance();

  /** After {@link #infer}: the document's gamma, exp(E[log theta]) and the normaliser per term. */
  final double[] gamma;
  final double[] expElogtheta;
  double[] phiNorm = new double[64];

  private final double[] last;
  private final double[] product;
  private double[] ratio = new double[64];
  /** The document's rows of expElogbeta, column-major (n × k), as MLlib slices them. */
  private double[] beta;

  DocumentInference(int k, double[] alpha, double[] initialGamma, Digamma.Kind digamma) {
    this.k = k;
    this.digamma = new Digamma(digamma);
    this.alpha = alpha;
    this.initialGamma = initialGamma;
    this.gamma = new double[k];
    this.expElogtheta = new double[k];
    this.last = new double[k];
    this.product = new double[k];
    this.beta = new double[64 * k];
  }

  /**
   * {@code count} draws of breeze's Gamma(shape, 1/shape) over a Mersenne Twister seeded with {@code
   * seed}, as MLlib draws its start values: k of them start every document's gamma (drawn afresh for
   * each document from the same seed, so the same for all), k × vocabulary the topic matrix.
   */
  static double[] gammaDraws(long seed, double gammaShape, int count) {
    Gamma gamma = new Gamma(gammaShape, 1.0 / gammaShape, new RandBasis(new MersenneTwister(seed)));
    double[] draws = new double[count];
    for (int i = 0; i < count; i++) {
      draws[i] = gamma.draw$mcD$sp();
    }
    return draws;
  }

  /**
   * @param expElogbeta exp(E[log beta]), term-major: {@code [term * k + topic]}
   * @param ids the document's term indices (at least one)
   * @param cts their counts
   */
  void infer(double[] expElogbeta, int[] ids, double[] cts) {
    int n = ids.length;
    if (phiNorm.length < n) {
      int capacity = Math.max(n, 2 * phiNorm.length);
      phiNorm = new double[capacity];
      ratio = new double[capacity];
      beta = new double[capacity * k];
    }
    for (int i = 0; i < n; i++) {
      int row = ids[i] * k;
      for (int t = 0; t < k; t++) {
        beta[t * n + i] = expElogbeta[row + t];
      }
    }
    System.arraycopy(initialGamma, 0, gamma, 0, k);
    expDirichletExpectation(gamma, expElogtheta);
    phiNorm(n);
    double meanChange = 1;
    while (meanChange > 1e-3) {
      System.arraycopy(gamma, 0, last, 0, k);
      for (int i = 0; i < n; i++) {
        ratio[i] = cts[i] / phiNorm[i];
      }
      blas.dgemv("T", n, k, 1.0, beta, 0, n, ratio, 0, 1, 0.0, product, 0, 1);
      for (int t = 0; t < k; t++) {
        gamma[t] = expElogtheta[t] * product[t] + alpha[t];
      }
      expDirichletExpectation(gamma, expElogtheta);
      phiNorm(n);
      double change = 0;
      for (int t = 0; t < k; t++) {
        change += Math.abs(gamma[t] - last[t]);
      }
      meanChange = change / k;
    }
  }

  private void expDirichletExpectation(double[] x, double[] out) {
    digamma.dirichletExpectation(x, out);
    for (int t = 0; t < k; t++) {
      out[t] = Math.exp(out[t]);
    }
  }

  /** beta · theta + 1e-100 per term of the document. */
  private void phiNorm(int n) {
    blas.dgemv("N", n, k, 1.0, beta, 0, n, expElogtheta, 0, 1, 0.0, phiNorm, 0, 1);
    for (int i = 0; i < n; i++) {
      phiNorm[i] += 1e-100;
    }
  }
}
