package io.arabicnews.entities;

import java.io.Serializable;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/**
 * What the entity pass finds in a sentence: a {@code mention} of an entity, found by the gazetteer,
 * the name tagger or both ({@link #source}).
 */
@Data
@NoArgsConstructor
@AllArgsConstructor
public class EntityHit implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String MENTION = "mention";
  /**
   * A bare-surname mention in an article a reader split may have cut, whose piece does not name the
   * entity in full: kept as a mention only if another piece does ({@link EntityExtractor#resolveCut}).
   */
  public static final String UNRESOLVED_SURNAME = "unresolved_surname";
  /**
   * A tagged person of two words or more in an article a reader split may have cut: it joins a
   * longer name of another piece that ends with it, or stays itself ({@link EntityExtractor#resolveCut}).
   */
  public static final String UNRESOLVED_NAME = "unresolved_name";
  public static final String GAZETTEER = "gazetteer";
  public static final String MODEL = "model";
  public static final String BOTH = "both";

  private String kind;
  private String articleId;
  private int sentenceIndex;
  private int tokenPosition;
  /** The gazetteer's entity id, or for a name only the tagger found, {@link TaggedNames#entityId}. */
  private String entityId;
  /** The text as printed, clitics included. */
  private String surface;
  private boolean nisba;
  /** Tagged names: the title cue just before the name («وزير», «اللواء»), or null. */
  private String cue;
  /** gazetteer, model or both. */
  private String source;
  /** The tagger's confidence in the name (model and both), else null. */
  private Double confidence;
  /** Tagged names: PERSON, PLACE or ORGANIZATION as the tagger read it. */
  private String entityType;
  /** Tagged names: the words without clitics, as printed («عصام العريان»). */
  private String display;
  /** Tagged names: the normalised, clitic-free words («عصام العريان»). */
  private String nameKey;
}
