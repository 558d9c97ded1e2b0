package io.arabicnews.entities.tagger;

import java.util.List;

/** The tagger's BIO labels over ANERcorp's four classes; spans are read CoNLL style. */
public final class Labels {
  public static final List<String> CLASSES = List.of("PERS", "LOC", "ORG", "MISC");
  static final String[] NAMES = {"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"};
  public static final int OUTSIDE = 0;
  public static final int COUNT = NAMES.length;

  private Labels() {}

  /**
   * The tagger class of an entity type of the gazetteer or of the tables: PERSON → PERS,
   * ORGANIZATION → ORG, the rest (COUNTRY, CITY, PLACE) → LOC.
   */
  public static String classOfEntityType(String entityType) {
    return switch (entityType) {
      case "PERSON" -> "PERS";
      case "ORGANIZATION" -> "ORG";
      default -> "LOC";
    };
  }

  /** The label's index, or -1. */
  public static int index(String name) {
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  static boolean isBegin(int label) {
    return label > 0 && label % 2 == 1;
  }

  /** The B- label of a class (0 = PERS … 3 = MISC). */
  static int begin(int kind) {
    return 1 + 2 * kind;
  }

  /** The I- label of a class. */
  static int inside(int kind) {
    return 2 + 2 * kind;
  }

  /** The class of a B- or I- label (0 = PERS … 3 = MISC), or -1 for O. */
  static int classOf(int label) {
    return label == 0 ? -1 : (label - 1) / 2;
  }

  /** Whether {@code label} may follow {@code previous}: an I- only inside a span of its class. */
  static boolean allowed(int previous, int label) {
    return label == 0 || isBegin(label) || (previous != 0 && classOf(previous) == classOf(label));
  }

  /**
   * The same names labelled for right-to-left tagging: read from the right, each name begins at its
   * last token. Indexed by token, as {@code labels}.
   */
  static int[] rightToLeft(int[] labels) {
    int[] out = new int[labels.length];
    for (SpanScores.Span s : SpanScores.spans(labels)) {
      out[s.end() - 1] = begin(s.kind());
      for (int i = s.start(); i < s.end() - 1; i++) {
        out[i] = inside(s.kind());
      }
    }
    return out;
  }

  /** The names of labels given right to left ({@link #rightToLeft}), first token first. */
  static List<SpanScores.Span> spansRightToLeft(int[] labels) {
    int n = labels.length;
    int[] reversed = new int[n];
    for (int i = 0; i < n; i++) {
      reversed[i] = labels[n - 1 - i];
    }
    List<SpanScores.Span> spans = SpanScores.spans(reversed);
    List<SpanScores.Span> out = new java.util.ArrayList<>(spans.size());
    for (int i = spans.size() - 1; i >= 0; i--) {
      SpanScores.Span s = spans.get(i);
      out.add(new SpanScores.Span(s.kind(), n - s.end(), n - s.start()));
    }
    return out;
  }
}
