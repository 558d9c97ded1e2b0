package io.arabicnews.entities.tagger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Trains a {@link NameTagger}: an averaged perceptron (Collins, 2002), one decision per token with
 * the gold labels of the two tokens before it as its label-history features (as OpenNLP trains its
 * name finder). Training on the tagger's own greedy guesses instead, so that it would learn from the
 * history it sees when tagging, scored dev F1 0.674 against 0.724 for the gold history (PERS+LOC+ORG,
 * same features and settings, jobs/train-ner.sh). Deterministic: the same
 * sentences, features and settings give the same weights (the sentence order of each epoch comes
 * from a seeded shuffle).
 */
public final class NameTaggerTraining {
  private NameTaggerTraining() {}

  /** Training settings. */
  public record Settings(int bits, int epochs, long seed) {
    public static Settings defaults() {
      return new Settings(18, 10, 20071001L);
    }
  }

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
    int mask = (1 << s.bits()) - 1;
    float[] w = new float[(1 << s.bits()) * Labels.COUNT];
    // Sum over updates of (step of the update × change): the average is w − acc / steps (lazy averaging).
    double[] acc = new double[w.length];
    NameTagger current = new NameTagger(features, s.bits(), w, 1f, java.util.Set.of());
    long step = 1;
    long[] f = new long[NameFeatures.COUNT];
    float[] scores = new float[Labels.COUNT];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      order.add(i);
    }
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      Collections.shuffle(order, new Random(s.seed() + epoch));
      for (int index : order) {
        TaggedSentences.Sentence sentence = sentences.get(index);
        NameFeatures sentenceFeatures = featuresOf.apply(index);
        NameFeatures.Prepared p = sentenceFeatures.prepare(sentence.tokens());
        int[] history = sentence.labels();
        for (int i = 0; i < history.length; i++) {
          int previous = i > 0 ? history[i - 1] : -1;
          sentenceFeatures.extract(p, i, previous, i > 1 ? history[i - 2] : -1, f);
          int guess = current.best(f, scores, mask, Math.max(previous, 0));
          int gold = sentence.labels()[i];
          if (guess != gold) {
            for (long x : f) {
              int base = NameTagger.bucket(x, mask) * Labels.COUNT;
              w[base + gold] += 1;
              acc[base + gold] += step;
              w[base + guess] -= 1;
              acc[base + guess] -= step;
            }
          }
          step++;
        }
      }
    }
    float[] averaged = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      averaged[i] = (float) (w[i] - acc[i] / step);
    }
    return new NameTagger(features, s.bits(), averaged, 1f, heads(sentences));
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

  private static final float[] TEMPERATURES = {1, 1.5f, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40};

  /**
   * The tagger with the temperature (of a fixed grid) whose confidences best predict, on held-out
   * sentences, whether a found name is right (class and both ends): the lowest mean squared error
   * (Brier score). The perceptron's raw scores are margins, not probabilities: at temperature 1
   * nearly every name gets 0.99.
   */
  public static NameTagger calibrate(NameTagger tagger, List<TaggedSentences.Sentence> heldOut) {
    float bestTemperature = 1;
    double bestError = Double.MAX_VALUE;
    for (float t : TEMPERATURES) {
      NameTagger candidate = tagger.calibrated(t);
      double error = 0;
      for (TaggedSentences.Sentence s : heldOut) {
        java.util.Set<SpanScores.Span> gold = new java.util.HashSet<>(SpanScores.spans(s.labels()));
        for (NameTagger.Name n : candidate.names(s.tokens())) {
          double right = gold.contains(new SpanScores.Span(n.kind(), n.start(), n.end())) ? 1 : 0;
          error += (n.confidence() - right) * (n.confidence() - right);
        }
      }
      if (error < bestError) {
        bestError = error;
        bestTemperature = t;
      }
    }
    return tagger.calibrated(bestTemperature);
  }
}
