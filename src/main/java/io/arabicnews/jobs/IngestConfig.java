package io.arabicnews.jobs;

import io.arabicnews.corpus.CorpusSpec;
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
  /** Extra stop words, or null. */
  String stopWordsPath;
  /** Extra clitic lexicon entries, or null. */
  String lexiconPath;

  /** Throws IllegalArgumentException naming the bad value. */
  public IngestConfig validate() {
    if (corpus == null || corpus.getInputPath() == null || corpus.getInputPath().isBlank()) {
      throw new IllegalArgumentException("--input is required");
    }
    if (outputRoot == null || outputRoot.isBlank()) {
      throw new IllegalArgumentException("--output is required");
    }
    requireLocalFile("--boilerplate", boilerplatePath);
    requireLocalFile("--stopwords", stopWordsPath);
    requireLocalFile("--lexicon", lexiconPath);
    for (String[] c : new String[][] {{"--id-column", corpus.getIdColumn()}, {"--text-column", corpus.getTextColumn()},
        {"--title-column", corpus.getTitleColumn()}, {"--date-column", corpus.getDateColumn()},
        {"--source-column", corpus.getSourceColumn()}, {"--url-column", corpus.getUrlColumn()}}) {
      if (c[1] == null || c[1].isBlank()) {
        throw new IllegalArgumentException(c[0] + " must not be empty");
      }
    }
    return this;
  }

  static Path localPath(String path) {
    return path == null ? null : Path.of(path);
  }

  private static void requireLocalFile(String option, String path) {
    if (path != null && !Files.isReadable(Path.of(path))) {
      throw new IllegalArgumentException(option + ": cannot read file " + path);
    }
  }
}
