package io.arabicnews.jobs;

import io.arabicnews.entities.EntityResources;
import io.arabicnews.entities.GazetteerFile;
import io.arabicnews.entities.LinkedNameScores;
import io.arabicnews.entities.TaggedNames;
import io.arabicnews.entities.tagger.CorpusLabels;
import io.arabicnews.text.ArabicTextAnalyzer;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.entities.tagger.Labels;
import io.arabicnews.entities.tagger.NameFeatures;
import io.arabicnews.entities.tagger.NameTagger;
import io.arabicnews.entities.tagger.NameTaggerTraining;
import io.arabicnews.entities.tagger.SpanScores;
import io.arabicnews.entities.tagger.TaggedSentences;
import io.arabicnews.entities.tagger.TaggerLexicons;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains the Arabic name tagger on hand-tagged sentences (ANERcorp's train part), writes the model,
 * and prints span-level precision, recall and F1 per class on the dev part and the tagging speed
 * (tokens per second, one thread). No Spark, except a local session to read the sentences of
 * {@code --corpus-tables} when remaking the corpus labels.
 */
@Command(name = "train-ner", mixinStandardHelpOptions = true, description = "Train the name tagger, write its model, score it on dev.")
public final class TrainNameTaggerJob implements Callable<Integer> {
  private static final String CORPORA = "../shared/corpora/";

  @Option(names = "--train", defaultValue = CORPORA + "anercorp/train.txt", description = "Tagged sentences to train on (default: ${DEFAULT-VALUE})")
  Path train;

  @Option(names = "--dev", defaultValue = CORPORA + "anercorp/dev.txt", description = "Tagged sentences to score on (default: ${DEFAULT-VALUE})")
  Path dev;

  @Option(names = "--name-lists", split = ",", defaultValue = CORPORA + "name-transliterations/google-ar2en.tsv,"
      + CORPORA + "name-transliterations/wikidata-en-ar-name-tokens.tsv", description = "Arabic–English name word lists (default: the two of name-transliterations)")
  List<Path> nameLists;

  @Option(names = "--gazetteer", description = "Gazetteer TSV whose alias words are a feature (default: the shipped one)")
  Path gazetteer;

  @Option(names = "--clusters", description = "Word clusters, gzip TSV word TAB cluster (default: the shipped ones; jobs/word-clusters.sh makes them); 'none' for no cluster features")
  String clusters;

  @Option(names = "--corpus-labels", description = "What the tagger made of each word of unlabelled news, gzip TSV"
      + " (default: the shipped one, made for the default --train; with other training sentences make new ones"
      + " with --corpus-tables, or the folds would read codes of taggers trained on them)")
  Path corpusLabels;

  @Option(names = "--corpus-tables", description = "Output root whose sentences table (e.g. of egypt-news-2013) the"
      + " corpus labels are made from; they are written to --corpus-labels (default target/corpus-labels.tsv.gz)")
  String corpusTables;

  @Option(names = "--model", defaultValue = "target/name-tagger.bin.gz", description = "Where to write the model (default: ${DEFAULT-VALUE})")
  Path model;

  @Option(names = "--epochs", defaultValue = "10", description = "Passes over the training sentences (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--hash-bits", defaultValue = "18", description = "log2 of the feature hash buckets (default: ${DEFAULT-VALUE})")
  int bits;

  public static void main(String[] args) {
    System.exit(JobMain.execute(new TrainNameTaggerJob(), args));
  }

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    List<TaggedSentences.Sentence> trainSentences = TaggedSentences.read(train);
    GazetteerFile g = gazetteer == null ? GazetteerFile.defaults() : GazetteerFile.load(gazetteer);
    NameFeatures features = new NameFeatures(TaggerLexicons.nameWords(nameLists),
        TaggerLexicons.gazetteerTypes(g),
        TaggerLexicons.titleCues(), clusters(), Map.of());
    NameTaggerTraining.Settings settings = new NameTaggerTraining.Settings(bits, epochs, NameTaggerTraining.Settings.defaults().seed());
    CorpusLabels.Codes codes = corpusTables == null ? CorpusLabels.load(corpusLabels)
        : corpusLabels(trainSentences, features, settings);
    NameTagger tagger = NameTaggerTraining.train(trainSentences, features, codes, settings);
    List<TaggedSentences.Sentence> devSentences = TaggedSentences.read(dev);
    tagger = NameTaggerTraining.calibrate(tagger, devSentences);
    try {
      if (model.getParent() != null) {
        Files.createDirectories(model.getParent());
      }
      try (OutputStream out = Files.newOutputStream(model)) {
        tagger.write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + model + ": " + e.getMessage(), e);
    }
    System.out.printf("train-ner: %d sentences, %d epochs, model %s (%,d bytes), %.1f s%n", trainSentences.size(), epochs, model,
        model.toFile().length(), (System.nanoTime() - t0) / 1e9);
    System.out.printf("confidence temperatures %.1f left to right, %.1f right to left (fitted on dev); %d name heads%n",
        tagger.temperature(), tagger.backwardTemperature(), tagger.heads().size());
    SpanScores scores = score(tagger, devSentences);
    for (String c : Labels.CLASSES) {
      System.out.printf("dev %-4s %s%n", c, scores.of(c));
    }
    System.out.printf("dev PERS+LOC+ORG %s%n", scores.of("PERS", "LOC", "ORG"));
    System.out.printf("dev all  %s%n", scores.of(Labels.CLASSES.toArray(String[]::new)));
    SpanScores linked = LinkedNameScores.score(EntityResources.build(
        EntityResources.withGazetteerWords(AnalyzerResources.defaults(), g), g, tagger,
        EntityResources.DEFAULT_MIN_NAME_CONFIDENCE), devSentences);
    for (String c : List.of("PERS", "LOC", "ORG")) {
      System.out.printf("dev with the gazetteer, confidence >= %.2f: %-4s %s%n", EntityResources.DEFAULT_MIN_NAME_CONFIDENCE,
          c, linked.of(c));
    }
    System.out.printf("dev with the gazetteer, confidence >= %.2f: PERS+LOC+ORG %s%n",
        EntityResources.DEFAULT_MIN_NAME_CONFIDENCE, linked.of("PERS", "LOC", "ORG"));
    for (float min : CONFIDENCE_STEPS) {
      System.out.printf("dev PERS+LOC+ORG, confidence >= %.2f: %s%n", min,
          score(tagger, devSentences, min).of("PERS", "LOC", "ORG"));
    }
    System.out.printf("tagging: %,.0f tokens/s on one thread%n", tokensPerSecond(tagger, devSentences));
    return 0;
  }

  /**
   * Tags the sentences of {@code --corpus-tables} with a tagger trained on all the training
   * sentences and with one trained without each fold (none of them reads corpus labels), writes
   * their codes to {@code --corpus-labels} and returns them.
   */
  private CorpusLabels.Codes corpusLabels(List<TaggedSentences.Sentence> trainSentences, NameFeatures features,
      NameTaggerTraining.Settings settings) {
    long t0 = System.nanoTime();
    List<NameTagger> taggers = new ArrayList<>();
    // Left to right and without the margin, as the shipped codes were made (a remake with other taggers is not measured).
    NameTaggerTraining.Settings oneWay = settings.forCorpusLabels();
    taggers.add(NameTaggerTraining.train(trainSentences, features, oneWay));
    for (int f = 0; f < CorpusLabels.FOLDS; f++) {
      taggers.add(NameTaggerTraining.train(CorpusLabels.withoutFold(trainSentences, f), features, oneWay));
    }
    List<CorpusLabels.Counter> counters = taggers.stream().map(CorpusLabels.Counter::new).toList();
    SparkSession spark = SparkSessions.create("arabic-news-corpus-labels", null);
    long sentences = 0;
    try {
      AnalyzerResources resources = AnalyzerResources.defaults();
      // The words as the entity pass gives them to the tagger (TaggedNames.taggerWords), one sentence a row.
      Iterator<String> rows = spark.read().parquet(corpusTables + "/sentences").select("text")
          .mapPartitions((MapPartitionsFunction<Row, String>) in -> {
            ArabicTextAnalyzer analyzer = new ArabicTextAnalyzer(resources);
            List<String> out = new ArrayList<>();
            while (in.hasNext()) {
              String text = in.next().getString(0);
              if (text != null) {
                out.add(String.join("\u001f", TaggedNames.taggerWords(text, analyzer.analyze(text)).words()));
              }
            }
            analyzer.close();
            return out.iterator();
          }, Encoders.STRING()).toLocalIterator();
      List<String[]> batch = new ArrayList<>();
      while (rows.hasNext()) {
        String row = rows.next();
        if (!row.isEmpty()) {
          batch.add(row.split("\u001f"));
        }
        if (batch.size() == 20_000 || !rows.hasNext()) {
          List<String[]> words = batch;
          IntStream.range(0, counters.size()).parallel().forEach(m -> words.forEach(counters.get(m)::add));
          sentences += batch.size();
          batch = new ArrayList<>();
        }
      }
    } finally {
      spark.stop();
    }
    List<Map<String, Integer>> folds = new ArrayList<>();
    for (int f = 1; f <= CorpusLabels.FOLDS; f++) {
      folds.add(counters.get(f).codes());
    }
    CorpusLabels.Codes codes = new CorpusLabels.Codes(counters.get(0).codes(), folds);
    Path out = corpusLabels != null ? corpusLabels : Path.of("target", "corpus-labels.tsv.gz");
    try {
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      try (OutputStream o = Files.newOutputStream(out)) {
        CorpusLabels.write(codes, o);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + out + ": " + e.getMessage(), e);
    }
    System.out.printf("corpus labels: %,d sentences of %s tagged by %d taggers; %,d words, %s, %.1f s%n", sentences,
        corpusTables, taggers.size(), codes.all().size(), out, (System.nanoTime() - t0) / 1e9);
    return codes;
  }

  private Map<String, Integer> clusters() {
    if ("none".equals(clusters)) {
      return Map.of();
    }
    if (clusters == null) {
      return TaggerLexicons.clusters();
    }
    try {
      return TaggerLexicons.clusters(Files.newInputStream(Path.of(clusters)), clusters);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read word clusters " + clusters + ": " + e.getMessage(), e);
    }
  }

  static SpanScores score(NameTagger tagger, List<TaggedSentences.Sentence> sentences) {
    return score(tagger, sentences, 0f);
  }

  private static final float[] CONFIDENCE_STEPS = {0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 0.95f};

  /** Scores of the names found with at least {@code minConfidence}. */
  static SpanScores score(NameTagger tagger, List<TaggedSentences.Sentence> sentences, float minConfidence) {
    SpanScores scores = new SpanScores();
    for (TaggedSentences.Sentence s : sentences) {
      scores.add(s.labels(), tagger.names(s.tokens()).stream().filter(n -> n.confidence() >= minConfidence).toList());
    }
    return scores;
  }

  /** The best of five rounds over the sentences, after two warm-up rounds. */
  static double tokensPerSecond(NameTagger tagger, List<TaggedSentences.Sentence> sentences) {
    long tokens = sentences.stream().mapToLong(s -> s.tokens().length).sum();
    double best = 0;
    for (int round = 0; round < 7; round++) {
      long t = System.nanoTime();
      for (TaggedSentences.Sentence s : sentences) {
        tagger.names(s.tokens());
      }
      double rate = tokens / ((System.nanoTime() - t) / 1e9);
      best = round >= 2 ? Math.max(best, rate) : best;
    }
    return best;
  }
}
