package io.arabicnews.entities;

import io.arabicnews.dates.Period;
import java.io.Serializable;
import lombok.Builder;
import lombok.Value;

/** Settings of the entity and co-mention stage. */
@Value
@Builder(toBuilder = true)
public class EntitiesConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  @Builder.Default Period period = Period.MONTH;
  /** Count nisba mentions («الروسي» → Russia) in co-mentions and timelines. */
  @Builder.Default boolean nisbaInCoMentions = true;
  /** entity_candidates keeps names seen at least this often. */
  @Builder.Default long minCandidateCount = 2;

  public EntitiesConfig validate() {
    if (minCandidateCount < 1) {
      throw new IllegalArgumentException("--min-candidate-count must be at least 1 (got " + minCandidateCount + ")");
    }
    return this;
  }
}
