package io.arabicnews.jobs;

import io.arabicnews.dates.Period;
import io.arabicnews.entities.EntitiesConfig;
import io.arabicnews.entities.EntityResources;
import io.arabicnews.entities.GazetteerFile;
import io.arabicnews.entities.tagger.NameModels;
import io.arabicnews.text.AnalyzerResources;
import picocli.CommandLine.Option;

/** Options of the entity and co-mention stage (the gazetteer itself is a common option). */
public class EntitiesOptions {
  @Option(names = "--no-nisba-co-mentions", description = "Leave nisba mentions («الروسي» → Russia) out of co-mentions and entity timelines")
  boolean noNisba;

  @Option(names = "--min-candidate-count", defaultValue = "2", description = "entity_candidates keeps names seen at least this often (default: ${DEFAULT-VALUE})")
  long minCandidateCount;

  @Option(names = "--name-model", description = "Name tagger model file (jobs/train-ner.sh makes one); default: the shipped model; 'none' for gazetteer entities only")
  String nameModel;

  @Option(names = "--min-name-confidence", defaultValue = EntityResources.DEFAULT_MIN_NAME_CONFIDENCE_OPTION, description = "Tagged names below this confidence (0-1) are left out (default: ${DEFAULT-VALUE})")
  float minNameConfidence;

  /** The entity resources these options ask for; reads the model, so a bad model file fails here, before Spark. */
  EntityResources resources(AnalyzerResources analyzer, GazetteerFile gazetteer) {
    if (!(minNameConfidence >= 0 && minNameConfidence <= 1)) {
      throw new IllegalArgumentException("--min-name-confidence must be between 0 and 1 (got " + minNameConfidence + ")");
    }
    return EntityResources.build(analyzer, gazetteer, NameModels.load(nameModel), minNameConfidence);
  }

  EntitiesConfig toConfig(String period) {
    return EntitiesConfig.builder()
        .period(Period.parse(period))
        .nisbaInCoMentions(!noNisba)
        .minCandidateCount(minCandidateCount)
        .build()
        .validate();
  }
}
