package io.arabicnews.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.SparkTestBase;
import io.arabicnews.corpus.CorpusSpec;
import io.arabicnews.entities.EntitiesConfig;
import io.arabicnews.entities.EntityResources;
import io.arabicnews.entities.GazetteerFile;
import io.arabicnews.text.AnalyzerResources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mention precision and recall against 50 real articles annotated by hand
 * (src/test/resources/entities/entity-gold.tsv). Counts are compared per article and entity:
 * true positives are min(predicted, gold). The figures are written to docs/entities.md.
 */
class EntityMentionEvaluationTest extends SparkTestBase {
  static final Path CORPUS = Path.of("..", "shared", "corpora", "egypt-news-2013");
  @TempDir Path tmp;

  @Test
  void mentionPrecisionAndRecallOnFiftyAnnotatedArticles() throws IOException {
    Set<String> ids = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/entities/entity-gold-articles.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        ids.add(line.strip());
      }
    }
    Map<String, Long> gold = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/entities/entity-gold.tsv"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] f = line.split("\t");
        assertThat(ids).as("gold article %s is in the sample", f[0]).contains(f[0]);
        gold.merge(f[0] + " " + f[1], Long.parseLong(f[2]), Long::sum);
      }
    }
    assertThat(ids).hasSize(50);

    Path in = Files.createDirectories(tmp.resolve("in"));
    List<String> records = new ArrayList<>();
    try (Stream<Path> parts = Files.list(CORPUS)) {
      for (Path part : parts.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList()) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(part), 1 << 16), StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            int start = line.indexOf("\"id\": \"") + 7;
            if (start >= 7 && ids.contains(line.substring(start, line.indexOf('"', start)))) {
              records.add(line);
            }
          }
        }
      }
    }
    assertThat(records).hasSize(50);
    Files.write(in.resolve("sample.jsonl"), records, StandardCharsets.UTF_8);

    Path out = tmp.resolve("out");
    IngestJob.run(spark(), IngestConfig.builder()
        .corpus(CorpusSpec.builder().inputPath(in.toString()).build()).outputRoot(out.toString()).build());
    GazetteerFile g = GazetteerFile.defaults();
    EntitiesJob.run(spark(), out.toString(), out.toString(), EntitiesConfig.builder().build(),
        EntityResources.build(EntityResources.withGazetteerWords(AnalyzerResources.defaults(), g), g));
    Map<String, Long> predicted = new TreeMap<>();
    for (Row r : spark().read().parquet(out.resolve("entity_mentions").toString())
        .groupBy("article_id", "entity_id").count().collectAsList()) {
      predicted.put(r.getString(0) + " " + r.getString(1), r.getLong(2));
    }

    long tp = 0;
    Set<String> keys = new TreeSet<>(gold.keySet());
    keys.addAll(predicted.keySet());
    StringBuilder errors = new StringBuilder();
    for (String k : keys) {
      long p = predicted.getOrDefault(k, 0L);
      long gd = gold.getOrDefault(k, 0L);
      tp += Math.min(p, gd);
      if (p != gd) {
        errors.append(String.format("%n  %s: predicted %d, gold %d", k, p, gd));
      }
    }
    long predictedTotal = predicted.values().stream().mapToLong(Long::longValue).sum();
    long goldTotal = gold.values().stream().mapToLong(Long::longValue).sum();
    double precision = (double) tp / predictedTotal;
    double recall = (double) tp / goldTotal;
    System.out.printf("entity mentions on 50 annotated articles: gold %d, predicted %d, correct %d, "
        + "precision %.3f, recall %.3f; differences:%s%n", goldTotal, predictedTotal, tp, precision, recall, errors);
    assertThat(precision).as("mention precision (differences:%s)", errors).isGreaterThanOrEqualTo(0.95);
    assertThat(recall).as("mention recall (differences:%s)", errors).isGreaterThanOrEqualTo(0.90);
  }
}
