package io.arabicnews.bench;

import io.arabicnews.corpus.SentenceSplitter;
import io.arabicnews.entities.EntityResources;
import io.arabicnews.entities.GazetteerFile;
import io.arabicnews.entities.TaggedNames;
import io.arabicnews.entities.tagger.NameModels;
import io.arabicnews.entities.tagger.NameTagger;
import io.arabicnews.text.AnalyzedToken;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The name tagger's speed on one thread, on the real corpus's sentences: reads the first articles of
 * the corpus (title and text), splits and analyses them as the pipeline does, keeps them in memory,
 * then times (a) the tagger alone over the words it sees (words and punctuation marks) and (b) what
 * the entity pass adds per sentence ({@link TaggedNames#find}: the tagger's words built from the
 * analyser's, the tagger, names mapped back). Best of 3 rounds after a warm-up. No Spark.
 *
 * <p>Usage: {@code java -cp … io.arabicnews.bench.TaggerBenchmark <corpus folder> [articles, default 20000] [model file]}
 */
public final class TaggerBenchmark {
  private TaggerBenchmark() {}

  record Sentence(String text, List<AnalyzedToken> tokens, String[] words) {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    int wanted = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    NameTagger tagger = NameModels.load(args.length > 2 ? args[2] : null);
    GazetteerFile g = GazetteerFile.defaults();
    List<Sentence> sentences = new ArrayList<>();
    int[] articles = {0};
    try (ArabicTextAnalyzer analyzer = new ArabicTextAnalyzer(EntityResources.withGazetteerWords(AnalyzerResources.defaults(), g));
        Stream<Path> s = Files.walk(corpus)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList()) {
        if (articles[0] >= wanted) {
          break;
        }
        FloorBenchmark.readTexts(f, () -> articles[0]++ < wanted, text -> {
          for (String paragraph : text.split("\n")) {
            for (String sentence : SentenceSplitter.split(paragraph)) {
              List<AnalyzedToken> tokens = analyzer.analyze(sentence);
              sentences.add(new Sentence(sentence, tokens, TaggedNames.taggerWords(sentence, tokens).words()));
            }
          }
        });
      }
    }
    long words = sentences.stream().mapToLong(x -> x.words().length).sum();
    long analysed = sentences.stream().mapToLong(x -> x.tokens().size()).sum();
    double alone = best(() -> sentences.forEach(x -> tagger.names(x.words())));
    double pass = best(() -> sentences.forEach(x -> TaggedNames.find(tagger, x.text(), x.tokens())));
    System.out.printf("tagger: %,d articles, %,d sentences, %,d words and marks (%,d analyser words), one thread%n",
        Math.min(articles[0], wanted), sentences.size(), words, analysed);
    System.out.printf("tagger alone: %,.0f words/s (%.2f s)%n", words / alone, alone);
    System.out.printf("tagger in the entity pass (TaggedNames.find): %,.0f words/s (%.2f s)%n", words / pass, pass);
  }

  /** Seconds of the fastest of three rounds, after a warm-up round. */
  static double best(Runnable round) {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      long t0 = System.nanoTime();
      round.run();
      double s = (System.nanoTime() - t0) / 1e9;
      best = i > 0 ? Math.min(best, s) : best;
    }
    return best;
  }
}
