package io.arabicnews.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.SparkTestBase;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.junit.jupiter.api.Test;

class DuplicateIdsTest extends SparkTestBase {
  private static ProcessedArticle article(String id, String path, String hash, long recordIndex) {
    ProcessedArticle a = new ProcessedArticle();
    a.setArticleId(id);
    a.setInputPath(path);
    a.setContentHash(hash);
    a.setBody("body of " + id);
    a.setRecordIndex(recordIndex);
    return a;
  }

  private static Map<Long, String> reasonsByRecord(Dataset<ProcessedArticle> out) {
    return out.collectAsList().stream().collect(Collectors.toMap(
        ProcessedArticle::getRecordIndex, a -> a.getRejectReason() == null ? "loaded" : a.getRejectReason()));
  }

  @Test
  void keepsTheFirstCopyByPathThenContentThenRecord() {
    ProcessedArticle alreadyRejected = article("x", "a.jsonl", null, 9);
    alreadyRejected.setRejectReason("no_body");
    Dataset<ProcessedArticle> in = spark().createDataset(List.of(
            article("same", "b.jsonl", "h1", 1),
            article("same", "a.jsonl", "h2", 2), // first path: kept
            article("same", "a.jsonl", "h3", 3),
            article("twice", "c.jsonl", "h4", 8), // the same line twice in one file: the later is the copy
            article("twice", "c.jsonl", "h4", 7),
            article("alone", "c.jsonl", "h5", 4),
            alreadyRejected),
        ArticleAssembler.ENCODER);

    Dataset<ProcessedArticle> out = DuplicateIds.reject(in);

    assertThat(reasonsByRecord(out)).containsExactlyInAnyOrderEntriesOf(Map.of(
        1L, "duplicate_id", 2L, "loaded", 3L, "duplicate_id", 7L, "loaded", 8L, "duplicate_id",
        4L, "loaded", 9L, "no_body"));
    ProcessedArticle copy = out.collectAsList().stream().filter(a -> a.getRecordIndex() == 1).findFirst().orElseThrow();
    assertThat(copy.getRejectDetail()).isEqualTo("article_id already loaded from a.jsonl");
    assertThat(copy.getBody()).isEqualTo("body of same");
  }

  @Test
  void aCorpusWithoutDuplicateIdsComesBackAsItWas() {
    Dataset<ProcessedArticle> in = spark().createDataset(List.of(
        article("a", "p", "h1", 1), article("b", "p", "h2", 2)), ArticleAssembler.ENCODER);

    assertThat(reasonsByRecord(DuplicateIds.reject(in))).containsExactlyInAnyOrderEntriesOf(Map.of(1L, "loaded", 2L, "loaded"));
  }
}
