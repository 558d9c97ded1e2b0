package io.arabicnews.entities.tagger;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.ar.ArabicNormalizer;

/**
 * The tagger's features of a token in its sentence, as 64-bit hashes: the normalised word and its
 * neighbours (±2), the word without its proclitics («وبالقاهرة» → «قاهره»), prefixes and suffixes,
 * word shape, whether the word is a known name word (the name lexicon), a gazetteer word of a type,
 * a title cue before it («الرئيس», «وزير»), a nisba ending, the word clusters of the word and its
 * neighbours, and the labels already given to the two words before it. Normalisation is Lucene's {@link ArabicNormalizer} (hamza and alef forms, ta
 * marbuta, alef maqsura, tatweel, diacritics).
 */
public final class NameFeatures implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String PROCLITICS = "وف";
  private static final String[] ARTICLES = {"وال", "فال", "بال", "كال", "لل", "ال"};

  private final Set<String> nameWords;
  private final Map<String, String> gazetteerTypes;
  private final Set<String> titleCues;
  private final Map<String, Integer> clusters;

  /**
   * @param nameWords normalised words of personal names
   * @param gazetteerTypes normalised, proclitic-free gazetteer alias words and their entity type
   * @param titleCues normalised title cues
   * @param clusters word clusters ({@link WordClusters}) of normalised, proclitic-free words; may be empty
   */
  public NameFeatures(Set<String> nameWords, Map<String, String> gazetteerTypes, Set<String> titleCues,
      Map<String, Integer> clusters) {
    this.nameWords = nameWords;
    this.gazetteerTypes = gazetteerTypes;
    this.titleCues = titleCues;
    this.clusters = clusters;
  }

  Map<String, Integer> clusters() {
    return clusters;
  }

  Set<String> nameWords() {
    return nameWords;
  }

  Map<String, String> gazetteerTypes() {
    return gazetteerTypes;
  }

  Set<String> titleCues() {
    return titleCues;
  }

  /** Lucene's Arabic normalisation of one word. */
  public static String normalise(String word) {
    char[] c = word.toCharArray();
    return new String(c, 0, new ArabicNormalizer().normalize(c, c.length));
  }

  /** The word without a leading «و»/«ف» and an article or «ب/ك/ل» + article, if at least 2 letters remain. */
  static String withoutProclitics(String w) {
    String s = w;
    if (s.length() > 3 && PROCLITICS.indexOf(s.charAt(0)) >= 0 && !s.startsWith("وال") && !s.startsWith("فال")) {
      s = s.substring(1);
    }
    for (String a : ARTICLES) {
      if (s.startsWith(a) && s.length() - a.length() >= 2) {
        return s.substring(a.length());
      }
    }
    if (s.length() > 3 && "بل".indexOf(s.charAt(0)) >= 0) {
      return s.substring(1);
    }
    return s;
  }

  /** What the features of a sentence need once per token. */
  final class Prepared {
    final String[] words;
    final String[] stems;
    final int[] lexicon; // bit 0 name word, bit 1 title cue
    final String[] gazetteer;
    final String[] cluster;

    Prepared(String[] tokens) {
      int n = tokens.length;
      words = new String[n];
      stems = new String[n];
      lexicon = new int[n];
      gazetteer = new String[n];
      cluster = new String[n];
      for (int i = 0; i < n; i++) {
        words[i] = normalise(tokens[i]);
        stems[i] = withoutProclitics(words[i]);
        boolean name = nameWords.contains(words[i]) || nameWords.contains(stems[i]);
        boolean cue = titleCues.contains(words[i]) || titleCues.contains(stems[i]);
        lexicon[i] = (name ? 1 : 0) | (cue ? 2 : 0);
        String type = gazetteerTypes.get(stems[i]);
        gazetteer[i] = type != null ? type : gazetteerTypes.get(words[i]);
        Integer c = clusters.get(stems[i]);
        cluster[i] = c == null ? "-" : c.toString();
      }
    }
  }

  Prepared prepare(String[] tokens) {
    return new Prepared(tokens);
  }

  /** Number of features {@link #extract} writes. */
  static final int COUNT = 34;

  /**
   * Writes token {@code i}'s feature hashes into {@code out} ({@link #COUNT} of them), given the
   * labels of the two tokens before it.
   */
  void extract(Prepared p, int i, int previous, int previous2, long[] out) {
    String w = p.words[i];
    String s = p.stems[i];
    int k = 0;
    out[k++] = h(1, "");
    out[k++] = h(2, w);
    out[k++] = h(3, s);
    out[k++] = h(4, word(p, i - 1));
    out[k++] = h(5, word(p, i + 1));
    out[k++] = h(6, word(p, i - 2));
    out[k++] = h(7, word(p, i + 2));
    out[k++] = h(8, stem(p, i - 1));
    out[k++] = h(9, stem(p, i + 1));
    out[k++] = h(10, prefix(s, 1));
    out[k++] = h(11, prefix(s, 2));
    out[k++] = h(12, prefix(s, 3));
    out[k++] = h(13, suffix(s, 1));
    out[k++] = h(14, suffix(s, 2));
    out[k++] = h(15, suffix(s, 3));
    out[k++] = h(16, prefix(w, 2));
    out[k++] = h(17, word(p, i - 1) + "|" + w);
    out[k++] = h(18, w + "|" + word(p, i + 1));
    out[k++] = h(19, shape(p.words[i]));
    out[k++] = h(20, lex(p, i - 1) + "|" + lex(p, i) + "|" + lex(p, i + 1));
    out[k++] = h(21, gaz(p, i));
    out[k++] = h(22, gaz(p, i - 1) + "|" + gaz(p, i + 1));
    out[k++] = h(23, (s.length() > 3 && (s.endsWith("ي") || s.endsWith("يه") || s.endsWith("يين") || s.endsWith("يون"))) + "|" + (w.startsWith("ال")));
    out[k++] = h(24, Integer.toString(previous));
    out[k++] = h(25, previous2 + "|" + previous);
    out[k++] = h(26, previous + "|" + s);
    out[k++] = h(27, previous + "|" + lex(p, i) + "|" + gaz(p, i));
    out[k++] = h(28, lex(p, i - 2) + "|" + lex(p, i - 1));
    out[k++] = h(29, stem(p, i - 1) + "|" + s);
    out[k++] = h(30, Integer.toString(Math.min(s.length(), 8)) + "|" + (i == 0));
    out[k++] = h(31, cluster(p, i));
    out[k++] = h(32, cluster(p, i - 1));
    out[k++] = h(33, cluster(p, i + 1));
    out[k++] = h(34, previous + "|" + cluster(p, i));
  }

  private static String word(Prepared p, int i) {
    return i < 0 ? "<s>" : i >= p.words.length ? "</s>" : p.words[i];
  }

  private static String stem(Prepared p, int i) {
    return i < 0 ? "<s>" : i >= p.stems.length ? "</s>" : p.stems[i];
  }

  private static String lex(Prepared p, int i) {
    return i < 0 || i >= p.lexicon.length ? "-" : Integer.toString(p.lexicon[i]);
  }

  private static String gaz(Prepared p, int i) {
    return i < 0 || i >= p.gazetteer.length || p.gazetteer[i] == null ? "-" : p.gazetteer[i];
  }

  private static String cluster(Prepared p, int i) {
    return i < 0 ? "<s>" : i >= p.cluster.length ? "</s>" : p.cluster[i];
  }

  private static String prefix(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }

  private static String suffix(String s, int n) {
    return s.length() <= n ? s : s.substring(s.length() - n);
  }

  /** Digits, Latin, punctuation or Arabic, and whether the word is short. */
  private static String shape(String w) {
    boolean digit = false;
    boolean latin = false;
    boolean arabic = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      digit |= Character.isDigit(c);
      latin |= c < 128 && Character.isLetter(c);
      arabic |= c >= 0x0600 && c <= 0x06FF;
    }
    return (digit ? "d" : "") + (latin ? "l" : "") + (arabic ? "a" : "") + (w.length() <= 2 ? "s" : "");
  }

  /** A 64-bit FNV-1a hash of the feature's kind and value. */
  static long h(int kind, String value) {
    long x = 0xcbf29ce484222325L ^ kind;
    x *= 0x100000001b3L;
    for (int i = 0; i < value.length(); i++) {
      x ^= value.charAt(i);
      x *= 0x100000001b3L;
    }
    return x;
  }
}
