package io.arabicnews.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.SparkTestBase;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallRunsTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void aSmallRunTurnsAdaptiveExecutionOffAndShufflesIntoOnePartitionPerSlot() {
    assertThat(SmallRuns.settings(2, new SparkConf(false)))
        .containsExactly(
            Map.entry(SmallRuns.ADAPTIVE, "false"), Map.entry(SmallRuns.SHUFFLE_PARTITIONS, "2"));
  }

  @Test
  void settingsTheUserGaveAreKept() {
    SparkConf user = new SparkConf(false).set(SmallRuns.SHUFFLE_PARTITIONS, "64");
    assertThat(SmallRuns.settings(2, user)).containsOnlyKeys(SmallRuns.ADAPTIVE);
  }

  @Test
  void closingPutsTheSessionsOwnValuesBack() {
    String partitions = spark().conf().get(SmallRuns.SHUFFLE_PARTITIONS);
    try (SmallRuns.Applied tuned = SmallRuns.applyIf(true, spark())) {
      assertThat(tuned.active()).isTrue();
      assertThat(spark().conf().get(SmallRuns.ADAPTIVE)).isEqualTo("false");
      assertThat(spark().conf().get(SmallRuns.SHUFFLE_PARTITIONS))
          .isEqualTo(String.valueOf(spark().sparkContext().defaultParallelism()));
    }
    assertThat(spark().conf().get(SmallRuns.ADAPTIVE)).isEqualTo("true");
    assertThat(spark().conf().get(SmallRuns.SHUFFLE_PARTITIONS)).isEqualTo(partitions);
    try (SmallRuns.Applied untouched = SmallRuns.applyIf(false, spark())) {
      assertThat(untouched.active()).isFalse();
      assertThat(spark().conf().get(SmallRuns.ADAPTIVE)).isEqualTo("true");
    }
  }

  @Test
  void theSeedsAreASmallInput() {
    assertThat(SmallRuns.isSmallInput(spark(), "data")).isTrue();
    assertThat(SmallRuns.isSmallInput(spark(), "data/000_31df72e609d04747.txt")).isTrue();
  }

  @Test
  void compressedFilesCountAtFourTimesTheirSize() throws IOException {
    // 5 MB as stored: small as plain JSON Lines, 20 MB of text (over the 16 MB limit) when gzipped.
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    Path gzipped = Files.createDirectories(tmp.resolve("gzipped"));
    sized(plain.resolve("a.jsonl"), 5L << 20);
    sized(gzipped.resolve("a.jsonl.gz"), 5L << 20);

    assertThat(SmallRuns.isSmallInput(spark(), plain.toString())).isTrue();
    assertThat(SmallRuns.isSmallInput(spark(), gzipped.toString())).isFalse();
    assertThat(SmallRuns.isSmallInput(spark(), tmp.resolve("missing").toString())).isFalse();
  }

  @Test
  void theStageJobsJudgeByTheRowsOfTheArticlesTable() {
    Path small = tmp.resolve("small");
    Path large = tmp.resolve("large");
    spark().range(SmallRuns.MAX_ARTICLES).write().parquet(small.resolve("articles").toString());
    spark().range(SmallRuns.MAX_ARTICLES + 1).write().parquet(large.resolve("articles").toString());

    assertThat(SmallRuns.isSmallCorpus(spark(), small.toString())).isTrue();
    assertThat(SmallRuns.isSmallCorpus(spark(), large.toString())).isFalse();
    assertThat(SmallRuns.isSmallCorpus(spark(), tmp.resolve("no-tables").toString())).isFalse();
  }

  private static void sized(Path file, long bytes) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(bytes); // sparse: the length is what counts
    }
  }
}
