package io.arabicnews.jobs;

import io.arabicnews.dates.Period;
import io.arabicnews.topics.TopicsConfig;
import picocli.CommandLine.Option;

/** Options of the topic stage. */
public class TopicsOptions {
  @Option(names = "--taxonomy", description = "Topic taxonomy TSV to use instead of the shipped one (see src/main/resources/io/arabicnews/topics/taxonomy.tsv)")
  String taxonomy;

  @Option(names = "--min-topic-score", defaultValue = "4.0", description = "Minimum curated topic score in an article (default: ${DEFAULT-VALUE})")
  double minTopicScore;

  @Option(names = "--smoothing-window", defaultValue = "3", description = "Periods in the centred moving average share_smoothed (default: ${DEFAULT-VALUE})")
  int smoothingWindow;

  /** Null when neither the command line nor --config gave it: the default, which a small input may skip. */
  @Option(names = "--lda-topics", description = "Learned (LDA) topics; 0 turns LDA off (default: "
      + TopicsConfig.DEFAULT_LDA_TOPICS + ", skipped with a warning when the input is too small to fit them; a value given here is an error then)")
  Integer ldaTopics;

  @Option(names = "--lda-iterations", defaultValue = "20", description = "LDA iterations (default: ${DEFAULT-VALUE})")
  int ldaIterations;

  @Option(names = "--lda-seed", defaultValue = "20130125", description = "LDA random seed, for reproducible runs (default: ${DEFAULT-VALUE})")
  long ldaSeed;

  @Option(names = "--lda-vocabulary", defaultValue = "10000", description = "LDA vocabulary size (default: ${DEFAULT-VALUE})")
  int ldaVocabulary;

  @Option(names = "--lda-min-doc-count", defaultValue = "0", description = "Leave terms in fewer articles out of LDA; 0 = max(2, articles / 2000) (default: ${DEFAULT-VALUE})")
  long ldaMinDocCount;

  @Option(names = "--lda-max-doc-fraction", defaultValue = "0.2", description = "Leave terms in more than this fraction of articles out of LDA (default: ${DEFAULT-VALUE})")
  double ldaMaxDocFraction;

  TopicsConfig toConfig(String period) {
    return TopicsConfig.builder()
        .period(Period.parse(period))
        .minTopicScore(minTopicScore)
        .smoothingWindow(smoothingWindow)
        .ldaTopics(ldaTopics == null ? TopicsConfig.DEFAULT_LDA_TOPICS : ldaTopics)
        .ldaTopicsGiven(ldaTopics != null)
        .ldaIterations(ldaIterations)
        .ldaSeed(ldaSeed)
        .ldaVocabulary(ldaVocabulary)
        .ldaMinDocCount(ldaMinDocCount)
        .ldaMaxDocFraction(ldaMaxDocFraction)
        .build()
        .validate();
  }

  io.arabicnews.topics.Taxonomy taxonomy(io.arabicnews.text.AnalyzerResources resources) {
    try (io.arabicnews.text.ArabicTextAnalyzer a = new io.arabicnews.text.ArabicTextAnalyzer(resources)) {
      return taxonomy == null
          ? io.arabicnews.topics.Taxonomy.defaults(a)
          : io.arabicnews.topics.Taxonomy.load(java.nio.file.Path.of(taxonomy), a);
    }
  }
}
