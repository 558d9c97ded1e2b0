package io.arabicnews.terms;

import io.arabicnews.dates.Period;
import java.io.Serializable;
import java.util.Locale;
import lombok.Builder;
import lombok.Value;

/** Settings of the term-frequency stage, validated in one place. */
@Value
@Builder(toBuilder = true)
public class TermsConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How phrases are scored against the chance of their words meeting. */
  public enum PhraseMeasure {
    NPMI,
    LLR;

    public static PhraseMeasure parse(String s) {
      try {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException("--phrase-measure must be npmi or llr (got «" + s + "»)");
      }
    }
  }

  @Builder.Default Period period = Period.MONTH;
  /** Longest phrase, in words. */
  @Builder.Default int maxN = 3;
  /** Words seen fewer times in the corpus are left out of the tables. */
  @Builder.Default long minTermCount = 1;
  /** A phrase must occur this often; 0 means max(3, content tokens / 1,000,000). */
  @Builder.Default long phraseMinCount = 0;
  @Builder.Default PhraseMeasure phraseMeasure = PhraseMeasure.NPMI;
  /** Minimum score of the weakest split of a phrase: NPMI in [-1, 1], or LLR (10.83 is p < 0.001). */
  @Builder.Default Double phraseMinScore = null;
  /**
   * Up to this many articles, their attributes (id, source, date, token count, canonical flag: about
   * 60 bytes each) are broadcast to the per-article term rows; beyond it, the rows meet them in one
   * shuffle join, kept on disk for all four tables.
   */
  @Builder.Default long broadcastArticles = 1_000_000;

  public double effectivePhraseMinScore() {
    if (phraseMinScore != null) {
      return phraseMinScore;
    }
    return phraseMeasure == PhraseMeasure.NPMI ? 0.3 : 10.83;
  }

  /**
   * @param wordTokens word tokens in the corpus (stop words included: known from the articles table
   *     before any counting, so the first pass can filter on it)
   */
  public long effectivePhraseMinCount(long wordTokens) {
    return phraseMinCount > 0 ? phraseMinCount : Math.max(3, wordTokens / 2_000_000);
  }

  public TermsConfig validate() {
    if (maxN < 1 || maxN > 5) {
      throw new IllegalArgumentException("--max-n must be between 1 and 5 (got " + maxN + ")");
    }
    if (minTermCount < 1) {
      throw new IllegalArgumentException("--min-term-count must be at least 1 (got " + minTermCount + ")");
    }
    if (phraseMinCount < 0) {
      throw new IllegalArgumentException("--phrase-min-count must be 0 (auto) or more (got " + phraseMinCount + ")");
    }
    if (broadcastArticles < 0) {
      throw new IllegalArgumentException("--broadcast-articles must be 0 or more (got " + broadcastArticles + ")");
    }
    if (phraseMeasure == PhraseMeasure.NPMI && phraseMinScore != null && (phraseMinScore < -1 || phraseMinScore > 1)) {
      throw new IllegalArgumentException("--phrase-min-score for npmi must be in [-1, 1] (got " + phraseMinScore + ")");
    }
    return this;
  }
}
