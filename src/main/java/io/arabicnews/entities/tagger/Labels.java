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

  /** The class of a B- or I- label (0 = PERS … 3 = MISC), or -1 for O. */
  static int classOf(int label) {
    return label == 0 ? -1 : (label - 1) / 2;
  }

  /** Whether {@code label} may follow {@code previous}: an I- only inside a span of its class. */
  static boolean allowed(int previous, int label) {
    return label == 0 || isBegin(label) || (previous != 0 && classOf(previous) == classOf(label));
  }
}
