package io.arabicnews.topics;

import io.arabicnews.dates.Period;
import java.io.Serializable;
import lombok.Builder;
import lombok.Value;

/** Settings of the topic stage, curated and learned. */
@Value
@Builder(toBuilder = true)
public class TopicsConfig implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final int DEFAULT_LDA_TOPICS = 20;

  @Builder.Default Period period = Period.MONTH;
  /** A curated topic needs at least this score in an article (one «غزة», weight 4, scores 4). */
  @Builder.Default double minTopicScore = 4.0;
  /** Periods averaged by share_smoothed (centred); 1 = no smoothing. */
  @Builder.Default int smoothingWindow = 3;
  /** Learned (LDA) topics; 0 turns LDA off. */
  @Builder.Default int ldaTopics = DEFAULT_LDA_TOPICS;
  /**
   * Whether the user asked for {@link #ldaTopics}: then an input too small to fit them is an error;
   * otherwise (the default) the learned topics are skipped with a warning and every other table is
   * still written.
   */
  @Builder.Default boolean ldaTopicsGiven = false;
  @Builder.Default int ldaIterations = 20;
  @Builder.Default long ldaSeed = 20130125L;
  /** Most frequent terms (by document count) the LDA vocabulary keeps. */
  @Builder.Default int ldaVocabulary = 10_000;
  /** Terms in fewer articles are left out of LDA; 0 = max(2, articles / 2,000). */
  @Builder.Default long ldaMinDocCount = 0;
  /** Terms in more than this fraction of articles are left out of LDA (too common to tell topics apart). */
  @Builder.Default double ldaMaxDocFraction = 0.2;
  /** Learned topic weights below this are not written to article_topics. */
  @Builder.Default double ldaMinWeight = 0.05;

  public TopicsConfig validate() {
    if (smoothingWindow < 1) {
      throw new IllegalArgumentException("--smoothing-window must be at least 1 (got " + smoothingWindow + ")");
    }
    if (ldaTopics < 0 || ldaTopics == 1) {
      throw new IllegalArgumentException("--lda-topics must be 0 (off) or at least 2 (got " + ldaTopics + ")");
    }
    if (ldaIterations < 1) {
      throw new IllegalArgumentException("--lda-iterations must be at least 1 (got " + ldaIterations + ")");
    }
    if (ldaMaxDocFraction <= 0 || ldaMaxDocFraction > 1) {
      throw new IllegalArgumentException("--lda-max-doc-fraction must be in (0, 1] (got " + ldaMaxDocFraction + ")");
    }
    return this;
  }

  public long effectiveMinDocCount(long articles) {
    return ldaMinDocCount > 0 ? ldaMinDocCount : Math.max(2, articles / 2_000);
  }
}
