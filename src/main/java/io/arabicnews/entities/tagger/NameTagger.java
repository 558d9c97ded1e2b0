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
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A greedy left-to-right name tagger: a linear model (averaged perceptron, {@link
 * NameTaggerTraining}) over hashed {@link NameFeatures}, one BIO label per token, an I- label only
 * inside a span of its class. A model holds its weights and the lexicons its features read, so it
 * tags the same way wherever it is loaded. Immutable after loading; {@link #tag} allocates per call,
 * so one instance serves every thread.
 */
public final class NameTagger implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAGIC = 0x41524e54; // "ARNT"
  static final int FORMAT = 3;

  final NameFeatures features;
  final int bits;
  final float[] weights;
  /** Divides the scores before the softmax of {@link Name#confidence}: fitted on held-out sentences ({@link #calibrated}). */
  final float temperature;
  /**
   * Words that in the training data begin longer names far more often than they are a name alone
   * («حزب», «جامعة», «كفر»): a one-word name of such a word is the head of a name whose rest the
   * tagger missed, and is left out.
   */
  final Set<String> heads;

  NameTagger(NameFeatures features, int bits, float[] weights, float temperature, Set<String> heads) {
    this.features = features;
    this.bits = bits;
    this.weights = weights;
    this.temperature = temperature;
    this.heads = heads;
  }

  /** This model with its confidences computed at {@code temperature}. */
  public NameTagger calibrated(float temperature) {
    return new NameTagger(features, bits, weights, temperature, heads);
  }

  /** Whether a word is in the model's name lexicon (as printed or normalised; proclitics removed). */
  public boolean isNameWord(String word) {
    String w = NameFeatures.normalise(word);
    return features.isNameWord(w, NameFeatures.withoutProclitics(w));
  }

  public Set<String> heads() {
    return heads;
  }

  public float temperature() {
    return temperature;
  }

  /** The labels of a sentence's tokens (indices into {@link Labels}). */
  public int[] tag(String[] tokens) {
    return decode(tokens, null);
  }

  /**
   * A name the tagger found: its class ({@link Labels#CLASSES}), first token, the token after its
   * last, and its confidence: the lowest, over its tokens, of the probability the model gives the
   * chosen label (a softmax over the scores of the labels allowed there).
   */
  public record Name(int kind, int start, int end, float confidence) {
    public String className() {
      return Labels.CLASSES.get(kind);
    }
  }

  /** The names of a sentence's tokens, with their confidence. */
  public List<Name> names(String[] tokens) {
    float[] probability = new float[tokens.length];
    int[] labels = decode(tokens, probability);
    List<Name> out = new ArrayList<>();
    for (SpanScores.Span s : SpanScores.spans(labels)) {
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

  /** Greedy left-to-right decoding; fills {@code probability} (when given) with each label's softmax probability. */
  private int[] decode(String[] tokens, float[] probability) {
    NameFeatures.Prepared p = features.prepare(tokens);
    int[] labels = new int[tokens.length];
    long[] f = new long[NameFeatures.COUNT];
    float[] scores = new float[Labels.COUNT];
    int mask = (1 << bits) - 1;
    for (int i = 0; i < tokens.length; i++) {
      int previous = i > 0 ? labels[i - 1] : 0;
      features.extract(p, i, i > 0 ? labels[i - 1] : -1, i > 1 ? labels[i - 2] : -1, f);
      labels[i] = best(f, scores, mask, previous);
      // Only a name's words need it: most words are O, and the softmax costs nine exp calls.
      if (probability != null && labels[i] != Labels.OUTSIDE) {
        probability[i] = softmax(scores, previous, labels[i]);
      }
    }
    return labels;
  }

  private float softmax(float[] scores, int previous, int chosen) {
    double sum = 0;
    for (int l = 0; l < Labels.COUNT; l++) {
      if (Labels.allowed(previous, l)) {
        sum += Math.exp((scores[l] - scores[chosen]) / temperature);
      }
    }
    return (float) (1 / sum);
  }

  int best(long[] f, float[] scores, int mask, int previous) {
    java.util.Arrays.fill(scores, 0f);
    for (long x : f) {
      int base = bucket(x, mask) * Labels.COUNT;
      for (int l = 0; l < Labels.COUNT; l++) {
        scores[l] += weights[base + l];
      }
    }
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
      Set<String> heads = readSet(d);
      if (bits < 10 || bits > 26 || !(temperature > 0)) {
        throw new IllegalArgumentException("Name tagger model " + name + " is corrupt (hash bits " + bits + ", temperature " + temperature + ")");
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
      float[] weights = new float[(1 << bits) * Labels.COUNT];
      int nonZero = d.readInt();
      for (int i = 0; i < nonZero; i++) {
        int at = d.readInt();
        if (at < 0 || at >= weights.length) {
          throw new IllegalArgumentException("Name tagger model " + name + " is corrupt (weight index " + at + ")");
        }
        weights[at] = d.readFloat();
      }
      return new NameTagger(new NameFeatures(names, gaz, cues, clusters, corpusLabels), bits, weights, temperature, heads);
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

  /** Serialised (for Spark's broadcast) as its model file: a few MB where the weight array is 38 MB. */
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
