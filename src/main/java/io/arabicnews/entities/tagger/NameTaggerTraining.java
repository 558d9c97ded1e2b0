package io.arabicnews.entities.tagger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link NameTagger}: an averaged perceptron (Collins, 2002) over the tagger's own greedy
 * decoding, so it learns from the label history it will see when tagging. Deterministic: the same
 * sentences, features and settings give the same weights (the sentence order of each epoch comes
 * from a seeded shuffle).
 */
public final class NameTaggerTraining {
  private NameTaggerTraining() {}

  /** Training settings. */
  public record Settings(int bits, int epochs, long seed) {
    public static Settings defaults() {
      return new Settings(20, 10, 20071001L);
    }
  }

  public static NameTagger train(List<TaggedSentences.Sentence> sentences, NameFeatures features, Settings s) {
    int mask = (1 << s.bits()) - 1;
    float[] w = new float[(1 << s.bits()) * Labels.COUNT];
    // Sum over updates of (step of the update × change): the average is w − acc / steps (lazy averaging).
    double[] acc = new double[w.length];
    NameTagger current = new NameTagger(features, s.bits(), w);
    long step = 1;
    long[] f = new long[NameFeatures.COUNT];
    float[] scores = new float[Labels.COUNT];
    List<TaggedSentences.Sentence> order = new ArrayList<>(sentences);
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      Collections.shuffle(order, new Random(s.seed() + epoch));
      for (TaggedSentences.Sentence sentence : order) {
        NameFeatures.Prepared p = features.prepare(sentence.tokens());
        int[] predicted = new int[sentence.tokens().length];
        for (int i = 0; i < predicted.length; i++) {
          int previous = i > 0 ? predicted[i - 1] : -1;
          features.extract(p, i, previous, i > 1 ? predicted[i - 2] : -1, f);
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
          predicted[i] = guess;
          step++;
        }
      }
    }
    float[] averaged = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      averaged[i] = (float) (w[i] - acc[i] / step);
    }
    return new NameTagger(features, s.bits(), averaged);
  }
}
