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
 * neighbours, what the tagger's models made of the word in unlabelled news ({@link CorpusLabels}),
 * whether the word carries a conjunction (a name after «و» starts a new name), and the labels
 * already given to the two words before it. Normalisation is Lucene's {@link ArabicNormalizer} (hamza and alef forms, ta
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
  private final Map<String, Integer> corpusLabels;
  /** Every lexicon above in one map, so that a token costs two lookups (its form and its stem), not seven. */
  private final Map<String, Lexical> lexical;

  /** What the lexicons say of one form: a name word, a title cue, its gazetteer type, cluster, corpus label. */
  private record Lexical(boolean name, boolean cue, String gazetteerType, Integer cluster, Integer corpusLabel)
      implements Serializable {
    static final Lexical NONE = new Lexical(false, false, null, null, null);
  }

  /**
   * @param nameWords normalised words of personal names
   * @param gazetteerTypes normalised, proclitic-free gazetteer alias words and their entity type
   * @param titleCues normalised title cues
   * @param clusters word clusters ({@link WordClusters}) of normalised, proclitic-free words; may be empty
   * @param corpusLabels {@link CorpusLabels#code codes} of normalised, proclitic-free words; may be empty
   */
  public NameFeatures(Set<String> nameWords, Map<String, String> gazetteerTypes, Set<String> titleCues,
      Map<String, Integer> clusters, Map<String, Integer> corpusLabels) {
    this.nameWords = nameWords;
    this.gazetteerTypes = gazetteerTypes;
    this.titleCues = titleCues;
    this.clusters = clusters;
    this.corpusLabels = corpusLabels;
    Set<String> forms = new java.util.HashSet<>(nameWords);
    forms.addAll(titleCues);
    forms.addAll(gazetteerTypes.keySet());
    forms.addAll(clusters.keySet());
    forms.addAll(corpusLabels.keySet());
    Map<String, Lexical> lexical = new java.util.HashMap<>(forms.size() * 2);
    for (String f : forms) {
      lexical.put(f, new Lexical(nameWords.contains(f), titleCues.contains(f), gazetteerTypes.get(f), clusters.get(f),
          corpusLabels.get(f)));
    }
    this.lexical = lexical;
  }

  /** These features with other corpus label codes (training reads each fold's own, {@link CorpusLabels}). */
  public NameFeatures withCorpusLabels(Map<String, Integer> codes) {
    return new NameFeatures(nameWords, gazetteerTypes, titleCues, clusters, codes);
  }

  Map<String, Integer> corpusLabels() {
    return corpusLabels;
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

  private static final ArabicNormalizer NORMALIZER = new ArabicNormalizer(); // stateless

  /** Lucene's Arabic normalisation of one word. */
  public static String normalise(String word) {
    char[] c = word.toCharArray();
    return new String(c, 0, NORMALIZER.normalize(c, c.length));
  }

  /**
   * The form every per-word lexicon of the tagger is keyed by (word clusters, gazetteer words, name
   * heads, corpus labels): normalised, without proclitics. {@link Prepared} looks words up in it.
   */
  public static String lexiconForm(String word) {
    return withoutProclitics(normalise(word));
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

  /** Whether a normalised word, or the same without its proclitics, is in the name lexicon. */
  boolean isNameWord(String normalised, String withoutProclitics) {
    return nameWords.contains(normalised) || nameWords.contains(withoutProclitics);
  }

  /** Padding on each side of a sentence's per-token arrays, so that i ± 2 needs no bounds check. */
  private static final int PAD = 2;
  private static final long START = fnv("<s>");
  private static final long END = fnv("</s>");

  /**
   * What the features read of one token alone, as hashes: the word, its proclitic-free form, affixes,
   * cluster, lexicon bits, gazetteer type, shape. A function of the token's text only, so a tagger
   * may keep it per word ({@link NameTagger}).
   */
  public static final class Token {
    final long word;
    final long stem;
    final long cluster;
    final int lexicon; // bit 0 name word, bit 1 title cue; -1 outside the sentence
    final long gazetteer;
    final long prefix1;
    final long prefix2;
    final long prefix3;
    final long suffix1;
    final long suffix2;
    final long suffix3;
    final long wordPrefix2;
    final int shape;
    final int nisbaArticle;
    final int length;
    final int conjunction;
    final int corpusLabel;

    private Token(NameFeatures lexicons, String token) {
      String w = normalise(token);
      String s = withoutProclitics(w);
      Lexical ofWord = lexicons.lexical.getOrDefault(w, Lexical.NONE);
      Lexical ofStem = s.equals(w) ? ofWord : lexicons.lexical.getOrDefault(s, Lexical.NONE);
      word = fnv(w);
      stem = fnv(s);
      lexicon = (ofWord.name() || ofStem.name() ? 1 : 0) | (ofWord.cue() || ofStem.cue() ? 2 : 0);
      String type = ofStem.gazetteerType() != null ? ofStem.gazetteerType() : ofWord.gazetteerType();
      gazetteer = type == null ? NONE : fnv(type);
      cluster = ofStem.cluster() == null ? NONE : ofStem.cluster();
      prefix1 = fnv(s, 0, Math.min(1, s.length()));
      prefix2 = fnv(s, 0, Math.min(2, s.length()));
      prefix3 = fnv(s, 0, Math.min(3, s.length()));
      suffix1 = fnv(s, Math.max(0, s.length() - 1), s.length());
      suffix2 = fnv(s, Math.max(0, s.length() - 2), s.length());
      suffix3 = fnv(s, Math.max(0, s.length() - 3), s.length());
      wordPrefix2 = fnv(w, 0, Math.min(2, w.length()));
      shape = shape(w);
      boolean nisba = s.length() > 3 && (s.endsWith("ي") || s.endsWith("يه") || s.endsWith("يين") || s.endsWith("يون"));
      nisbaArticle = (nisba ? 1 : 0) | (w.startsWith("ال") ? 2 : 0);
      length = Math.min(s.length(), 8);
      conjunction = w.length() > 2 && PROCLITICS.indexOf(w.charAt(0)) >= 0 ? 1 : 0;
      corpusLabel = ofStem.corpusLabel() == null ? CorpusLabels.UNSEEN : ofStem.corpusLabel();
    }
  }

  /** What the features read of one token alone. */
  public Token token(String token) {
    return new Token(this, token);
  }

  /**
   * What the features of a sentence need, once per token: its {@link Token}s, laid out as one array
   * per hash. Index {@code i + PAD} is token i.
   */
  public static final class Prepared {
    final int n;
    final Token[] tokens;
    final long[] word;
    final long[] stem;
    final long[] cluster;
    final int[] lexicon; // bit 0 name word, bit 1 title cue; -1 outside the sentence
    final long[] gazetteer;
    final long[] prefix1;
    final long[] prefix2;
    final long[] prefix3;
    final long[] suffix1;
    final long[] suffix2;
    final long[] suffix3;
    final long[] wordPrefix2;
    final int[] shape;
    final int[] nisbaArticle;
    final int[] length;
    final int[] conjunction;
    final int[] corpusLabel;

    Prepared(Token[] tokens) {
      this.tokens = tokens;
      n = tokens.length;
      int size = n + 2 * PAD;
      word = new long[size];
      stem = new long[size];
      cluster = new long[size];
      lexicon = new int[size];
      gazetteer = new long[size];
      prefix1 = new long[size];
      prefix2 = new long[size];
      prefix3 = new long[size];
      suffix1 = new long[size];
      suffix2 = new long[size];
      suffix3 = new long[size];
      wordPrefix2 = new long[size];
      shape = new int[size];
      nisbaArticle = new int[size];
      length = new int[size];
      conjunction = new int[size];
      corpusLabel = new int[size];
      for (int j = 0; j < PAD; j++) {
        word[j] = stem[j] = cluster[j] = START;
        word[size - 1 - j] = stem[size - 1 - j] = cluster[size - 1 - j] = END;
        lexicon[j] = lexicon[size - 1 - j] = -1;
        gazetteer[j] = gazetteer[size - 1 - j] = NONE;
      }
      for (int i = 0; i < n; i++) {
        int at = i + PAD;
        Token t = tokens[i];
        word[at] = t.word;
        stem[at] = t.stem;
        lexicon[at] = t.lexicon;
        gazetteer[at] = t.gazetteer;
        cluster[at] = t.cluster;
        prefix1[at] = t.prefix1;
        prefix2[at] = t.prefix2;
        prefix3[at] = t.prefix3;
        suffix1[at] = t.suffix1;
        suffix2[at] = t.suffix2;
        suffix3[at] = t.suffix3;
        wordPrefix2[at] = t.wordPrefix2;
        shape[at] = t.shape;
        nisbaArticle[at] = t.nisbaArticle;
        length[at] = t.length;
        conjunction[at] = t.conjunction;
        corpusLabel[at] = t.corpusLabel;
      }
    }
  }

  private static final long NONE = -7L;

  public Prepared prepare(String[] tokens) {
    Token[] t = new Token[tokens.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = token(tokens[i]);
    }
    return new Prepared(t);
  }

  /** Number of features {@link #extract} writes. */
  public static final int COUNT = 37;

  /** Token {@code i}'s features for left-to-right tagging ({@link #extract(Prepared, int, int, int, int, long[])} with step 1). */
  public void extract(Prepared p, int i, int previous, int previous2, long[] out) {
    extract(p, i, 1, previous, previous2, out);
  }

  /**
   * Writes token {@code i}'s feature hashes into {@code out} ({@link #COUNT} of them) for tagging in
   * the direction {@code step} (1: left to right, -1: right to left), given the labels of the two
   * tokens tagged before it (-1 beyond the sentence). "Before" and "after" follow the direction: right
   * to left, the word after is the one on the left. No strings are built: each feature mixes its kind
   * with the token hashes {@link Prepared} computed once.
   */
  public void extract(Prepared p, int i, int step, int previous, int previous2, long[] out) {
    ownFeatures(p.tokens[i], out, 0);
    contextFeatures(p, i, step, previous, previous2, out, OWN_COUNT);
  }

  /** Number of features {@link #ownFeatures} writes: those of {@link #extract} that read the token alone. */
  public static final int OWN_COUNT = 15;

  /** Number of features {@link #contextFeatures} writes: the rest of {@link #extract}'s. */
  public static final int CONTEXT_COUNT = COUNT - OWN_COUNT;

  /**
   * The features of {@link #extract} that read nothing but the token itself (the same hashes), so a
   * tagger can add up their weights once per word instead of once per occurrence.
   */
  public static void ownFeatures(Token t, long[] out) {
    ownFeatures(t, out, 0);
  }

  private static void ownFeatures(Token t, long[] out, int from) {
    int k = from;
    out[k++] = h(1);
    out[k++] = h(2, t.word);
    out[k++] = h(3, t.stem);
    out[k++] = h(10, t.prefix1);
    out[k++] = h(11, t.prefix2);
    out[k++] = h(12, t.prefix3);
    out[k++] = h(13, t.suffix1);
    out[k++] = h(14, t.suffix2);
    out[k++] = h(15, t.suffix3);
    out[k++] = h(16, t.wordPrefix2);
    out[k++] = h(19, t.shape);
    out[k++] = h(21, t.gazetteer);
    out[k++] = h(23, t.nisbaArticle);
    out[k++] = h(31, t.cluster);
    out[k++] = h(37, t.corpusLabel);
  }

  /** The features of {@link #extract} that {@link #ownFeatures} leaves out (the same hashes). */
  public void contextFeatures(Prepared p, int i, int step, int previous, int previous2, long[] out) {
    contextFeatures(p, i, step, previous, previous2, out, 0);
  }

  private void contextFeatures(Prepared p, int i, int step, int previous, int previous2, long[] out, int from) {
    int a = i + PAD;
    int b = a - step;
    int b2 = a - 2 * step;
    int n = a + step;
    int n2 = a + 2 * step;
    boolean first = step > 0 ? i == 0 : i == p.n - 1;
    long prev = previous;
    int k = from;
    out[k++] = h(4, p.word[b]);
    out[k++] = h(5, p.word[n]);
    out[k++] = h(6, p.word[b2]);
    out[k++] = h(7, p.word[n2]);
    out[k++] = h(8, p.stem[b]);
    out[k++] = h(9, p.stem[n]);
    out[k++] = h(17, p.word[b], p.word[a]);
    out[k++] = h(18, p.word[a], p.word[n]);
    out[k++] = h(20, p.lexicon[b], p.lexicon[a], p.lexicon[n]);
    out[k++] = h(22, p.gazetteer[b], p.gazetteer[n]);
    out[k++] = h(24, prev);
    out[k++] = h(25, previous2, prev);
    out[k++] = h(26, prev, p.stem[a]);
    out[k++] = h(27, prev, p.lexicon[a], p.gazetteer[a]);
    out[k++] = h(28, p.lexicon[b2], p.lexicon[b]);
    out[k++] = h(29, p.stem[b], p.stem[a]);
    out[k++] = h(30, p.length[a], first ? 1 : 0);
    out[k++] = h(32, p.cluster[b]);
    out[k++] = h(33, p.cluster[n]);
    out[k++] = h(34, prev, p.cluster[a]);
    out[k++] = h(35, prev, p.conjunction[a]);
    out[k++] = h(36, prev, p.conjunction[a], p.lexicon[a]);
  }

  /** SplitMix64's finaliser: spreads every input bit over the output. */
  private static long mix(long x) {
    x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
    x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
    return x ^ (x >>> 31);
  }

  static long h(int kind) {
    return mix(kind * 0x9E3779B97F4A7C15L);
  }

  static long h(int kind, long a) {
    return mix(h(kind) + a);
  }

  static long h(int kind, long a, long b) {
    return mix(h(kind, a) + b);
  }

  static long h(int kind, long a, long b, long c) {
    return mix(h(kind, a, b) + c);
  }

  /** A 64-bit FNV-1a hash of a string. */
  static long fnv(String value) {
    return fnv(value, 0, value.length());
  }

  /** FNV-1a of {@code value[from, to)}, with its length, so that prefixes of different lengths differ. */
  static long fnv(String value, int from, int to) {
    long x = 0xcbf29ce484222325L ^ (to - from);
    for (int i = from; i < to; i++) {
      x ^= value.charAt(i);
      x *= 0x100000001b3L;
    }
    return x;
  }

  /** Digits, Latin, punctuation or Arabic (bits), and whether the word is short. */
  private static int shape(String w) {
    boolean digit = false;
    boolean latin = false;
    boolean arabic = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      digit |= Character.isDigit(c);
      latin |= c < 128 && Character.isLetter(c);
      arabic |= c >= 0x0600 && c <= 0x06FF;
    }
    return (digit ? 1 : 0) | (latin ? 2 : 0) | (arabic ? 4 : 0) | (w.length() <= 2 ? 8 : 0);
  }
}
