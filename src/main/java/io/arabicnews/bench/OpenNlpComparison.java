package io.arabicnews.bench;

import io.arabicnews.entities.GazetteerFile;
import io.arabicnews.entities.tagger.Labels;
import io.arabicnews.entities.tagger.NameFeatures;
import io.arabicnews.entities.tagger.NameModels;
import io.arabicnews.entities.tagger.NameTagger;
import io.arabicnews.entities.tagger.SpanScores;
import io.arabicnews.entities.tagger.TaggedSentences;
import io.arabicnews.entities.tagger.TaggerLexicons;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * Apache OpenNLP's trainable name finder beside ours, on the same ANERcorp train → dev split:
 * {@code NameFinderME} with its default features (maxent and perceptron), and the perceptron with
 * our features ({@link OpenNlpWithOurFeatures}); then the
 * shipped tagger. Prints span-level P/R/F1 (PERS+LOC+ORG and all four classes, as {@link SpanScores})
 * and tagging speed on one thread over the dev sentences (best of three rounds after a warm-up).
 *
 * <p>Usage: {@code java -cp … io.arabicnews.bench.OpenNlpComparison [anercorp folder]}
 */
public final class OpenNlpComparison {
  private static final Path NAMES = Path.of("..", "shared", "corpora", "name-transliterations");

  private OpenNlpComparison() {}

  public static void main(String[] args) throws IOException {
    Path anercorp = Path.of(args.length > 0 ? args[0] : "../shared/corpora/anercorp");
    List<TaggedSentences.Sentence> train = TaggedSentences.read(anercorp.resolve("train.txt"));
    List<TaggedSentences.Sentence> dev = TaggedSentences.read(anercorp.resolve("dev.txt"));
    NameFeatures ours = new NameFeatures(
        TaggerLexicons.nameWords(List.of(NAMES.resolve("google-ar2en.tsv"), NAMES.resolve("wikidata-en-ar-name-tokens.tsv"))),
        TaggerLexicons.gazetteerTypes(GazetteerFile.defaults()), TaggerLexicons.titleCues(), TaggerLexicons.clusters(),
        // No corpus labels: OpenNLP trains every sentence on the same features, and codes made by a
        // tagger trained on these sentences would hand each training word its gold class. A HashMap
        // like the shipped model's: an immutable empty map here made the JIT recompile the feature
        // code for two map classes, and our tagger measured after it ran at a third of its speed.
        new java.util.HashMap<>());
    report("OpenNLP NameFinderME, default features, maxent", train(train, "MAXENT", null), dev);
    report("OpenNLP NameFinderME, default features, perceptron", train(train, "PERCEPTRON", null), dev);
    report("OpenNLP NameFinderME, our features but the corpus labels, perceptron", train(train, "PERCEPTRON", ours), dev);
    NameTagger shipped = NameModels.shipped();
    SpanScores scores = new SpanScores();
    for (TaggedSentences.Sentence s : dev) {
      scores.add(s.labels(), shipped.tag(s.tokens()));
    }
    print("ours (shipped model: greedy averaged perceptrons, two readings)", scores, speed(dev, s -> shipped.tag(s)));
  }

  private static NameFinderME train(List<TaggedSentences.Sentence> sentences, String algorithm, NameFeatures features)
      throws IOException {
    List<NameSample> samples = new ArrayList<>();
    for (TaggedSentences.Sentence s : sentences) {
      samples.add(new NameSample(s.tokens(), spans(s.labels()), false));
    }
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
    OpenNlpWithOurFeatures.features = features;
    TokenNameFinderFactory factory = features == null ? new TokenNameFinderFactory() : new OpenNlpWithOurFeatures();
    long t0 = System.nanoTime();
    TokenNameFinderModel model = NameFinderME.train("ar", null, ObjectStreamUtils.createObjectStream(samples), params, factory);
    System.out.printf("  trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    return new NameFinderME(model);
  }

  private static Span[] spans(int[] labels) {
    return SpanScores.spans(labels).stream()
        .map(x -> new Span(x.start(), x.end(), Labels.CLASSES.get(x.kind()))).toArray(Span[]::new);
  }

  private static void report(String name, NameFinderME finder, List<TaggedSentences.Sentence> dev) {
    SpanScores scores = new SpanScores();
    for (TaggedSentences.Sentence s : dev) {
      scores.add(s.labels(), labels(finder.find(s.tokens()), s.tokens().length));
      finder.clearAdaptiveData();
    }
    print(name, scores, speed(dev, tokens -> {
      finder.find(tokens);
      finder.clearAdaptiveData();
      return null;
    }));
  }

  private static int[] labels(Span[] spans, int n) {
    int[] out = new int[n];
    for (Span s : spans) {
      int kind = Labels.CLASSES.indexOf(s.getType());
      for (int i = s.getStart(); i < s.getEnd(); i++) {
        out[i] = i == s.getStart() ? 2 * kind + 1 : 2 * kind + 2;
      }
    }
    return out;
  }

  private static void print(String name, SpanScores scores, double tokensPerSecond) {
    System.out.printf("%s%n  PERS+LOC+ORG %s%n  all four     %s%n  %,.0f tokens/s on one thread%n", name,
        scores.of("PERS", "LOC", "ORG"), scores.of(Labels.CLASSES.toArray(String[]::new)), tokensPerSecond);
  }

  private static double speed(List<TaggedSentences.Sentence> dev, java.util.function.Function<String[], Object> tag) {
    long tokens = dev.stream().mapToLong(s -> s.tokens().length).sum();
    return tokens / TaggerBenchmark.best(() -> dev.forEach(s -> tag.apply(s.tokens())));
  }

}
