package io.arabicnews.jobs;

import io.arabicnews.dates.Period;
import io.arabicnews.entities.EntitiesConfig;
import picocli.CommandLine.Option;

/** Options of the entity and co-mention stage (the gazetteer itself is a common option). */
public class EntitiesOptions {
  @Option(names = "--no-nisba-co-mentions", description = "Leave nisba mentions («الروسي» → Russia) out of co-mentions and entity timelines")
  boolean noNisba;

  @Option(names = "--min-candidate-count", defaultValue = "2", description = "entity_candidates keeps names seen at least this often (default: ${DEFAULT-VALUE})")
  long minCandidateCount;

  EntitiesConfig toConfig(String period) {
    return EntitiesConfig.builder()
        .period(Period.parse(period))
        .nisbaInCoMentions(!noNisba)
        .minCandidateCount(minCandidateCount)
        .build()
        .validate();
  }
}
