package io.arabicnews.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;

import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lombok.extern.slf4j.Slf4j;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Builds the clitic lexicon (normalised word TAB count) from an {@code articles} table: the word
 * counts that let the segmenter tell «وموسكو» (و + موسكو) from «وزير». The shipped lexicon was built
 * from egypt-news-2013 with this job; point it at your own corpus to extend it.
 */
@Slf4j
@Command(name = "lexicon", mixinStandardHelpOptions = true, description = "Count normalised words of an articles table into a clitic lexicon TSV.")
public final class LexiconJob implements Callable<Integer> {
  @Option(names = "--articles", required = true, description = "An articles table written by ingest")
  String articles;

  @Option(names = "--out", required = true, description = "Lexicon file to write (word TAB count)")
  String out;

  @Option(names = "--min-count", defaultValue = "20", description = "Keep words seen at least this often (default: ${DEFAULT-VALUE})")
  int minCount;

  @Option(names = "--master", description = "Spark master (default: local[*])")
  String master;

  public static void main(String[] args) {
    System.exit(JobMain.execute(new LexiconJob(), args));
  }

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.create("arabic-news-lexicon", master);
    try {
      List<String> lines = new ArrayList<>();
      lines.add("# normalised word TAB count; built by jobs/build-lexicon.sh from " + articles);
      for (Row r : count(spark.read().parquet(articles), minCount).collectAsList()) {
        lines.add(r.getString(0) + "\t" + r.getLong(1));
      }
      Files.write(Path.of(out), lines, StandardCharsets.UTF_8);
      log.info("Wrote {} words to {}", lines.size() - 1, out);
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      spark.stop();
    }
  }

  /** Normalised (unsegmented) word counts, most frequent first, ties by word. */
  static Dataset<Row> count(Dataset<Row> articles, int minCount) {
    Dataset<String> words =
        articles
            .select("title", "body")
            .flatMap(
                (FlatMapFunction<Row, String>)
                    row -> {
                      List<String> out = new ArrayList<>();
                      ArabicTextAnalyzer analyzer = Holder.get();
                      analyzer.forEachNormalizedToken(row.getString(0), out::add);
                      analyzer.forEachNormalizedToken(row.getString(1), out::add);
                      return out.iterator();
                    },
                Encoders.STRING());
    return words
        .filter(col("value").rlike("^[\\u0621-\\u064A]{2,}$"))
        .groupBy("value")
        .count()
        .filter(col("count").geq(minCount))
        .orderBy(desc("count"), col("value"));
  }

  /** Normalisation needs no lexicon, so one analyser per executor thread is enough. */
  private static final class Holder {
    private static final ThreadLocal<ArabicTextAnalyzer> ANALYZER =
        ThreadLocal.withInitial(() -> new ArabicTextAnalyzer(AnalyzerResources.defaults()));

    static ArabicTextAnalyzer get() {
      return ANALYZER.get();
    }
  }
}
