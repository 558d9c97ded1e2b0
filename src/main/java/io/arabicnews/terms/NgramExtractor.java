package io.arabicnews.terms;

import io.arabicnews.text.AnalyzedToken;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

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
    extract(sentence, tokens, key -> true, out);
  }

  /**
   * Like {@link #extract(String, List, Consumer)}, but a phrase (n ≥ 2) reaches {@code out} only if
   * {@code phraseKeys} accepts its key: the strings of the phrases it rejects (most of them) are
   * never built. {@code phraseKeys} must accept every phrase that begins a phrase it accepts (a set
   * of frequent phrases does: a phrase is never more frequent than its first n − 1 words), so the
   * longer phrases after a rejected one are not even asked about.
   */
  public void extract(String sentence, List<AnalyzedToken> tokens, Predicate<CharSequence> phraseKeys, Consumer<Ngram> out) {
    forEachRun(sentence, tokens, run -> emitRun(run, phraseKeys, out));
  }

  /**
   * Receives the key, length and first token position of each term, without building display
   * forms. The key is only valid during the call (a buffer the extractor reuses).
   */
  @FunctionalInterface
  public interface KeyConsumer {
    void accept(CharSequence key, int n, int position);
  }

  /** The same terms as {@link #extract}, keys only: the cheap form for counting candidates. */
  public void extractKeys(String sentence, List<AnalyzedToken> tokens, KeyConsumer out) {
    forEachRun(sentence, tokens, run -> {
      StringBuilder key = new StringBuilder();
      for (int i = 0; i < run.size(); i++) {
        key.setLength(0);
        for (int n = 1; n <= maxN && i + n <= run.size(); n++) {
          if (n > 1) {
            key.append(' ');
          }
          key.append(run.get(i + n - 1).key());
          out.accept(key, n, run.get(i).position());
        }
      }
    });
  }

  /** Runs of content tokens with nothing but white space (or quote marks) between them. */
  private static void forEachRun(String sentence, List<AnalyzedToken> tokens, Consumer<List<AnalyzedToken>> action) {
    List<AnalyzedToken> run = new ArrayList<>();
    AnalyzedToken previous = null;
    for (AnalyzedToken t : tokens) {
      boolean joined = previous != null && onlySpaceBetween(sentence, previous, t);
      if (!t.isContent() || !joined) {
        if (!run.isEmpty()) {
          action.accept(run);
        }
        run.clear();
      }
      if (t.isContent()) {
        run.add(t);
      }
      previous = t;
    }
    if (!run.isEmpty()) {
      action.accept(run);
    }
  }

  private void emitRun(List<AnalyzedToken> run, Predicate<CharSequence> phraseKeys, Consumer<Ngram> out) {
    StringBuilder key = new StringBuilder();
    StringBuilder display = new StringBuilder();
    for (int i = 0; i < run.size(); i++) {
      key.setLength(0);
      display.setLength(0);
      for (int n = 1; n <= maxN && i + n <= run.size(); n++) {
        AnalyzedToken t = run.get(i + n - 1);
        if (n > 1) {
          key.append(' ');
          display.append(' ');
        }
        key.append(t.key());
        if (n > 1 && !phraseKeys.test(key)) {
          break; // the longer phrases starting here begin with this one: rejected too
        }
        // The first word without its clitics, the rest as printed: «الأمن والاستقرار», «مصر وروسيا».
        display.append(n == 1 ? t.display() : ArabicTextAnalyzer.withoutMarks(t.surface()));
        out.accept(new Ngram(key.toString(), display.toString(), n, run.get(i).position()));
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
