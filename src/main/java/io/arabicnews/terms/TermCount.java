package io.arabicnews.terms;

import java.io.Serializable;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/**
 * How often a term occurs in one article, with the article's most frequent printed form of it and how
 * often that form occurs (so the corpus-wide display form can be chosen without keeping every form).
 */
@Data
@NoArgsConstructor
@AllArgsConstructor
public class TermCount implements Serializable {
  private static final long serialVersionUID = 1L;
  private String articleId;
  private String termKey;
  private int n;
  private String display;
  private long termCount;
  private long displayCount;
  /** The article is the first or last of its partition and may continue in the next one. */
  private boolean partial;
}
