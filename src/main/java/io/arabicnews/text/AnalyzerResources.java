package io.arabicnews.text;

import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.Getter;

/**
 * The data the analyser needs, loaded once on the driver and broadcast: the stop-word set (Lucene's
 * Arabic list plus our additions), the clitic lexicon (normalised word → corpus count) and the words
 * never to segment. Every entry is normalised with {@link ArabicNewsAnalyzer#normalizeWord} so lists
 * can be written in any spelling.
 */
@Getter
public final class AnalyzerResources implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String LUCENE_STOPWORDS = "/org/apache/lucene/analysis/ar/stopwords.txt";
  static final String STOPWORD_ADDITIONS = "/io/arabicnews/text/stopwords-additions.txt";
  static final String LEXICON = "/io/arabicnews/text/clitic-lexicon.tsv";
  static final String PROTECTED = "/io/arabicnews/text/protected-words.txt";
  /** A prefix is removed only if the rest occurs at least this often in the lexicon's corpus. */
  public static final int DEFAULT_MIN_COUNT = 5;

  private final Set<String> stopWords;
  private final Map<String, Integer> lexicon;
  private final Set<String> protectedWords;
  private final int minLexiconCount;

  private AnalyzerResources(
      Set<String> stopWords, Map<String, Integer> lexicon, Set<String> protectedWords, int minCount) {
    this.stopWords = stopWords;
    this.lexicon = lexicon;
    this.protectedWords = protectedWords;
    this.minLexiconCount = minCount;
  }

  /** The shipped lists, with optional user files (null to skip) added to them. */
  public static AnalyzerResources load(Path extraStopWords, Path extraLexicon) {
    try (ArabicNewsAnalyzer analyzer = new ArabicNewsAnalyzer()) {
      Set<String> stop = new HashSet<>();
      readWords(DataFile.resource(LUCENE_STOPWORDS), analyzer, stop);
      readWords(DataFile.resource(STOPWORD_ADDITIONS), analyzer, stop);
      if (extraStopWords != null) {
        readWords(DataFile.open(extraStopWords, "stop words"), analyzer, stop);
      }
      Map<String, Integer> lexicon = new HashMap<>();
      readLexicon(DataFile.resource(LEXICON), LEXICON, analyzer, lexicon);
      if (extraLexicon != null) {
        readLexicon(DataFile.open(extraLexicon, "lexicon"), extraLexicon.toString(), analyzer, lexicon);
      }
      Set<String> keep = new HashSet<>();
      readWords(DataFile.resource(PROTECTED), analyzer, keep);
      return new AnalyzerResources(stop, lexicon, keep, DEFAULT_MIN_COUNT);
    }
  }

  public static AnalyzerResources defaults() {
    return load(null, null);
  }

  /**
   * A copy with more words known to the lexicon (e.g. every gazetteer word), so «وباتروشيف» segments.
   * Each word is added in its segmented form: a listed «للأمم» adds «الامم», so it cannot stop «للأمم»
   * from segmenting.
   */
  public AnalyzerResources withKnownWords(Iterable<String> words, int count) {
    Map<String, Integer> merged = new HashMap<>(lexicon);
    CliticSegmenter segmenter = new CliticSegmenter(lexicon, protectedWords, minLexiconCount);
    try (ArabicNewsAnalyzer analyzer = new ArabicNewsAnalyzer()) {
      for (String w : words) {
        String normalized = analyzer.normalizeWord(w);
        if (!normalized.isEmpty()) {
          merged.merge(segmenter.segment(normalized).word(), count, Math::max);
        }
      }
    }
    return new AnalyzerResources(stopWords, merged, protectedWords, minLexiconCount);
  }

  private static void readWords(InputStream in, ArabicNewsAnalyzer analyzer, Set<String> into) {
    for (String line : DataFile.lines(in)) {
      String word = line.strip();
      if (!word.isEmpty() && !word.startsWith("#")) {
        into.add(analyzer.normalizeWord(word));
      }
    }
  }

  private static void readLexicon(
      InputStream in, String name, ArabicNewsAnalyzer analyzer, Map<String, Integer> into) {
    List<String> lines = DataFile.lines(in);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      if (parts.length != 2 || !parts[1].matches("\\d+")) {
        throw new IllegalArgumentException(
            name + " line " + (i + 1) + ": expected <word> TAB <count>, got: " + line);
      }
      into.merge(analyzer.normalizeWord(parts[0]), Integer.parseInt(parts[1]), Integer::sum);
    }
  }
}
