package io.arabicnews.entities.tagger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Trains a {@link NameTagger}: an averaged perceptron (Collins, 2002) with a margin (it updates until the
 * right label wins by {@link Settings#margin}, not only on mistakes) for each reading direction, one
 * decision per token with the gold labels of the two tokens before it (in that direction) as its
 * label-history features (as OpenNLP trains its name finder). Training on the tagger's own greedy
 * guesses instead, so that it would learn from the history it sees when tagging, scored dev F1 0.674
 * against 0.724 for the gold history (PERS+LOC+ORG, left to right, same features and settings,
 * jobs/train-ner.sh). Deterministic: the same
 * sentences, features and settings give the same weights (the sentence order of each epoch comes
 * from a seeded shuffle).
 */
public final class NameTaggerTraining {
  private NameTaggerTraining() {}

  /**
   * Training settings.
   *
   * @param bothWays whether to train the right-to-left reading too ({@link NameTagger})
   * @param margin by how much the right label must outscore every other one before a token stops
   *     updating the weights (0: the plain perceptron, which updates on mistakes only); in units of
   *     one update of one feature
   */
  public record Settings(int bits, int epochs, long seed, boolean bothWays, float margin) {
    /** Both readings, with the shipped margin. */
    public Settings(int bits, int epochs, long seed) {
      this(bits, epochs, seed, true, MARGIN);
    }

    public static Settings defaults() {
      return new Settings(18, 10, 20071001L);
    }

    /**
     * The taggers that make the corpus labels: left to right, plain perceptron, as when the shipped
     * codes were made ({@link CorpusLabels}).
     */
    public Settings forCorpusLabels() {
      return new Settings(bits, epochs, seed, false, 0);
    }
  }

  /**
   * The shipped margin. Dev F1 over PERS, LOC and ORG, mean of four training seeds: 0.748 with
   * none, 0.754 at 4, 0.760 from 32 to 96, 0.755 at 128, 0.735 at 512.
   */
  static final float MARGIN = 64;

  /** Trains on sentences that all read the same features. */
  public static NameTagger train(List<TaggedSentences.Sentence> sentences, NameFeatures features, Settings s) {
    return train(sentences, i -> features, features, s);
  }

  /**
   * The shipped recipe: each training sentence reads the corpus label codes of the tagger trained
   * without its fold, and the model keeps the codes of the tagger trained on all ({@link CorpusLabels}).
   *
   * @param features the lexicons; their corpus label codes are replaced
   */
  public static NameTagger train(List<TaggedSentences.Sentence> sentences, NameFeatures features, CorpusLabels.Codes codes,
      Settings s) {
    NameFeatures[] ofFold = new NameFeatures[CorpusLabels.FOLDS];
    for (int f = 0; f < ofFold.length; f++) {
      ofFold[f] = features.withCorpusLabels(codes.folds().get(f));
    }
    return train(sentences, i -> ofFold[CorpusLabels.foldOf(i, sentences.size())], features.withCorpusLabels(codes.all()), s);
  }

  /**
   * @param featuresOf the features training sentence {@code i} reads
   * @param features the features the model keeps
   */
  private static NameTagger train(List<TaggedSentences.Sentence> sentences, IntFunction<NameFeatures> featuresOf,
      NameFeatures features, Settings s) {
    // Each sentence's token hashes, once for both directions and every epoch.
    NameFeatures.Prepared[] prepared = new NameFeatures.Prepared[sentences.size()];
    for (int i = 0; i < prepared.length; i++) {
      prepared[i] = featuresOf.apply(i).prepare(sentences.get(i).tokens());
    }
    float[] forward = weights(sentences, featuresOf, prepared, s, false);
    float[] backward = s.bothWays() ? weights(sentences, featuresOf, prepared, s, true) : null;
    return new NameTagger(features, s.bits(), forward, backward, 1f, 1f, heads(sentences));
  }

  /** The averaged weights of one reading direction. */
  private static float[] weights(List<TaggedSentences.Sentence> sentences, IntFunction<NameFeatures> featuresOf,
      NameFeatures.Prepared[] prepared, Settings s, boolean backwards) {
    int mask = (1 << s.bits()) - 1;
    int step = backwards ? -1 : 1;
    float[] w = new float[(1 << s.bits()) * Labels.COUNT];
    // Sum over updates of (step of the update × change): the average is w − acc / steps (lazy averaging).
    double[] acc = new double[w.length];
    long t = 1;
    long[] f = new long[NameFeatures.COUNT];
    float[] scores = new float[Labels.COUNT];
    List<Integer> order = new ArrayList<>();
    int[][] golds = new int[sentences.size()][];
    for (int i = 0; i < sentences.size(); i++) {
      order.add(i);
      golds[i] = backwards ? Labels.rightToLeft(sentences.get(i).labels()) : sentences.get(i).labels();
    }
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      Collections.shuffle(order, new Random(s.seed() + epoch));
      for (int index : order) {
        NameFeatures sentenceFeatures = featuresOf.apply(index);
        NameFeatures.Prepared p = prepared[index];
        int[] gold = golds[index];
        int n = gold.length;
        for (int k = 0; k < n; k++) {
          int i = backwards ? n - 1 - k : k;
          int previous = k > 0 ? gold[i - step] : -1;
          sentenceFeatures.extract(p, i, step, previous, k > 1 ? gold[i - 2 * step] : -1, f);
          int guess = NameTagger.best(w, f, scores, mask, Math.max(previous, 0));
          // Right, but not by the margin: the runner-up is pushed down all the same.
          int rival = guess != gold[i] ? guess : runnerUp(scores, gold[i], Math.max(previous, 0));
          if (guess != gold[i] || scores[gold[i]] - scores[rival] < s.margin()) {
            for (long x : f) {
              int base = NameTagger.bucket(x, mask) * Labels.COUNT;
              w[base + gold[i]] += 1;
              acc[base + gold[i]] += t;
              w[base + rival] -= 1;
              acc[base + rival] -= t;
            }
          }
          t++;
        }
      }
    }
    float[] averaged = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      averaged[i] = (float) (w[i] - acc[i] / t);
    }
    return averaged;
  }

  /** The best-scoring label other than {@code gold} that may follow {@code previous}. */
  private static int runnerUp(float[] scores, int gold, int previous) {
    int best = -1;
    for (int l = 0; l < Labels.COUNT; l++) {
      if (l != gold && Labels.allowed(previous, l) && (best < 0 || scores[l] > scores[best])) {
        best = l;
      }
    }
    return best;
  }

  /**
   * Words (normalised, proclitic-free) that begin a name of two or more words at least 3 times and
   * more than twice as often as they are a name alone ({@link NameTagger#heads}).
   */
  static java.util.Set<String> heads(List<TaggedSentences.Sentence> sentences) {
    java.util.Map<String, int[]> counts = new java.util.HashMap<>();
    for (TaggedSentences.Sentence s : sentences) {
      for (SpanScores.Span span : SpanScores.spans(s.labels())) {
        String first = NameFeatures.lexiconForm(s.tokens()[span.start()]);
        counts.computeIfAbsent(first, k -> new int[2])[span.end() - span.start() == 1 ? 0 : 1]++;
      }
    }
    java.util.Set<String> out = new java.util.TreeSet<>();
    counts.forEach((w, c) -> {
      if (c[1] >= 3 && c[1] > 2 * c[0]) {
        out.add(w);
      }
    });
    return out;
  }

  private static final float[] TEMPERATURES = {1, 1.5f, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120,
      150, 200, 250, 300, 400};

  /**
   * The tagger with, for each reading, the temperature (of a fixed grid) whose confidences best
   * predict, on held-out sentences, whether a name that reading found is right (class and both ends):
   * the lowest mean squared error (Brier score). The perceptron's raw scores are margins, not
   * probabilities: at temperature 1 nearly every name gets 0.99.
   */
  public static NameTagger calibrate(NameTagger tagger, List<TaggedSentences.Sentence> heldOut) {
    float forward = temperature(tagger, heldOut, false);
    return tagger.calibrated(forward, tagger.readsBothWays() ? temperature(tagger, heldOut, true) : 1f);
  }

  private static float temperature(NameTagger tagger, List<TaggedSentences.Sentence> heldOut, boolean backwards) {
    float bestTemperature = 1;
    double bestError = Double.MAX_VALUE;
    for (float t : TEMPERATURES) {
      NameTagger candidate = tagger.calibrated(t, t);
      double error = 0;
      for (TaggedSentences.Sentence s : heldOut) {
        java.util.Set<SpanScores.Span> gold = new java.util.HashSet<>(SpanScores.spans(s.labels()));
        for (NameTagger.Name n : candidate.names(s.tokens(), backwards)) {
          double right = gold.contains(new SpanScores.Span(n.kind(), n.start(), n.end())) ? 1 : 0;
          error += (n.confidence() - right) * (n.confidence() - right);
        }
      }
      if (error < bestError) {
        bestError = error;
        bestTemperature = t;
      }
    }
    return bestTemperature;
  }
}
