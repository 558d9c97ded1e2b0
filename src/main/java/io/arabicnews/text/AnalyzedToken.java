package io.arabicnews.text;

/**
 * One word of a sentence as the analyser sees it.
 *
 * @param surface the text as printed, clitics and all («بالقاهرة»)
 * @param display the surface without clitics, tatweel and diacritics («القاهرة»): what users read
 * @param key the normalised, clitic-free form counts are keyed by («القاهره»)
 * @param position index of the token in its sentence, counting stop words too
 * @param stop a stop word (after normalisation and segmentation), or a one-letter token
 * @param number digits only («2023», «٢٦»)
 */
public record AnalyzedToken(
    String surface,
    String display,
    String key,
    int position,
    int startOffset,
    int endOffset,
    boolean stop,
    boolean number) {

  /**
   * Lucene's light stem of the key («قاهر»): a grouping key, never a display form. Derived on demand,
   * not kept: the hot paths count keys, and term tables stem once per term ({@link
   * ArabicTextAnalyzer#stemKeys}).
   */
  public String stem() {
    return number ? key : ArabicTextAnalyzer.stemKeys(key);
  }

  /** A token that can be counted as a term: not a stop word and not a number. */
  public boolean isContent() {
    return !stop && !number;
  }
}
