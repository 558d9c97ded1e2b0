package io.arabicnews.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.ml.linalg.Matrix;

/**
 * The top terms of a topic, as {@code topics.top_terms} lists them for both kinds: ranked by a
 * measure that favours what is specific to the topic, and with no phrase beside one of its own parts
 * (a phrase hides its words and shorter phrases: «القوات المسلحة» leaves no room for «القوات» or
 * «المسلحة»).
 */
public final class TopTerms {
  private TopTerms() {}

  /**
   * Relevance of a term to a learned topic (Sievert and Shirley, 2014, the measure of LDAvis):
   * λ·log φ + (1 − λ)·log(φ / p), with φ the term's probability in the topic and p its probability
   * in the corpus. λ = 1 is raw probability, which puts words frequent everywhere («سنة», «مدير») at
   * the top of every topic; below 1 the lift φ / p counts too. Their user study found 0.6 best; the
   * jobs use 0.4 ({@link LearnedTopics#TOP_TERM_LAMBDA}, docs/topics.md).
   */
  static double relevance(double phi, double p, double lambda) {
    return lambda * Math.log(phi) + (1 - lambda) * Math.log(phi / p);
  }

  /**
   * The top {@code n} term indices of each topic of an LDA model's {@code topicsMatrix} (vocabulary
   * × topics, unnormalised), by {@link #relevance}, phrase parts hidden ({@link #pick}). The corpus
   * probability of a term is its share of the matrix's total, the model's estimate of its count.
   */
  static List<List<Integer>> ofModel(Matrix topicsMatrix, String[] keys, double lambda, int n) {
    int v = topicsMatrix.numRows();
    int k = topicsMatrix.numCols();
    double[] termTotals = new double[v];
    double[] topicTotals = new double[k];
    double total = 0;
    for (int w = 0; w < v; w++) {
      for (int t = 0; t < k; t++) {
        double x = topicsMatrix.apply(w, t);
        termTotals[w] += x;
        topicTotals[t] += x;
        total += x;
      }
    }
    List<List<Integer>> out = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      double[] score = new double[v];
      for (int w = 0; w < v; w++) {
        score[w] = relevance(topicsMatrix.apply(w, t) / topicTotals[t], termTotals[w] / total, lambda);
      }
      // Ties by index: the vocabulary is ordered by document count, then key.
      out.add(top(Arrays.asList(keys), Comparator.comparingDouble(i -> -score[i]), n));
    }
    return out;
  }

  /**
   * Indices into {@code keys} (term keys, words separated by a space) of the top {@code n}, ranked by
   * {@code rank} (ties by index) and picked with phrase parts hidden ({@link #pick}).
   */
  static List<Integer> top(List<String> keys, Comparator<Integer> rank, int n) {
    Integer[] order = new Integer[keys.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, rank.thenComparingInt(i -> i));
    List<String> ranked = new ArrayList<>(order.length);
    for (Integer i : order) {
      ranked.add(keys.get(i));
    }
    List<Integer> out = new ArrayList<>();
    for (int i : pick(ranked, n)) {
      out.add(order[i]);
    }
    return out;
  }

  /**
   * Positions in {@code rankedKeys} (term keys, words separated by a space, best first) of the top
   * {@code n}, taken in rank order: a term that is part of one already taken is passed over, and a
   * phrase taken later removes its parts taken before it (the next terms fill their places).
   */
  public static List<Integer> pick(List<String> rankedKeys, int n) {
    List<Integer> taken = new ArrayList<>();
    for (int i = 0; i < rankedKeys.size() && taken.size() < n; i++) {
      String[] words = rankedKeys.get(i).split(" ");
      boolean hidden = false;
      for (int j : taken) {
        if (contains(rankedKeys.get(j).split(" "), words)) {
          hidden = true;
          break;
        }
      }
      if (hidden) {
        continue;
      }
      taken.removeIf(j -> contains(words, rankedKeys.get(j).split(" ")));
      taken.add(i);
    }
    return taken;
  }

  /** Whether {@code part} is a contiguous run of {@code whole}'s words (and shorter, or equal). */
  static boolean contains(String[] whole, String[] part) {
    for (int start = 0; start + part.length <= whole.length; start++) {
      int m = 0;
      while (m < part.length && whole[start + m].equals(part[m])) {
        m++;
      }
      if (m == part.length) {
        return true;
      }
    }
    return false;
  }
}
