package io.arabicnews.bench;

import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times the pipeline's per-token analysis alone ({@link ArabicTextAnalyzer#analyze}: Lucene chain,
 * clitic segmentation, stop words, display forms), one thread, over the lines of the first
 * {@code articles} articles of a corpus held in memory, several rounds (the first ones include JIT
 * warm-up). For comparing versions of the analyser: run it on both, alternately.
 *
 * <p>Usage: {@code java -cp … io.arabicnews.bench.AnalyzerBenchmark <corpus folder> [articles] [rounds]}
 */
public final class AnalyzerBenchmark {
  private AnalyzerBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args[0]);
    int articles = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    List<String> lines = lines(corpus, articles);
    AnalyzerResources resources = AnalyzerResources.defaults();
    for (int round = 1; round <= rounds; round++) {
      long t0 = System.nanoTime();
      long tokens = 0;
      try (ArabicTextAnalyzer analyzer = new ArabicTextAnalyzer(resources)) {
        for (String line : lines) {
          tokens += analyzer.analyze(line).size();
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("round %d: %d lines, %d tokens in %.2f s (%.0f ns per token)%n",
          round, lines.size(), tokens, seconds, seconds * 1e9 / Math.max(1, tokens));
    }
  }

  /** The non-blank lines of title and text of the first {@code limit} articles, in file order. */
  static List<String> lines(Path corpus, int limit) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList();
    }
    List<String> lines = new ArrayList<>();
    int[] seen = {0};
    for (Path file : files) {
      FloorBenchmark.readTexts(file, () -> seen[0]++ < limit, text -> {
        for (String line : text.split("\n")) {
          if (!line.isBlank()) {
            lines.add(line);
          }
        }
      });
      if (seen[0] >= limit) {
        break;
      }
    }
    return lines;
  }
}
