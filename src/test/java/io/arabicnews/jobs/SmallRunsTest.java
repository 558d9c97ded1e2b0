package io.arabicnews.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.SparkTestBase;
import io.arabicnews.jobs.SmallRuns.Size;
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
    assertThat(SmallRuns.settings(Size.SMALL, 2, 32, new SparkConf(false)))
        .containsExactly(
            Map.entry(SmallRuns.ADAPTIVE, "false"), Map.entry(SmallRuns.SHUFFLE_PARTITIONS, "2"));
  }

  @Test
  void aTinyRunAlsoTurnsWholeStageCodeGenerationOff() {
    assertThat(SmallRuns.settings(Size.TINY, 2, 32, new SparkConf(false)))
        .containsExactly(
            Map.entry(SmallRuns.ADAPTIVE, "false"), Map.entry(SmallRuns.SHUFFLE_PARTITIONS, "2"),
            Map.entry(SmallRuns.WHOLE_STAGE_CODEGEN, "false"));
    assertThat(SmallRuns.settings(Size.LARGE, 2, 32, new SparkConf(false))).isEmpty();
  }

  @Test
  void aLargeRunRaisesTheShufflePartitionsToWhatItsDataWants() {
    // 2.4 million articles (egypt-news-2013 grown 16x) want 481; 150,014 want 31, under the session's 32.
    Size grown = Size.large(2_400_224 / SmallRuns.ARTICLES_PER_SHUFFLE_PARTITION + 1);
    assertThat(SmallRuns.settings(grown, 2, 32, new SparkConf(false)))
        .containsExactly(Map.entry(SmallRuns.SHUFFLE_PARTITIONS, "481"));
    assertThat(SmallRuns.settings(Size.large(31), 2, 32, new SparkConf(false))).isEmpty();
    assertThat(SmallRuns.settings(grown, 2, 32, new SparkConf(false).set(SmallRuns.SHUFFLE_PARTITIONS, "64")))
        .isEmpty();
  }

  @Test
  void settingsTheUserGaveAreKept() {
    SparkConf user = new SparkConf(false).set(SmallRuns.SHUFFLE_PARTITIONS, "64")
        .set(SmallRuns.WHOLE_STAGE_CODEGEN, "true");
    assertThat(SmallRuns.settings(Size.TINY, 2, 32, user)).containsOnlyKeys(SmallRuns.ADAPTIVE);
  }

  @Test
  void closingPutsTheSessionsOwnValuesBack() {
    String partitions = spark().conf().get(SmallRuns.SHUFFLE_PARTITIONS);
    try (SmallRuns.Applied tuned = SmallRuns.apply(Size.TINY, spark())) {
      assertThat(tuned.active()).isTrue();
      assertThat(spark().conf().get(SmallRuns.ADAPTIVE)).isEqualTo("false");
      assertThat(spark().conf().get(SmallRuns.WHOLE_STAGE_CODEGEN)).isEqualTo("false");
      assertThat(spark().conf().get(SmallRuns.SHUFFLE_PARTITIONS))
          .isEqualTo(String.valueOf(spark().sparkContext().defaultParallelism()));
    }
    assertThat(spark().conf().get(SmallRuns.ADAPTIVE)).isEqualTo("true");
    assertThat(spark().conf().get(SmallRuns.WHOLE_STAGE_CODEGEN)).isEqualTo("true");
    assertThat(spark().conf().get(SmallRuns.SHUFFLE_PARTITIONS)).isEqualTo(partitions);
    try (SmallRuns.Applied untouched = SmallRuns.apply(Size.LARGE, spark())) {
      assertThat(untouched.active()).isFalse();
      assertThat(spark().conf().get(SmallRuns.ADAPTIVE)).isEqualTo("true");
    }
  }

  @Test
  void theSeedsAreATinyInput() {
    assertThat(SmallRuns.ofInput(spark(), "data")).extracting(Size::kind).isEqualTo(SmallRuns.Kind.TINY);
    assertThat(SmallRuns.ofInput(spark(), "data/000_31df72e609d04747.txt")).extracting(Size::kind).isEqualTo(SmallRuns.Kind.TINY);
  }

  @Test
  void compressedFilesCountAtFourTimesTheirSize() throws IOException {
    // 5 MB as stored: small as plain JSON Lines, 20 MB of text (over the 16 MB limit) when gzipped;
    // 1 MB as stored: tiny as plain JSON Lines, small (4 MB of text) when gzipped.
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    Path gzipped = Files.createDirectories(tmp.resolve("gzipped"));
    Path plainTiny = Files.createDirectories(tmp.resolve("plain-tiny"));
    Path gzippedTiny = Files.createDirectories(tmp.resolve("gzipped-tiny"));
    sized(plain.resolve("a.jsonl"), 5L << 20);
    sized(gzipped.resolve("a.jsonl.gz"), 5L << 20);
    sized(plainTiny.resolve("a.jsonl"), 1L << 20);
    sized(gzippedTiny.resolve("a.jsonl.gz"), 1L << 20);

    assertThat(SmallRuns.ofInput(spark(), plain.toString())).extracting(Size::kind).isEqualTo(SmallRuns.Kind.SMALL);
    assertThat(SmallRuns.ofInput(spark(), gzipped.toString())).extracting(Size::kind).isEqualTo(SmallRuns.Kind.LARGE);
    // 20 MB of text at 16 MB per shuffle partition
    assertThat(SmallRuns.ofInput(spark(), gzipped.toString()).shufflePartitions()).isEqualTo(2);
    assertThat(SmallRuns.ofInput(spark(), plainTiny.toString())).extracting(Size::kind).isEqualTo(SmallRuns.Kind.TINY);
    assertThat(SmallRuns.ofInput(spark(), gzippedTiny.toString())).extracting(Size::kind).isEqualTo(SmallRuns.Kind.SMALL);
    assertThat(SmallRuns.ofInput(spark(), tmp.resolve("missing").toString())).extracting(Size::kind).isEqualTo(SmallRuns.Kind.LARGE);
  }

  @Test
  void theStageJobsJudgeByTheRowsOfTheArticlesTable() {
    Path tiny = tmp.resolve("tiny");
    Path small = tmp.resolve("small");
    Path large = tmp.resolve("large");
    spark().range(SmallRuns.TINY_ARTICLES).write().parquet(tiny.resolve("articles").toString());
    spark().range(SmallRuns.MAX_ARTICLES).write().parquet(small.resolve("articles").toString());
    spark().range(SmallRuns.MAX_ARTICLES + 1).write().parquet(large.resolve("articles").toString());

    assertThat(SmallRuns.ofCorpus(spark(), tiny.toString())).extracting(Size::kind).isEqualTo(SmallRuns.Kind.TINY);
    assertThat(SmallRuns.ofCorpus(spark(), small.toString())).extracting(Size::kind).isEqualTo(SmallRuns.Kind.SMALL);
    assertThat(SmallRuns.ofCorpus(spark(), large.toString())).extracting(Size::kind).isEqualTo(SmallRuns.Kind.LARGE);
    assertThat(SmallRuns.ofCorpus(spark(), large.toString()).shufflePartitions()).isEqualTo(2); // 8,001 articles
    assertThat(SmallRuns.ofCorpus(spark(), tmp.resolve("no-tables").toString())).extracting(Size::kind).isEqualTo(SmallRuns.Kind.LARGE);
  }

  private static void sized(Path file, long bytes) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(bytes); // sparse: the length is what counts
    }
  }
}
