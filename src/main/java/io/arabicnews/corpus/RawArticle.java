package io.arabicnews.corpus;

import java.io.Serializable;
import lombok.AllArgsConstructor;
import lombok.Builder;
import lombok.Data;
import lombok.NoArgsConstructor;

/**
 * One input record as read, before cleaning: a text file (decoded, with its manifest metadata) or a
 * JSON Lines / CSV / Parquet row mapped through the configured column names. A record that could not
 * be read at all carries a {@code rejectReason} and goes straight to the rejects table.
 */
@Data
@Builder
@NoArgsConstructor
@AllArgsConstructor
public class RawArticle implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Where the record came from: a file path, or a file path plus record number. */
  private String inputPath;
  private String articleId;
  private String source;
  private String url;
  private String title;
  private String text;
  /** The date as given in metadata, unparsed. */
  private String metadataDate;
  private String encoding;
  /** True for .txt files, whose first line is the headline. */
  private boolean titleInText;
  private String rejectReason;
  private String rejectDetail;
}
