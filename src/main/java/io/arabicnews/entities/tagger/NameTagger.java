package io.arabicnews.entities.tagger;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A greedy name tagger that reads each sentence twice, left to right and right to left: two linear
 * models (averaged perceptrons, {@link NameTaggerTraining}) over the same hashed {@link NameFeatures},
 * one BIO label per token, an I- label only inside a span of its class. The two readings make
 * different mistakes (the right-to-left one decides on a name's last word before its first), so their
 * names are combined ({@link #combine}): a name both find
 * is kept, a name only one finds is kept when that one is at least {@link #ONE_READING_MIN_CONFIDENCE}
 * sure of it, and of overlapping names the surer wins. A model trained in one direction only
 * ({@link NameTaggerTraining.Settings#forCorpusLabels}) tags left to right. A model holds its weights and
 * the lexicons its features read, so it tags the same way wherever it is loaded. Immutable after
 * loading; {@link #tag} allocates per call, so one instance serves every thread.
 */
public final class NameTagger implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAGIC = 0x41524e54; // "ARNT"
  static final int FORMAT = 4;

  /**
   * A name found by one reading only is kept from this confidence up. Fixed on dev.txt: 0.3, 0.4
   * and 0.5 gave F1 0.747, 0.751 and 0.744 with the shipped seed (0.743, 0.749, 0.745 over six seeds).
   */
  static final float ONE_READING_MIN_CONFIDENCE = 0.4f;

  final NameFeatures features;
  final int bits;
  /** Left-to-right weights. */
  final float[] weights;
  /** Right-to-left weights, or null for a model of one direction. */
  final float[] backward;
  /**
   * Divide each reading's scores before the softmax of {@link Name#confidence}: fitted on held-out
   * sentences ({@link #calibrated}).
   */
  final float temperature;
  final float backwardTemperature;
  /**
   * Words that in the training data begin longer names far more often than they are a name alone
   * («حزب», «جامعة», «كفر»): a one-word name of such a word is the head of a name whose rest the
   * tagger missed, and is left out.
   */
  final Set<String> heads;

  /**
   * How many words each thread keeps ({@link #word}); past it the thread starts again. News repeats
   * its words: in the first 20,000 articles of egypt-news-2013 the 65,536 most frequent printed forms
   * are 98% of the words and marks (20,000 are 91%), so a word's own features are summed about once
   * per thread, not once per occurrence. A kept word is about 330 bytes: about 20 MB per thread when full.
   */
  static final int WORDS_KEPT_PER_THREAD = 1 << 16;

  /** Per thread: printed word → its {@link Word}. Neither serialised nor shared, so tagging needs no lock. */
  private final transient ThreadLocal<Map<String, Word>> words = ThreadLocal.withInitial(HashMap::new);

  /**
   * A word as the tagger keeps it: its token hashes, and per reading the summed weights of its own
   * features ({@link NameFeatures#ownFeatures}; null for a reading the model does not have).
   */
  private record Word(NameFeatures.Token token, float[] forward, float[] backward) {}

  NameTagger(NameFeatures features, int bits, float[] weights, float[] backward, float temperature,
      float backwardTemperature, Set<String> heads) {
    this.features = features;
    this.bits = bits;
    this.weights = weights;
    this.backward = backward;
    this.temperature = temperature;
    this.backwardTemperature = backwardTemperature;
    this.heads = heads;
  }

  /** This model with each reading's confidences computed at its temperature. */
  public NameTagger calibrated(float temperature, float backwardTemperature) {
    return new NameTagger(features, bits, weights, backward, temperature, backwardTemperature, heads);
  }

  /** Whether a word is in the model's name lexicon (as printed or normalised; proclitics removed). */
  public boolean isNameWord(String word) {
    String w = NameFeatures.normalise(word);
    return features.isNameWord(w, NameFeatures.withoutProclitics(w));
  }

  public Set<String> heads() {
    return heads;
  }

  /** The left-to-right reading's temperature. */
  public float temperature() {
    return temperature;
  }

  /** The right-to-left reading's temperature (1 for a model of one direction). */
  public float backwardTemperature() {
    return backwardTemperature;
  }

  /** Whether the model reads sentences in both directions. */
  public boolean readsBothWays() {
    return backward != null;
  }

  /**
   * The labels of a sentence's tokens (indices into {@link Labels}): a model of one direction's
   * left-to-right labels; a two-way model's names ({@link #names}) as labels.
   */
  public int[] tag(String[] tokens) {
    if (backward == null) {
      Word[] w = words(tokens);
      return decode(prepared(w), w, false, null);
    }
    int[] labels = new int[tokens.length];
    for (Name n : names(tokens)) {
      labels[n.start()] = Labels.begin(n.kind());
      for (int i = n.start() + 1; i < n.end(); i++) {
        labels[i] = Labels.inside(n.kind());
      }
    }
    return labels;
  }

  /**
   * A name the tagger found: its class ({@link Labels#CLASSES}), first token, the token after its
   * last, and its confidence: the lowest, over its tokens, of the probability the reading gives the
   * chosen label (a softmax over the scores of the labels allowed there). A two-way model gives the
   * mean of its readings' confidences, a reading that did not find the name counting 0: a name only
   * one reading found is never above 0.5. Dev precision by confidence is in docs/entities.md.
   */
  public record Name(int kind, int start, int end, float confidence) {
    public String className() {
      return Labels.CLASSES.get(kind);
    }

    Name withConfidence(float c) {
      return new Name(kind, start, end, c);
    }
  }

  /** The names of a sentence's tokens, with their confidence, first token first. */
  public List<Name> names(String[] tokens) {
    Word[] w = words(tokens);
    NameFeatures.Prepared p = prepared(w);
    List<Name> forward = reading(tokens, p, w, false);
    return backward == null ? forward : combine(forward, reading(tokens, p, w, true));
  }

  /** The names of one reading: left to right, or right to left ({@code backwards}). */
  List<Name> names(String[] tokens, boolean backwards) {
    Word[] w = words(tokens);
    return reading(tokens, prepared(w), w, backwards);
  }

  private Word[] words(String[] tokens) {
    Word[] out = new Word[tokens.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = word(tokens[i]);
    }
    return out;
  }

  private static NameFeatures.Prepared prepared(Word[] words) {
    NameFeatures.Token[] t = new NameFeatures.Token[words.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = words[i].token();
    }
    return new NameFeatures.Prepared(t);
  }

  /** A printed word's {@link Word}: this thread's kept one, or a new one it keeps. */
  private Word word(String printed) {
    Map<String, Word> kept = words.get();
    Word w = kept.get(printed);
    if (w == null) {
      NameFeatures.Token t = features.token(printed);
      long[] own = new long[NameFeatures.OWN_COUNT];
      NameFeatures.ownFeatures(t, own);
      w = new Word(t, sum(weights, own), backward == null ? null : sum(backward, own));
      if (kept.size() >= WORDS_KEPT_PER_THREAD) {
        kept.clear();
      }
      kept.put(printed, w);
    }
    return w;
  }

  /** The per-label sums of the weights of some features. */
  private float[] sum(float[] w, long[] f) {
    float[] scores = new float[Labels.COUNT];
    add(w, f, scores, (1 << bits) - 1);
    return scores;
  }

  private List<Name> reading(String[] tokens, NameFeatures.Prepared p, Word[] w, boolean backwards) {
    float[] probability = new float[tokens.length];
    int[] labels = decode(p, w, backwards, probability);
    List<Name> out = new ArrayList<>();
    for (SpanScores.Span s : backwards ? Labels.spansRightToLeft(labels) : SpanScores.spans(labels)) {
      if (s.end() - s.start() == 1 && heads.contains(NameFeatures.lexiconForm(tokens[s.start()]))) {
        continue;
      }
      float min = 1f;
      for (int i = s.start(); i < s.end(); i++) {
        min = Math.min(min, probability[i]);
      }
      out.add(new Name(s.kind(), s.start(), s.end(), min));
    }
    return out;
  }

  /**
   * The names of two readings of one sentence: those both found, and those one found at {@link
   * #ONE_READING_MIN_CONFIDENCE} or more, at the mean of the two readings' confidences ({@link
   * Name#confidence}); where names overlap, names both found first, then the surer, ties to the
   * earlier, shorter, lower class.
   */
  static List<Name> combine(List<Name> forward, List<Name> backward) {
    List<Candidate> candidates = new ArrayList<>();
    for (Name f : forward) {
      Name same = sameSpan(f, backward);
      if (same != null) {
        candidates.add(new Candidate(f.withConfidence((f.confidence() + same.confidence()) / 2), true));
      } else if (f.confidence() >= ONE_READING_MIN_CONFIDENCE) {
        candidates.add(new Candidate(f.withConfidence(f.confidence() / 2), false));
      }
    }
    for (Name b : backward) {
      if (sameSpan(b, forward) == null && b.confidence() >= ONE_READING_MIN_CONFIDENCE) {
        candidates.add(new Candidate(b.withConfidence(b.confidence() / 2), false));
      }
    }
    candidates.sort(SUREST_FIRST);
    List<Name> out = new ArrayList<>();
    for (Candidate c : candidates) {
      Name n = c.name();
      boolean overlaps = false;
      for (Name o : out) {
        overlaps |= n.start() < o.end() && o.start() < n.end();
      }
      if (!overlaps) {
        out.add(n);
      }
    }
    out.sort(Comparator.comparingInt(Name::start));
    return out;
  }

  /** A name of {@link #combine}, and whether both readings found it. */
  private record Candidate(Name name, boolean agreed) {}

  private static final Comparator<Candidate> SUREST_FIRST = Comparator.comparing(Candidate::agreed).reversed()
      .thenComparing((Candidate c) -> c.name().confidence(), Comparator.reverseOrder())
      .thenComparingInt(c -> c.name().start())
      .thenComparingInt(c -> c.name().end())
      .thenComparingInt(c -> c.name().kind());

  /** The name of {@code names} with the class and both ends of {@code name}, or null. */
  private static Name sameSpan(Name name, List<Name> names) {
    for (Name n : names) {
      if (n.kind() == name.kind() && n.start() == name.start() && n.end() == name.end()) {
        return n;
      }
    }
    return null;
  }

  /**
   * Greedy decoding in one direction; fills {@code probability} (when given) with each label's
   * softmax probability. Right to left, the labels are those of {@link Labels#rightToLeft}.
   */
  private int[] decode(NameFeatures.Prepared p, Word[] words, boolean backwards, float[] probability) {
    int n = p.n;
    int step = backwards ? -1 : 1;
    float[] w = backwards ? backward : weights;
    float t = backwards ? backwardTemperature : temperature;
    int[] labels = new int[n];
    long[] f = new long[NameFeatures.CONTEXT_COUNT];
    float[] scores = new float[Labels.COUNT];
    int mask = (1 << bits) - 1;
    for (int k = 0; k < n; k++) {
      int i = backwards ? n - 1 - k : k;
      int previous = k > 0 ? labels[i - step] : -1;
      // The word's own features were summed when it was first seen; its context's are added here.
      System.arraycopy(backwards ? words[i].backward() : words[i].forward(), 0, scores, 0, Labels.COUNT);
      features.contextFeatures(p, i, step, previous, k > 1 ? labels[i - 2 * step] : -1, f);
      add(w, f, scores, mask);
      int allowedAfter = Math.max(previous, 0);
      labels[i] = argmax(scores, allowedAfter);
      // Only a name's words need it: most words are O, and the softmax costs nine exp calls.
      if (probability != null && labels[i] != Labels.OUTSIDE) {
        probability[i] = softmax(scores, allowedAfter, labels[i], t);
      }
    }
    return labels;
  }

  private static float softmax(float[] scores, int previous, int chosen, float temperature) {
    double sum = 0;
    for (int l = 0; l < Labels.COUNT; l++) {
      if (Labels.allowed(previous, l)) {
        sum += Math.exp((scores[l] - scores[chosen]) / temperature);
      }
    }
    return (float) (1 / sum);
  }

  /** The best label after {@code previous} by the weights of features {@code f}; {@code scores} gets every label's score. */
  static int best(float[] weights, long[] f, float[] scores, int mask, int previous) {
    java.util.Arrays.fill(scores, 0f);
    add(weights, f, scores, mask);
    return argmax(scores, previous);
  }

  /** Adds the weights of features {@code f} to each label's score. */
  private static void add(float[] weights, long[] f, float[] scores, int mask) {
    for (long x : f) {
      int base = bucket(x, mask) * Labels.COUNT;
      for (int l = 0; l < Labels.COUNT; l++) {
        scores[l] += weights[base + l];
      }
    }
  }

  /** The label allowed after {@code previous} with the highest score (the first of equals). */
  private static int argmax(float[] scores, int previous) {
    int best = 0;
    for (int l = 1; l < Labels.COUNT; l++) {
      if (Labels.allowed(previous, l) && scores[l] > scores[best]) {
        best = l;
      }
    }
    return best;
  }

  static int bucket(long hash, int mask) {
    return (int) (hash ^ (hash >>> 29)) & mask;
  }

  /** Writes the model: a header, the lexicons, the non-zero weights; gzip. The same model gives the same bytes. */
  public void write(OutputStream out) throws IOException {
    try (DataOutputStream d = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(out)))) {
      d.writeInt(MAGIC);
      d.writeInt(FORMAT);
      d.writeInt(bits);
      d.writeFloat(temperature);
      d.writeFloat(backwardTemperature);
      writeSorted(d, heads);
      writeSorted(d, features.nameWords());
      writeSorted(d, features.titleCues());
      Map<String, String> gaz = features.gazetteerTypes();
      d.writeInt(gaz.size());
      for (String k : new java.util.TreeSet<>(gaz.keySet())) {
        d.writeUTF(k);
        d.writeUTF(gaz.get(k));
      }
      Map<String, Integer> clusters = features.clusters();
      d.writeInt(clusters.size());
      for (String k : new java.util.TreeSet<>(clusters.keySet())) {
        d.writeUTF(k);
        d.writeInt(clusters.get(k));
      }
      Map<String, Integer> corpusLabels = features.corpusLabels();
      d.writeInt(corpusLabels.size());
      for (String k : new java.util.TreeSet<>(corpusLabels.keySet())) {
        d.writeUTF(k);
        d.writeByte(corpusLabels.get(k));
      }
      writeWeights(d, weights);
      d.writeBoolean(backward != null);
      if (backward != null) {
        writeWeights(d, backward);
      }
    }
  }

  /** The non-zero weights: their count, then index and value of each. */
  private static void writeWeights(DataOutputStream d, float[] weights) throws IOException {
    int nonZero = 0;
    for (float w : weights) {
      nonZero += w != 0 ? 1 : 0;
    }
    d.writeInt(nonZero);
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] != 0) {
        d.writeInt(i);
        d.writeFloat(weights[i]);
      }
    }
  }

  private static float[] readWeights(DataInputStream d, int bits, String name) throws IOException {
    float[] weights = new float[(1 << bits) * Labels.COUNT];
    int nonZero = d.readInt();
    for (int i = 0; i < nonZero; i++) {
      int at = d.readInt();
      if (at < 0 || at >= weights.length) {
        throw new IllegalArgumentException("Name tagger model " + name + " is corrupt (weight index " + at + ")");
      }
      weights[at] = d.readFloat();
    }
    return weights;
  }

  private static void writeSorted(DataOutputStream d, Set<String> words) throws IOException {
    d.writeInt(words.size());
    for (String w : new java.util.TreeSet<>(words)) {
      d.writeUTF(w);
    }
  }

  /**
   * Reads a model written by {@link #write}.
   *
   * @param name the file's name, for the message when it is not a model of this format
   */
  public static NameTagger read(InputStream in, String name) {
    try (DataInputStream d = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in)))) {
      if (d.readInt() != MAGIC) {
        throw new IllegalArgumentException("Name tagger model " + name + " is not a model file of this project");
      }
      int format = d.readInt();
      if (format != FORMAT) {
        throw new IllegalArgumentException("Name tagger model " + name + " has format " + format
            + "; this version reads format " + FORMAT + " (retrain it with jobs/train-ner.sh)");
      }
      int bits = d.readInt();
      float temperature = d.readFloat();
      float backwardTemperature = d.readFloat();
      Set<String> heads = readSet(d);
      if (bits < 10 || bits > 26 || !(temperature > 0) || !(backwardTemperature > 0)) {
        throw new IllegalArgumentException("Name tagger model " + name + " is corrupt (hash bits " + bits + ", temperatures "
            + temperature + ", " + backwardTemperature + ")");
      }
      Set<String> names = readSet(d);
      Set<String> cues = readSet(d);
      Map<String, String> gaz = new HashMap<>();
      int n = d.readInt();
      for (int i = 0; i < n; i++) {
        gaz.put(d.readUTF(), d.readUTF());
      }
      Map<String, Integer> clusters = new HashMap<>();
      int c = d.readInt();
      for (int i = 0; i < c; i++) {
        clusters.put(d.readUTF(), d.readInt());
      }
      Map<String, Integer> corpusLabels = new HashMap<>();
      int labelled = d.readInt();
      for (int i = 0; i < labelled; i++) {
        corpusLabels.put(d.readUTF(), (int) d.readByte());
      }
      float[] weights = readWeights(d, bits, name);
      float[] backward = d.readBoolean() ? readWeights(d, bits, name) : null;
      return new NameTagger(new NameFeatures(names, gaz, cues, clusters, corpusLabels), bits, weights, backward, temperature,
          backwardTemperature, heads);
    } catch (IOException e) {
      throw new IllegalArgumentException("Name tagger model " + name + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static Set<String> readSet(DataInputStream d) throws IOException {
    int n = d.readInt();
    Set<String> out = new HashSet<>(n * 2);
    for (int i = 0; i < n; i++) {
      out.add(d.readUTF());
    }
    return out;
  }

  /** Serialised (for Spark's broadcast) as its model file: a few MB where each weight array is 9 MB. */
  private Object writeReplace() throws java.io.ObjectStreamException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try {
      write(bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Serialized(bytes.toByteArray());
  }

  private record Serialized(byte[] model) implements Serializable {
    private Object readResolve() throws java.io.ObjectStreamException {
      return read(new java.io.ByteArrayInputStream(model), "(serialised model)");
    }
  }
}
