package io.arabicnews.jobs;

import io.arabicnews.corpus.CorpusSpec;
import io.arabicnews.duplicates.DuplicatesConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import lombok.Builder;
import lombok.Value;

/** Everything the ingest stage needs, validated in one place. */
@Value
@Builder(toBuilder = true)
public class IngestConfig {
  CorpusSpec corpus;
  String outputRoot;
  /** User boilerplate patterns replacing the shipped ones, or null. */
  String boilerplatePath;
  /** Near-duplicate detection settings. */
  @Builder.Default DuplicatesConfig duplicates = DuplicatesConfig.builder().build();
  /**
   * Where to keep what a later {@code --mode append} compares new articles with (the shingles and
   * near-duplicate pairs, {@link io.arabicnews.append.AppendState}); null: not kept (ingest alone).
   */
  String stateRoot;
  /**
   * Whether to cluster the input's near-duplicates among themselves (their shingles are kept either
   * way). An append does not: it clusters its new articles against the archive, themselves included
   * ({@link io.arabicnews.append.ClusterUpdate}), and a clustering of the input alone would be thrown
   * away.
   */
  @Builder.Default boolean clusterDuplicates = true;

  /** Throws IllegalArgumentException naming the bad value. */
  public IngestConfig validate() {
    if (corpus == null || corpus.getInputPath() == null || corpus.getInputPath().isBlank()) {
      throw new IllegalArgumentException("--input is required");
    }
    if (outputRoot == null || outputRoot.isBlank()) {
      throw new IllegalArgumentException("--output is required");
    }
    if (boilerplatePath != null && !Files.isReadable(Path.of(boilerplatePath))) {
      throw new IllegalArgumentException("--boilerplate: cannot read file " + boilerplatePath);
    }
    for (String[] c : new String[][] {{"--id-column", corpus.getIdColumn()}, {"--text-column", corpus.getTextColumn()},
        {"--title-column", corpus.getTitleColumn()}, {"--date-column", corpus.getDateColumn()},
        {"--source-column", corpus.getSourceColumn()}, {"--url-column", corpus.getUrlColumn()}}) {
      if (c[1] == null || c[1].isBlank()) {
        throw new IllegalArgumentException(c[0] + " must not be empty");
      }
    }
    return this;
  }
}
