package io.arabicnews.entities;

import io.arabicnews.entities.tagger.NameModels;
import io.arabicnews.entities.tagger.NameTagger;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.DataFile;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * Everything the entity pass needs on executors, built once on the driver and broadcast (so each
 * executor deserialises it once): the analyser data (with every gazetteer word in the clitic
 * lexicon), the compiled gazetteer, the name tagger and the title cues.
 */
public final class EntityResources implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Count given to gazetteer words in the clitic lexicon: «وباتروشيف» must segment. */
  static final int GAZETTEER_WORD_COUNT = 1_000_000;
  /** Tagged names below this confidence are left out unless a caller says otherwise (see docs/entities.md). */
  public static final String DEFAULT_MIN_NAME_CONFIDENCE_OPTION = "0.6"; // as the option's default
  public static final float DEFAULT_MIN_NAME_CONFIDENCE = Float.parseFloat(DEFAULT_MIN_NAME_CONFIDENCE_OPTION);

  private final AnalyzerResources analyzer;
  private final Gazetteer gazetteer;
  private final Set<String> cueKeys;
  private final NameTagger tagger;
  private final float minNameConfidence;
  private final NameSpellings spellings;

  private EntityResources(AnalyzerResources analyzer, Gazetteer gazetteer, Set<String> cues, NameTagger tagger,
      float minNameConfidence, NameSpellings spellings) {
    this.analyzer = analyzer;
    this.gazetteer = gazetteer;
    this.cueKeys = cues;
    this.tagger = tagger;
    this.minNameConfidence = minNameConfidence;
    this.spellings = spellings;
  }

  /** Words after which a person's name usually follows («الرئيس», «وزير», «اللواء» …). */
  public static final String TITLE_CUES = "/io/arabicnews/entities/title-cues.txt";

  /** The analyser data every stage should use once a gazetteer is known. */
  public static AnalyzerResources withGazetteerWords(AnalyzerResources base, GazetteerFile file) {
    return base.withKnownWords(file.words(), GAZETTEER_WORD_COUNT);
  }

  /** With the shipped name tagger and the default confidence. */
  public static EntityResources build(AnalyzerResources analyzerResources, GazetteerFile file) {
    return build(analyzerResources, file, NameModels.shipped(), DEFAULT_MIN_NAME_CONFIDENCE);
  }

  /**
   * @param analyzerResources already holding the gazetteer words (see {@link #withGazetteerWords})
   * @param tagger the name tagger, or null for gazetteer entities only
   * @param minNameConfidence tagged names below it are left out
   */
  public static EntityResources build(
      AnalyzerResources analyzerResources, GazetteerFile file, NameTagger tagger, float minNameConfidence) {
    try (ArabicTextAnalyzer a = new ArabicTextAnalyzer(analyzerResources)) {
      return new EntityResources(analyzerResources, Gazetteer.compile(file, a), words(TITLE_CUES, a), tagger,
          minNameConfidence, NameSpellings.shipped().withGazetteer(file));
    }
  }

  private static Set<String> words(String resource, ArabicTextAnalyzer a) {
    Set<String> out = new HashSet<>();
    for (String line : DataFile.lines(DataFile.resource(resource))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(a.normalizeWord(line.strip()));
      }
    }
    return out;
  }

  public AnalyzerResources analyzer() {
    return analyzer;
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  /** The name tagger, or null when entities come from the gazetteer only. */
  public NameTagger tagger() {
    return tagger;
  }

  public float minNameConfidence() {
    return minNameConfidence;
  }

  /** Title cues, as analyser keys. */
  public Set<String> cueKeys() {
    return cueKeys;
  }

  /** English spellings for names no gazetteer lists. */
  public NameSpellings spellings() {
    return spellings;
  }
}
