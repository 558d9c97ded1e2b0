package io.arabicnews.text;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * Removes proclitics (و ف ب ك ل and «لل») from a normalised word when the corpus says the rest is
 * the word: «بالقاهره» → «القاهره», «والارهاب» → «الارهاب», «وموسكو» → «موسكو», «لروسيا» → «روسيا»,
 * «للارهاب» → «الارهاب».
 *
 * <p>Letters that can be clitics also begin ordinary words («وزير», «بريطانيا», «لبنان», «كامل»), so a
 * prefix is removed only when the rest is a more frequent word in the lexicon than the whole token.
 * The lexicon (normalised word → corpus count) ships as data and is overridable; words in the
 * protected list are never segmented. Prefixes glued to Latin or digits («لـRT», «بـ40») are always
 * removed. At most two proclitics are removed («وللارهاب» → «الارهاب»).
 */
public final class CliticSegmenter implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String PROCLITICS = "وفبكل";
  private static final int MIN_STEM_LENGTH = 3;

  private final Map<String, Integer> lexicon;
  private final Set<String> protectedWords;
  private final int minCount;

  public CliticSegmenter(Map<String, Integer> lexicon, Set<String> protectedWords, int minCount) {
    this.lexicon = lexicon;
    this.protectedWords = protectedWords;
    this.minCount = minCount;
  }

  /** The result of segmenting one word: the word without its clitics, and what was removed. */
  public record Segmented(String word, int lettersRemoved, boolean lamLamToAlefLam) {}

  public Segmented segment(String word) {
    String current = word;
    int removed = 0;
    boolean lamLam = false;
    for (int step = 0; step < 2 && !protectedWords.contains(current); step++) {
      String next = null;
      int nextRemoved = 0;
      boolean nextLamLam = false;
      if (current.length() >= 4 && current.startsWith("لل") && isBetter("ال" + current.substring(2), current)) {
        next = "ال" + current.substring(2);
        nextRemoved = 2;
        nextLamLam = true;
      } else if (current.length() >= 2 && PROCLITICS.indexOf(current.charAt(0)) >= 0) {
        String rest = current.substring(1);
        if (!isArabicLetter(rest.charAt(0)) || (rest.length() >= MIN_STEM_LENGTH && isBetter(rest, current))) {
          next = rest;
          nextRemoved = 1;
        }
      }
      if (next == null) {
        break;
      }
      current = next;
      removed += nextRemoved;
      lamLam = nextLamLam;
    }
    return new Segmented(current, removed, lamLam);
  }

  private boolean isBetter(String rest, String whole) {
    int restCount = lexicon.getOrDefault(rest, 0);
    return restCount >= minCount && restCount > lexicon.getOrDefault(whole, 0);
  }

  static boolean isArabicLetter(char c) {
    return c >= '\u0621' && c <= '\u064A';
  }
}
