package io.arabicnews.jobs;

import java.util.Map;

/** What the term stage computed: distinct terms by length, the phrase threshold used, undated articles. */
public record TermsReport(
    long articles, long undatedArticles, Map<Integer, Long> termsByN, long phraseMinCount, double seconds) {

  public String summary() {
    return String.format(
        "%d articles (%d undated: in corpus-wide tables, in no period); terms by length %s; phrase min count %d; %.1f s",
        articles, undatedArticles, termsByN, phraseMinCount, seconds);
  }
}
