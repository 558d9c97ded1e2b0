package io.arabicnews.entities;

import java.io.Serializable;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/**
 * What the entity pass finds in a sentence: a gazetteer {@code mention}, or a {@code candidate}
 * name after a title cue that the gazetteer does not know.
 */
@Data
@NoArgsConstructor
@AllArgsConstructor
public class EntityHit implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String MENTION = "mention";
  public static final String CANDIDATE = "candidate";
  /**
   * A bare-surname mention in an article a reader split may have cut, whose piece does not name the
   * entity in full: kept as a mention only if another piece does ({@link EntityExtractor#resolveCut}).
   */
  public static final String UNRESOLVED_SURNAME = "unresolved_surname";

  private String kind;
  private String articleId;
  private int sentenceIndex;
  private int tokenPosition;
  /** The entity id (mentions) or the candidate's normalised key (candidates). */
  private String entityId;
  /** The text as printed (mentions) or the candidate's display form (candidates). */
  private String surface;
  private boolean nisba;
  /** Candidates: the title cue before the name («وزير», «اللواء»). */
  private String cue;
}
