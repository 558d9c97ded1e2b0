package io.arabicnews.entities.tagger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Span-level precision, recall and F1 per class, CoNLL style: a span counts when its class and both
 * ends are right. An I- label that does not continue a span of its class starts one.
 */
public final class SpanScores {
  private final long[] truePositives = new long[Labels.CLASSES.size()];
  private final long[] predictedSpans = new long[Labels.CLASSES.size()];
  private final long[] goldSpans = new long[Labels.CLASSES.size()];

  /** A span: class, first token, token after the last. */
  public record Span(int kind, int start, int end) {}

  public static List<Span> spans(int[] labels) {
    List<Span> out = new ArrayList<>();
    int start = -1;
    int kind = -1;
    for (int i = 0; i <= labels.length; i++) {
      int l = i < labels.length ? labels[i] : 0;
      boolean continues = l != 0 && !Labels.isBegin(l) && Labels.classOf(l) == kind;
      if (start >= 0 && !continues) {
        out.add(new Span(kind, start, i));
        start = -1;
        kind = -1;
      }
      if (l != 0 && !continues) {
        start = i;
        kind = Labels.classOf(l);
      }
    }
    return out;
  }

  /** Adds one sentence's gold and predicted labels. */
  public void add(int[] gold, int[] predicted) {
    Set<Span> g = new HashSet<>(spans(gold));
    for (Span s : g) {
      goldSpans[s.kind()]++;
    }
    for (Span s : spans(predicted)) {
      predictedSpans[s.kind()]++;
      if (g.contains(s)) {
        truePositives[s.kind()]++;
      }
    }
  }

  /** Adds one sentence's gold labels and the names found in it. */
  public void add(int[] gold, List<NameTagger.Name> found) {
    Set<Span> g = new HashSet<>(spans(gold));
    for (Span s : g) {
      goldSpans[s.kind()]++;
    }
    for (NameTagger.Name n : found) {
      predictedSpans[n.kind()]++;
      if (g.contains(new Span(n.kind(), n.start(), n.end()))) {
        truePositives[n.kind()]++;
      }
    }
  }

  /** Scores of the classes given by name ({@link Labels#CLASSES}), pooled. */
  public Score of(String... classes) {
    long tp = 0;
    long pred = 0;
    long gold = 0;
    for (String c : classes) {
      int k = Labels.CLASSES.indexOf(c);
      tp += truePositives[k];
      pred += predictedSpans[k];
      gold += goldSpans[k];
    }
    return new Score(tp, pred, gold);
  }

  /** Precision, recall and F1 from counts. */
  public record Score(long truePositives, long predicted, long gold) {
    public double precision() {
      return predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) truePositives / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
      return String.format("P %.3f R %.3f F1 %.3f (%d of %d predicted, %d gold)", precision(), recall(), f1(),
          truePositives, predicted, gold);
    }
  }
}
