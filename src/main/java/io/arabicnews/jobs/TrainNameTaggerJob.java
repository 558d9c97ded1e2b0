package io.arabicnews.jobs;

import io.arabicnews.entities.EntityResources;
import io.arabicnews.entities.GazetteerFile;
import io.arabicnews.entities.LinkedNameScores;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains the Arabic name tagger on hand-tagged sentences (ANERcorp's train part), writes the model,
 * and prints span-level precision, recall and F1 per class on the dev part and the tagging speed
 * (tokens per second, one thread). No Spark.
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
        TaggerLexicons.titleCues(), clusters());
    NameTagger tagger = NameTaggerTraining.train(trainSentences, features,
        new NameTaggerTraining.Settings(bits, epochs, NameTaggerTraining.Settings.defaults().seed()));
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
    System.out.printf("confidence temperature %.1f (fitted on dev); %d name heads%n", tagger.temperature(), tagger.heads().size());
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
