package io.arabicnews.jobs;

import io.arabicnews.entities.tagger.WordClusters;
import io.arabicnews.text.AnalyzerResources;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Learns the name tagger's word clusters from an output root's sentences and writes them as gzip TSV. */
@Command(name = "word-clusters", mixinStandardHelpOptions = true, description = "Learn word clusters (Word2Vec + k-means) from the sentences table.")
public final class WordClustersJob implements Callable<Integer> {
  @Option(names = "--tables", required = true, description = "Output root holding the sentences table (e.g. of egypt-news-2013)")
  String tables;

  @Option(names = "--out", defaultValue = "src/main/resources/io/arabicnews/entities/tagger/word-clusters.tsv.gz", description = "Where to write word TAB cluster (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--master", description = "Spark master (default: local[*])")
  String master;

  public static void main(String[] args) {
    System.exit(JobMain.execute(new WordClustersJob(), args));
  }

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    SparkSession spark = SparkSessions.create("arabic-news-word-clusters", master);
    try {
      var clusters = WordClusters.of(spark.read().parquet(tables + "/sentences"), AnalyzerResources.defaults(),
          WordClusters.Settings.defaults()).collectAsList();
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      try (OutputStream o = Files.newOutputStream(out);
          Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(o), StandardCharsets.UTF_8)) {
        for (Row r : clusters) {
          w.write(r.getString(0) + "\t" + r.getInt(1) + "\n");
        }
      }
      System.out.printf("word-clusters: %d words in %d clusters, %s, %.1f s%n", clusters.size(),
          WordClusters.Settings.defaults().clusters(), out, (System.nanoTime() - t0) / 1e9);
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + out + ": " + e.getMessage(), e);
    } finally {
      spark.stop();
    }
  }
}
