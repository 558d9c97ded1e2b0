package io.arabicnews.terms;

import java.io.Serializable;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/** How often a term, printed one way ({@code display}), occurs in one article. */
@Data
@NoArgsConstructor
@AllArgsConstructor
public class TermCount implements Serializable {
  private static final long serialVersionUID = 1L;
  private String articleId;
  private String termKey;
  private int n;
  private String display;
  private String stem;
  private long termCount;
}
