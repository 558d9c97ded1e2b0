package io.arabicnews.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Turns a sentence into {@link AnalyzedToken}s: Lucene's tokenizer and Arabic normalisation ({@link
 * ArabicNewsAnalyzer}), then clitic segmentation ({@link CliticSegmenter}), stop words checked on the
 * segmented key. Stems (Lucene's {@link ArabicStemmer}) are derived from keys when asked for.
 *
 * <p>Not thread-safe and not serialisable: build one per partition from broadcast {@link
 * AnalyzerResources}; Lucene reuses its token stream across calls.
 */
public final class ArabicTextAnalyzer implements AutoCloseable {
  private static final String NUM_TYPE = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

  private final ArabicNewsAnalyzer analyzer = new ArabicNewsAnalyzer();
  private final CliticSegmenter segmenter;
  private final AnalyzerResources resources;

  public ArabicTextAnalyzer(AnalyzerResources resources) {
    this.resources = resources;
    this.segmenter =
        new CliticSegmenter(
            resources.getLexicon(), resources.getProtectedWords(), resources.getMinLexiconCount());
  }

  /** All tokens of one sentence (or any span of text), stop words included and flagged. */
  public List<AnalyzedToken> analyze(String text) {
    List<AnalyzedToken> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      int position = 0;
      while (ts.incrementToken()) {
        if (term.length() == 0) {
          continue; // a token made only of tatweel or diacritics normalises to nothing
        }
        String normalized = term.toString();
        String surface = text.substring(offset.startOffset(), offset.endOffset());
        CliticSegmenter.Segmented seg = segmenter.segment(normalized);
        String key = seg.word();
        boolean number = NUM_TYPE.equals(type.type()) || isDigits(key);
        boolean stop = key.length() < 2 || resources.getStopWords().contains(key);
        out.add(
            new AnalyzedToken(
                surface,
                displayForm(surface, seg),
                key,
                position++,
                offset.startOffset(),
                offset.endOffset(),
                stop,
                number));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String cannot fail; keep the cause if it does
    }
    return out;
  }

  /** How many word tokens a text has (stop words and numbers included), without building them. */
  public int countTokens(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    int n = 0;
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (term.length() > 0) {
          n++;
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  /** The normalised tokens of a text before clitic segmentation: what the lexicon is counted from. */
  public void forEachNormalizedToken(String text, java.util.function.Consumer<String> action) {
    if (text == null || text.isEmpty()) {
      return;
    }
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (term.length() > 0) {
          action.accept(term.toString());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String normalizeWord(String word) {
    return analyzer.normalizeWord(word);
  }

  /**
   * The stems of a term's word keys joined by a space («مكافحه الارهاب» → «مكافح ارهاب»): Lucene's
   * light stem of each word, for a term known only by its key.
   */
  public static String stemKeys(String termKey) {
    // Once per term (or per token only where a caller asks): plain arrays, no buffer kept.
    ArabicStemmer stemmer = new ArabicStemmer();
    StringJoiner out = new StringJoiner(" ");
    for (String word : termKey.split(" ", -1)) {
      char[] chars = word.toCharArray();
      out.add(new String(chars, 0, stemmer.stem(chars, chars.length)));
    }
    return out.toString();
  }

  /**
   * The surface without the removed clitic letters, tatweel and diacritics, Latin lower-cased:
   * «بالقاهرة» → «القاهرة», «للإرهاب» → «الإرهاب». Hamza forms and ta marbuta stay as printed.
   */
  static String displayForm(String surface, CliticSegmenter.Segmented seg) {
    int toSkip = seg.lettersRemoved();
    String display;
    if (isPlain(surface)) {
      // Most tokens: nothing to drop or lower-case, so the printed letters after the clitics as they are.
      display = toSkip == 0 ? surface : surface.substring(Math.min(toSkip, surface.length()));
    } else {
      StringBuilder sb = new StringBuilder(surface.length());
      for (int i = 0; i < surface.length(); i++) {
        char c = surface.charAt(i);
        if (isTatweelOrDiacritic(c)) {
          continue;
        }
        if (toSkip > 0) {
          toSkip--;
          continue;
        }
        sb.append(Character.toLowerCase(c));
      }
      display = sb.toString();
    }
    return seg.lamLamToAlefLam() ? "ال" + display : display;
  }

  /**
   * True when {@link #withoutMarks} would return {@code s} unchanged: no tatweel, no diacritic, no
   * letter with a lower case. Arabic letters and digits pass without a lookup in the Unicode tables.
   */
  static boolean isPlain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\u0621' && c <= '\u063A' || c >= '\u0641' && c <= '\u064A' || c >= '0' && c <= '9'
          || c >= '\u0660' && c <= '\u0669') {
        continue;
      }
      if (isTatweelOrDiacritic(c) || Character.toLowerCase(c) != c) {
        return false;
      }
    }
    return true;
  }

  /** The text without tatweel and diacritics, Latin lower-cased: «الإرهابَ» → «الإرهاب». */
  public static String withoutMarks(String s) {
    if (isPlain(s)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isTatweelOrDiacritic(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  static boolean isTatweelOrDiacritic(char c) {
    return c == '\u0640' || (c >= '\u064B' && c <= '\u0652') || c == '\u0670';
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  @Override
  public void close() {
    analyzer.close();
  }
}
