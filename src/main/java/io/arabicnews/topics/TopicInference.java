package io.arabicnews.topics;

import java.io.Serializable;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;

/**
 * A document's topic weights under a fitted online-LDA model: the variational inference that
 * MLlib's {@code LDAModel.transform} runs for each document (Hoffman, Blei, Bach 2010; the same
 * start, updates and stopping rule, 1e-3 mean change of gamma; {@link DocumentInference}). MLlib slices
 * the topic matrix for each document through boxed indices and draws the same start values again
 * for each one (one seed for all); in a profile of the 1× topics job that was more than half of
 * the weights' time. With {@link Digamma.Kind#MLLIB}, the same weights to the last bit
 * (TopicInferenceTest compares them with MLlib's transform); the jobs use the accurate, faster
 * {@link Digamma.Kind#FAST} (OnlineLdaTest: MLlib's to rounding).
 */
final class TopicInference implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int k;
  /** exp(E[log beta]), term-major: {@code [term * k + topic]}. */
  private final double[] expElogbeta;
  private final double[] alpha;
  private final double[] initialGamma;
  private final Digamma.Kind digamma;
  private transient volatile ThreadLocal<DocumentInference> workspaces;

  TopicInference(int k, double[] expElogbeta, double[] alpha, double[] initialGamma, Digamma.Kind digamma) {
    this.k = k;
    this.digamma = digamma;
    this.expElogbeta = expElogbeta;
    this.alpha = alpha;
    this.initialGamma = initialGamma;
  }

  /** The inference of a model fitted by {@code LDA} (online optimizer), with this digamma in its steps. */
  static TopicInference of(LDAModel model, Digamma.Kind digamma) {
    Matrix lambda = model.topicsMatrix(); // vocabulary × k
    int k = lambda.numCols();
    double[] expElogbeta = expElogbeta(lambda.toArray(), k, lambda.numRows());
    // The start values come from the spark.mllib model inside, whose seed is not always the ml
    // model's (the ml model copies its own seed after building it); Scala's package-private accessor
    // is public to Java.
    org.apache.spark.mllib.clustering.LocalLDAModel inner = model.oldLocalModel();
    double[] initial = DocumentInference.gammaDraws(inner.getSeed(), inner.gammaShape(), k);
    return new TopicInference(k, expElogbeta, model.estimatedDocConcentration().toArray(), initial, digamma);
  }

  /** Topic weights summing to 1; all zero for a document without terms (as MLlib). */
  double[] weights(Vector counts) {
    SparseVector sparse = counts.toSparse();
    if (sparse.indices().length == 0) {
      return new double[k];
    }
    DocumentInference document = workspace();
    document.infer(expElogbeta, sparse.indices(), sparse.values());
    double[] gamma = document.gamma.clone();
    double total = 0;
    for (int t = 0; t < k; t++) {
      total += Math.abs(gamma[t]);
    }
    for (int t = 0; t < k; t++) {
      gamma[t] /= total;
    }
    return gamma;
  }

  /** One workspace per thread: the broadcast instance is shared by the tasks of an executor. */
  private DocumentInference workspace() {
    if (workspaces == null) {
      synchronized (this) {
        if (workspaces == null) {
          workspaces = ThreadLocal.withInitial(() -> new DocumentInference(k, alpha, initialGamma, digamma));
        }
      }
    }
    return workspaces.get();
  }

  /**
   * exp(E[log beta]) of the topic matrix {@code lambda} ({@code [topic * terms + term]}, MLlib's
   * {@code exp(dirichletExpectation(lambda))}: each topic's total summed in term order), term-major
   * as {@link DocumentInference} reads it: {@code [term * k + topic]}.
   */
  static double[] expElogbeta(double[] lambda, int k, int terms) {
    Digamma digamma = new Digamma(Digamma.Kind.MLLIB);
    double[] expElogbeta = new double[terms * k];
    double[] topic = new double[terms];
    for (int t = 0; t < k; t++) {
      System.arraycopy(lambda, t * terms, topic, 0, terms);
      digamma.dirichletExpectation(topic, topic);
      for (int w = 0; w < terms; w++) {
        expElogbeta[w * k + t] = Math.exp(topic[w]);
      }
    }
    return expElogbeta;
  }
}
