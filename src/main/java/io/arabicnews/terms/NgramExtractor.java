package io.arabicnews.terms;

import io.arabicnews.text.AnalyzedToken;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The terms of one sentence: every content word, and every run of 2..{@code maxN} consecutive
 * content words. A phrase never crosses punctuation («مصر، روسيا» is not a phrase) and never starts
 * or ends with a stop word or a number; since Arabic noun phrases («وزير الدفاع الروسي», «مجلس الأمن»)
 * are chains of content words, phrases here are made of content words only. Quote marks do not
 * break a phrase. A phrase is displayed as printed after its first word's clitics.
 */
public final class NgramExtractor {
  /** Quote marks and tatweel between two words do not break a phrase: مكافحة “الإرهاب”. */
  private static final String TRANSPARENT = "\u0640«»“”\"'‘’";

  private final int maxN;

  public NgramExtractor(int maxN) {
    if (maxN < 1 || maxN > 5) {
      throw new IllegalArgumentException("max n-gram length must be 1..5, got " + maxN);
    }
    this.maxN = maxN;
  }

  public void extract(String sentence, List<AnalyzedToken> tokens, Consumer<Ngram> out) {
    // Runs of content tokens with nothing but white space between them.
    List<AnalyzedToken> run = new ArrayList<>();
    AnalyzedToken previous = null;
    for (AnalyzedToken t : tokens) {
      boolean joined = previous != null && onlySpaceBetween(sentence, previous, t);
      if (!t.isContent() || !joined) {
        emitRun(run, out);
        run.clear();
      }
      if (t.isContent()) {
        run.add(t);
      }
      previous = t;
    }
    emitRun(run, out);
  }

  private void emitRun(List<AnalyzedToken> run, Consumer<Ngram> out) {
    for (int i = 0; i < run.size(); i++) {
      StringBuilder key = new StringBuilder();
      StringBuilder display = new StringBuilder();
      StringBuilder stem = new StringBuilder();
      for (int n = 1; n <= maxN && i + n <= run.size(); n++) {
        AnalyzedToken t = run.get(i + n - 1);
        if (n > 1) {
          key.append(' ');
          display.append(' ');
          stem.append(' ');
        }
        key.append(t.key());
        // The first word without its clitics, the rest as printed: «الأمن والاستقرار», «مصر وروسيا».
        display.append(n == 1 ? t.display() : ArabicTextAnalyzer.withoutMarks(t.surface()));
        stem.append(t.stem());
        out.accept(new Ngram(key.toString(), display.toString(), stem.toString(), n, run.get(i).position()));
      }
    }
  }

  private static boolean onlySpaceBetween(String s, AnalyzedToken a, AnalyzedToken b) {
    for (int i = a.endOffset(); i < b.startOffset(); i++) {
      if (!Character.isWhitespace(s.charAt(i)) && TRANSPARENT.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}
