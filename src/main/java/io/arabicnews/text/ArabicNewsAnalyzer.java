package io.arabicnews.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The Lucene chain every token goes through: UAX#29 word boundaries, Arabic-Indic digits to ASCII
 * («٢٠٢٣» → «2023»), Latin lower-cased, then Lucene's Arabic normalisation (hamza/madda alef → ا, ى →
 * ي, ة → ه, tatweel and diacritics removed).
 *
 * <p>Unlike Lucene's {@code ArabicAnalyzer} it stops nothing and stems nothing here: stop words are
 * checked after normalisation and clitic segmentation (so Egyptian spellings such as «فى» and «الى»
 * are caught), and stems are computed per token by {@link ArabicTextAnalyzer}. {@link
 * #normalize(String, String)} applies the same filters to a single word, which is how stop lists,
 * lexicons and gazetteer aliases are brought into the analyser's key space.
 */
public final class ArabicNewsAnalyzer extends Analyzer {

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    return new TokenStreamComponents(source, normalizationChain(source));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return normalizationChain(in);
  }

  private static TokenStream normalizationChain(TokenStream in) {
    TokenStream out = new DecimalDigitFilter(in);
    out = new LowerCaseFilter(out);
    return new ArabicNormalizationFilter(out);
  }

  /** The normalised form of one word, exactly as the token stream would produce it. */
  public String normalizeWord(String word) {
    return normalize("text", word.strip()).utf8ToString();
  }
}
