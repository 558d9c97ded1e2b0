package io.arabicnews.topics;

import java.io.Serializable;
import java.util.List;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/** An article's weight on one topic, with the taxonomy keywords that matched (curated topics). */
@Data
@NoArgsConstructor
@AllArgsConstructor
public class ArticleTopic implements Serializable {
  private static final long serialVersionUID = 1L;
  private String articleId;
  private String topicId;
  private double weight;
  private double score;
  private List<String> matchedTerms;
}
