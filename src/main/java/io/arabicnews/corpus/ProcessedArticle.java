package io.arabicnews.corpus;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/**
 * An input record after decoding, cleaning, date extraction, sentence splitting and token counting:
 * one row of the {@code articles} table plus its sentences, or a reject with its reason.
 */
@Data
@NoArgsConstructor
@AllArgsConstructor
public class ProcessedArticle implements Serializable {
  private static final long serialVersionUID = 1L;

  private String articleId;
  private String source;
  private String url;
  private String title;
  private String body;
  private LocalDate publishedDate;
  private String dateSource;
  private String dateNote;
  private String encoding;
  private int charCount;
  private int sentenceCount;
  private int tokenCount;
  private int removedLineCount;
  private String contentHash;
  private String inputPath;
  /** Body sentences in order; the title is not among them. */
  private List<String> sentences;
  /** Paragraph index (0-based) of each body sentence. */
  private List<Integer> sentenceParagraphs;
  /** Hashed word shingles of the body ({@link io.arabicnews.duplicates.Shingles}), for near-duplicate detection. */
  private List<Integer> shingles;
  private String rejectReason;
  private String rejectDetail;
  /**
   * Unique within a run: the input partition and the record's position in it. Ties between copies
   * of an id with the same path and content are broken by it, so which copy is kept never depends
   * on a shuffle's order.
   */
  private long recordIndex;

  public boolean isRejected() {
    return rejectReason != null;
  }
}
