package io.arabicnews.topics;

import breeze.stats.distributions.Gamma;
import breeze.stats.distributions.RandBasis;
import dev.ludovic.netlib.blas.BLAS;
import java.io.Serializable;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;

/**
 * A document's topic weights under a fitted online-LDA model: the variational inference that
 * MLlib's {@code LDAModel.transform} runs for each document (Hoffman, Blei, Bach 2010; the same
 * start, updates and stopping rule, 1e-3 mean change of gamma), over primitive arrays. MLlib slices
 * the topic matrix for each document through boxed indices and draws the same start values again
 * for each one (one seed for all); in a profile of the 1× topics job that was more than half of
 * the weights' time. The same weights to the last bit (TopicInferenceTest compares them with
 * MLlib's transform).
 */
final class TopicInference implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int k;
  /** exp(E[log beta]), term-major: {@code [term * k + topic]}. */
  private final double[] expElogbeta;
  private final double[] alpha;
  private final double[] initialGamma;

  TopicInference(int k, double[] expElogbeta, double[] alpha, double[] initialGamma) {
    this.k = k;
    this.expElogbeta = expElogbeta;
    this.alpha = alpha;
    this.initialGamma = initialGamma;
  }

  /** The inference of a model fitted by {@code LDA} (online optimizer). */
  static TopicInference of(LDAModel model) {
    Matrix lambda = model.topicsMatrix(); // vocabulary × k
    int k = lambda.numCols();
    int terms = lambda.numRows();
    double[] expElogbeta = new double[terms * k];
    for (int t = 0; t < k; t++) {
      double total = 0;
      for (int w = 0; w < terms; w++) {
        total += lambda.apply(w, t);
      }
      double psiTotal = digamma(total);
      for (int w = 0; w < terms; w++) {
        expElogbeta[w * k + t] = Math.exp(digamma(lambda.apply(w, t)) - psiTotal);
      }
    }
    // The start values come from the spark.mllib model inside, whose seed is not always the ml
    // model's (the ml model copies its own seed after building it); Scala's package-private accessor
    // is public to Java.
    org.apache.spark.mllib.clustering.LocalLDAModel inner = model.oldLocalModel();
    RandBasis basis = new RandBasis(new MersenneTwister(inner.getSeed()));
    Gamma gamma = new Gamma(inner.gammaShape(), 1.0 / inner.gammaShape(), basis);
    double[] initial = new double[k];
    for (int t = 0; t < k; t++) {
      initial[t] = gamma.draw$mcD$sp();
    }
    return new TopicInference(k, expElogbeta, model.estimatedDocConcentration().toArray(), initial);
  }

  /** Topic weights summing to 1; all zero for a document without terms (as MLlib). */
  double[] weights(Vector counts) {
    SparseVector sparse = counts.toSparse();
    int[] ids = sparse.indices();
    double[] cts = sparse.values();
    if (ids.length == 0) {
      return new double[k];
    }
    int n = ids.length;
    // The document's rows of expElogbeta, column-major (n × k), as MLlib slices them; the two
    // matrix-vector products go through the BLAS breeze uses, with breeze's arguments, so the sums
    // are taken in the same order and the loop below stops after the same iteration.
    double[] beta = new double[n * k];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < k; t++) {
        beta[t * n + i] = expElogbeta[ids[i] * k + t];
      }
    }
    BLAS blas = BLAS.getInstance();
    double[] gamma = initialGamma.clone();
    double[] expElogtheta = new double[k];
    expDirichletExpectation(gamma, expElogtheta);
    double[] phiNorm = new double[n];
    phiNorm(blas, beta, n, expElogtheta, phiNorm);
    double[] last = new double[k];
    double[] ratio = new double[n];
    double[] product = new double[k];
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
      phiNorm(blas, beta, n, expElogtheta, phiNorm);
      double change = 0;
      for (int t = 0; t < k; t++) {
        change += Math.abs(gamma[t] - last[t]);
      }
      meanChange = change / k;
    }
    double total = 0;
    for (int t = 0; t < k; t++) {
      total += Math.abs(gamma[t]);
    }
    for (int t = 0; t < k; t++) {
      gamma[t] /= total;
    }
    return gamma;
  }

  /** exp(digamma(gamma) − digamma(Σ gamma)), into {@code out}. */
  private void expDirichletExpectation(double[] gamma, double[] out) {
    double total = 0;
    for (int t = 0; t < k; t++) {
      total += gamma[t];
    }
    double psiTotal = digamma(total);
    for (int t = 0; t < k; t++) {
      out[t] = Math.exp(digamma(gamma[t]) - psiTotal);
    }
  }

  /** beta · theta + 1e-100 per term of the document. */
  private void phiNorm(BLAS blas, double[] beta, int n, double[] expElogtheta, double[] out) {
    blas.dgemv("N", n, k, 1.0, beta, 0, n, expElogtheta, 0, 1, 0.0, out, 0, 1);
    for (int i = 0; i < n; i++) {
      out[i] += 1e-100;
    }
  }

  private static double digamma(double x) {
    return org.apache.commons.math3.special.Gamma.digamma(x);
  }
}
