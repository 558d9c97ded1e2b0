package io.arabicnews.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LearnedTopicsTest {
  @Test
  void documentPartitionsGrowWithTheCorpusUpToEight() {
    assertThat(LearnedTopics.partitionsFor(5)).isEqualTo(1);
    assertThat(LearnedTopics.partitionsFor(3_500)).isEqualTo(3);
    assertThat(LearnedTopics.partitionsFor(150_014)).isEqualTo(8);
    assertThat(LearnedTopics.partitionsFor(2_400_224)).isEqualTo(8);
  }

  @Test
  void weightsAreShuffledIntoTheirFilesOnlyWhenMergingWouldCostTasks() {
    // egypt-news-2013: 2 files of article_topics for 8 document partitions.
    assertThat(LearnedTopics.mergingFilesLimitsWeightTasks(2, 150_014)).isTrue();
    // Grown 16x: 25 files, the shuffle of 10 million rows would buy nothing.
    assertThat(LearnedTopics.mergingFilesLimitsWeightTasks(25, 2_400_224)).isFalse();
    assertThat(LearnedTopics.mergingFilesLimitsWeightTasks(8, 800_000)).isFalse();
    // The seeds: one file, one partition.
    assertThat(LearnedTopics.mergingFilesLimitsWeightTasks(1, 5)).isFalse();
  }
}
