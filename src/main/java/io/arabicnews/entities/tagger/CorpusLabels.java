package io.arabicnews.entities.tagger;

import io.arabicnews.text.DataFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What the tagger made of each word across unlabelled news: the tagger, without this feature, tags
 * the 1,051,209 sentences of egypt-news-2013, and each word (normalised, without proclitics) seen at
 * least {@link #MIN_COUNT} times gets a code: the name class it was most often part of and a bin
 * of how often that was. One sentence rarely says whether «الترسانة» is a club, but a thousand do;
 * the feature raised person recall most (docs/entities.md).
 *
 * <p>Training must not see codes that its own labels produced: a word of a training sentence would
 * then carry its gold class. So the training sentences are cut into {@link #FOLDS} consecutive
 * blocks, a tagger trained without block f tags the corpus, and block f's sentences read the codes
 * of that tagger (jackknifing, as two-stage taggers train their second stage). The model keeps the
 * codes of the tagger trained on every block.
 */
public final class CorpusLabels {
  /** Blocks of the training sentences, each read with codes of a tagger trained without it. */
  public static final int FOLDS = 5;
  /** Occurrences a word needs in the corpus for a code. */
  public static final int MIN_COUNT = 3;
  /** The code of a word seen fewer than {@link #MIN_COUNT} times. */
  public static final int UNSEEN = -1;
  /** Upper bounds of the bins of the share of a word's occurrences inside names of its main class. */
  private static final double[] SHARE_BINS = {0.01, 0.05, 0.2, 0.5, 0.8};

  /** The shipped codes ({@code jobs/train-ner.sh --corpus-tables} rebuilds them). */
  public static final String SHIPPED = "/io/arabicnews/entities/tagger/corpus-labels.tsv.gz";

  /** Codes of the tagger trained on all the training sentences, and of each fold's. */
  public record Codes(Map<String, Integer> all, List<Map<String, Integer>> folds) {}

  private CorpusLabels() {}

  /**
   * A word's code from its counts over the corpus: occurrences outside names, then inside PERS, LOC,
   * ORG and MISC names. {@link #UNSEEN} below {@link #MIN_COUNT} occurrences, else
   * {@code 8 × main class + share bin}.
   */
  public static int code(int[] counts) {
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    if (total < MIN_COUNT) {
      return UNSEEN;
    }
    int main = 1;
    for (int c = 2; c < counts.length; c++) {
      if (counts[c] > counts[main]) {
        main = c;
      }
    }
    double share = counts[main] / (double) total;
    int bin = 0;
    while (bin < SHARE_BINS.length && share >= SHARE_BINS[bin]) {
      bin++;
    }
    return 8 * (main - 1) + bin;
  }

  /** The fold of training sentence {@code index} of {@code size}: consecutive blocks. */
  public static int foldOf(int index, int size) {
    for (int f = 0; f < FOLDS; f++) {
      if (index < (long) size * (f + 1) / FOLDS) {
        return f;
      }
    }
    throw new IllegalArgumentException("sentence " + index + " of " + size);
  }

  /** The training sentences of every fold but {@code fold}. */
  public static <T> List<T> withoutFold(List<T> sentences, int fold) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      if (foldOf(i, sentences.size()) != fold) {
        out.add(sentences.get(i));
      }
    }
    return out;
  }

  /** Counts, per word, of occurrences outside names and inside names of each class, as tagged. */
  public static final class Counter {
    private final NameTagger tagger;
    private final Map<String, int[]> counts = new HashMap<>();

    public Counter(NameTagger tagger) {
      this.tagger = tagger;
    }

    public void add(String[] tokens) {
      int[] labels = tagger.tag(tokens);
      for (int i = 0; i < tokens.length; i++) {
        String word = NameFeatures.lexiconForm(tokens[i]);
        counts.computeIfAbsent(word, k -> new int[1 + Labels.CLASSES.size()])[Labels.classOf(labels[i]) + 1]++;
      }
    }

    /** The code of every word seen at least {@link #MIN_COUNT} times. */
    public Map<String, Integer> codes() {
      Map<String, Integer> out = new HashMap<>();
      counts.forEach((word, c) -> {
        int code = code(c);
        if (code != UNSEEN) {
          out.put(word, code);
        }
      });
      return out;
    }
  }

  /** Writes {@code word TAB all TAB fold 1 … fold 5} (gzip; sorted, so the same codes give the same bytes). */
  public static void write(Codes codes, OutputStream out) throws IOException {
    TreeMap<String, int[]> rows = new TreeMap<>();
    List<Map<String, Integer>> columns = new ArrayList<>();
    columns.add(codes.all());
    columns.addAll(codes.folds());
    for (int c = 0; c < columns.size(); c++) {
      int column = c;
      columns.get(c).forEach((word, code) -> {
        int[] row = rows.computeIfAbsent(word, k -> {
          int[] r = new int[columns.size()];
          java.util.Arrays.fill(r, UNSEEN);
          return r;
        });
        row[column] = code;
      });
    }
    try (Writer w = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
      for (Map.Entry<String, int[]> e : rows.entrySet()) {
        StringBuilder line = new StringBuilder(e.getKey());
        for (int code : e.getValue()) {
          line.append('\t').append(code);
        }
        w.write(line.append('\n').toString());
      }
    }
  }

  /** Reads what {@link #write} wrote; {@code name} is for the message when it cannot. */
  public static Codes read(InputStream gzip, String name) {
    Map<String, Integer> all = new HashMap<>();
    List<Map<String, Integer>> folds = new ArrayList<>();
    for (int f = 0; f < FOLDS; f++) {
      folds.add(new HashMap<>());
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzip), StandardCharsets.UTF_8))) {
      int lineNumber = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNumber++;
        String[] f = line.split("\t");
        if (f.length != 2 + FOLDS) {
          throw new IllegalArgumentException("line " + lineNumber + " has " + f.length + " fields, not " + (2 + FOLDS));
        }
        put(all, f[0], Integer.parseInt(f[1]));
        for (int k = 0; k < FOLDS; k++) {
          put(folds.get(k), f[0], Integer.parseInt(f[2 + k]));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Cannot read corpus labels " + name + ": " + e.getMessage(), e);
    }
    return new Codes(all, folds);
  }

  private static void put(Map<String, Integer> codes, String word, int code) {
    if (code != UNSEEN) {
      codes.put(word, code);
    }
  }

  /** The shipped codes. */
  public static Codes shipped() {
    return read(DataFile.resource(SHIPPED), "corpus-labels.tsv.gz (shipped)");
  }

  /** Reads codes from a file, or the shipped ones when {@code path} is null. */
  public static Codes load(java.nio.file.Path path) {
    if (path == null) {
      return shipped();
    }
    try (InputStream in = java.nio.file.Files.newInputStream(path)) {
      return read(in, path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read corpus labels " + path + ": " + e.getMessage(), e);
    }
  }
}
