package io.arabicnews.entities;

import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.DataFile;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * Everything the entity pass needs on executors, built once on the driver and broadcast: the analyser
 * data (with every gazetteer word in the clitic lexicon), the compiled gazetteer and the candidate
 * finder's cue lists.
 */
public final class EntityResources implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Count given to gazetteer words in the clitic lexicon: «وباتروشيف» must segment. */
  static final int GAZETTEER_WORD_COUNT = 1_000_000;

  private final AnalyzerResources analyzer;
  private final Gazetteer gazetteer;
  private final Set<String> cueKeys;
  private final Set<String> roleNounKeys;

  private EntityResources(AnalyzerResources analyzer, Gazetteer gazetteer, Set<String> cues, Set<String> roles) {
    this.analyzer = analyzer;
    this.gazetteer = gazetteer;
    this.cueKeys = cues;
    this.roleNounKeys = roles;
  }

  /** Words after which a person's name usually follows («الرئيس», «وزير», «اللواء» …). */
  public static final String TITLE_CUES = "/io/arabicnews/entities/title-cues.txt";

  /** The analyser data every stage should use once a gazetteer is known. */
  public static AnalyzerResources withGazetteerWords(AnalyzerResources base, GazetteerFile file) {
    return base.withKnownWords(file.words(), GAZETTEER_WORD_COUNT);
  }

  /** @param analyzerResources already holding the gazetteer words (see {@link #withGazetteerWords}) */
  public static EntityResources build(AnalyzerResources analyzerResources, GazetteerFile file) {
    try (ArabicTextAnalyzer a = new ArabicTextAnalyzer(analyzerResources)) {
      return new EntityResources(analyzerResources, Gazetteer.compile(file, a),
          words(TITLE_CUES, a), words("/io/arabicnews/entities/role-nouns.txt", a));
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

  public CandidateFinder candidateFinder() {
    return new CandidateFinder(cueKeys, roleNounKeys);
  }
}
