package io.arabicnews.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicNewsAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The floor of the performance benchmark: no Spark, just what any implementation must do. One thread
 * per core reads .jsonl.gz files (GZIP + Jackson streaming parser), runs the same Lucene chain as the
 * pipeline (tokenizer, digits, lower case, Arabic normalisation) over title and text, drops stop words
 * and counts terms in a hash map; the per-thread maps are merged at the end. Prints articles, MB of
 * title+text, tokens, distinct terms and seconds.
 *
 * <p>Usage: {@code java -cp … io.arabicnews.bench.FloorBenchmark <corpus folder> [threads]}
 */
public final class FloorBenchmark {
  private FloorBenchmark() {}

  /** Totals of one file or one thread. */
  record Totals(long articles, long bytes, long tokens, Map<String, Integer> counts) {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList();
    }
    io.arabicnews.jobs.PeakHeap.start();
    AnalyzerResources resources = AnalyzerResources.defaults();
    long t0 = System.nanoTime();
    // One map per thread across all its files (not one per file): at 16x the corpus, 80 per-file
    // maps waiting to be merged would not fit the heap a real job gets.
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Queue<Path> queue = new ConcurrentLinkedQueue<>(files);
    List<Future<Totals>> parts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      parts.add(pool.submit(() -> {
        Totals sum = new Totals(0, 0, 0, new HashMap<>());
        for (Path f = queue.poll(); f != null; f = queue.poll()) {
          Totals t = count(f, resources, sum.counts());
          sum = new Totals(sum.articles() + t.articles(), sum.bytes() + t.bytes(), sum.tokens() + t.tokens(), sum.counts());
        }
        return sum;
      }));
    }
    long articles = 0;
    long bytes = 0;
    long tokens = 0;
    Map<String, Integer> all = new HashMap<>();
    for (Future<Totals> p : parts) {
      Totals t = p.get();
      articles += t.articles();
      bytes += t.bytes();
      tokens += t.tokens();
      t.counts().forEach((k, v) -> all.merge(k, v, Integer::sum));
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("floor: %d files, %d threads: %d articles, %.1f MB title+text, %d tokens, %d distinct terms in %.1f s"
            + " (%.0f articles/s, %.2f MB/s)%n",
        files.size(), threads, articles, bytes / 1e6, tokens, all.size(), seconds, articles / seconds,
        bytes / 1e6 / seconds);
    System.out.println(io.arabicnews.jobs.PeakHeap.line());
  }

  /** Counts one file's terms into {@code counts}. */
  static Totals count(Path file, AnalyzerResources resources, Map<String, Integer> counts) {
    long[] totals = new long[3]; // articles, bytes, tokens
    try (ArabicNewsAnalyzer analyzer = new ArabicNewsAnalyzer()) {
      readTexts(file, () -> {
        totals[0]++;
        return true;
      }, s -> {
        totals[1] += s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        try (TokenStream ts = analyzer.tokenStream("text", s)) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            totals[2]++;
            String key = term.toString();
            if (!resources.getStopWords().contains(key)) {
              counts.merge(key, 1, Integer::sum);
            }
          }
          ts.end();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return new Totals(totals[0], totals[1], totals[2], counts);
  }

  /**
   * Streams a .jsonl.gz file (GZIP + Jackson's streaming parser): {@code nextArticle} before each
   * article (false stops the reading), then {@code text} with its title and its text.
   */
  static void readTexts(Path file, java.util.function.BooleanSupplier nextArticle,
      java.util.function.Consumer<String> text) {
    JsonFactory json = new JsonFactory();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
        JsonParser p = json.createParser(in)) {
      while (p.nextToken() != null) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
          continue;
        }
        if (!nextArticle.getAsBoolean()) {
          return;
        }
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
            p.skipChildren();
          } else if ("title".equals(field) || "text".equals(field)) {
            text.accept(p.getText());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
