package io.arabicnews.jobs;

import io.arabicnews.dates.Period;
import io.arabicnews.terms.TermsConfig;
import picocli.CommandLine.Option;

/** Options of the term-frequency stage. */
public class TermsOptions {
  @Option(names = "--period", defaultValue = "month", description = "Timeline period: day, week, month, quarter or year (default: ${DEFAULT-VALUE})")
  String period;

  @Option(names = "--max-n", defaultValue = "3", description = "Longest phrase in words (default: ${DEFAULT-VALUE})")
  int maxN;

  @Option(names = "--min-term-count", defaultValue = "1", description = "Leave out words seen fewer times in the corpus (default: ${DEFAULT-VALUE})")
  long minTermCount;

  @Option(names = "--phrase-min-count", defaultValue = "0", description = "Minimum occurrences of a phrase; 0 = max(3, word tokens / 2,000,000) (default: ${DEFAULT-VALUE})")
  long phraseMinCount;

  @Option(names = "--phrase-measure", defaultValue = "npmi", description = "Association measure that keeps a phrase: npmi or llr (default: ${DEFAULT-VALUE})")
  String phraseMeasure;

  @Option(names = "--phrase-min-score", description = "Minimum score of a phrase's weakest split (default: 0.3 for npmi, 10.83 for llr)")
  Double phraseMinScore;

  @Option(names = "--broadcast-articles", defaultValue = "1000000", description = "Up to this many articles, join their attributes to the term rows by broadcast; beyond, by one shuffle join kept on disk (default: ${DEFAULT-VALUE})")
  long broadcastArticles;

  TermsConfig toConfig() {
    return TermsConfig.builder()
        .period(Period.parse(period))
        .maxN(maxN)
        .minTermCount(minTermCount)
        .phraseMinCount(phraseMinCount)
        .phraseMeasure(TermsConfig.PhraseMeasure.parse(phraseMeasure))
        .phraseMinScore(phraseMinScore)
        .broadcastArticles(broadcastArticles)
        .build()
        .validate();
  }
}
