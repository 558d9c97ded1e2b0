package io.arabicnews.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.SparkTestBase;
import io.arabicnews.corpus.CorpusSpec;
import io.arabicnews.entities.EntitiesConfig;
import io.arabicnews.entities.EntityResources;
import io.arabicnews.entities.GazetteerFile;
import io.arabicnews.entities.TaggedNames;
import io.arabicnews.entities.tagger.NameModels;
import io.arabicnews.text.ArabicTextAnalyzer;
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
 * Mention precision and recall against 50 real articles annotated by hand: their gazetteer entities
 * (src/test/resources/entities/entity-gold.tsv) and every other name (entity-gold-names.tsv). Counts
 * are compared per article and entity: true positives are min(predicted, gold). The figures are
 * written to docs/entities.md.
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
        // The lowest confidence of the table below: higher ones are the same run's mentions filtered.
        EntityResources.build(EntityResources.withGazetteerWords(AnalyzerResources.defaults(), g), g,
            NameModels.shipped(), 0.5f));
    Map<String, Long> goldNames = namesGold(ids, g);
    List<Row> rows = spark().read().parquet(out.resolve("entity_mentions").toString())
        .select("article_id", "entity_id", "confidence", "source").collectAsList();
    Score gazetteerPart = score(gold, predicted(rows, false, 0), "gazetteer entities");
    Score all = null;
    for (double min : new double[] {0.5, 0.6, 0.7, 0.8, 0.9}) {
      Map<String, Long> both = new TreeMap<>(gold);
      both.putAll(goldNames);
      Score s = score(both, predicted(rows, true, min), "all names, tagger confidence >= " + min);
      Score modelPart = score(goldNames, predictedNames(rows, min), "names the gazetteer does not list, confidence >= " + min);
      all = Math.abs(min - EntityResources.DEFAULT_MIN_NAME_CONFIDENCE) < 1e-6 ? s : all;
      assertThat(modelPart.gold()).isGreaterThan(150);
    }
    assertThat(gazetteerPart.precision()).as("gazetteer mention precision").isGreaterThanOrEqualTo(0.95);
    assertThat(gazetteerPart.recall()).as("gazetteer mention recall").isGreaterThanOrEqualTo(0.90);
    assertThat(all.precision()).as("precision over all names at the default confidence").isGreaterThanOrEqualTo(0.90);
  }

  record Score(long correct, long predicted, long gold) {
    double precision() {
      return (double) correct / predicted;
    }

    double recall() {
      return (double) correct / gold;
    }
  }

  /** Mentions per article and entity: gazetteer entities only, or with the tagger's at {@code min} or more. */
  private static Map<String, Long> predicted(List<Row> rows, boolean withModel, double min) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : rows) {
      boolean model = "model".equals(r.getString(3));
      if (!model || (withModel && r.getDouble(2) >= min)) {
        out.merge(r.getString(0) + " " + r.getString(1), 1L, Long::sum);
      }
    }
    return out;
  }

  private static Map<String, Long> predictedNames(List<Row> rows, double min) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : rows) {
      if ("model".equals(r.getString(3)) && r.getDouble(2) >= min) {
        out.merge(r.getString(0) + " " + r.getString(1), 1L, Long::sum);
      }
    }
    return out;
  }

  /** Gold and predicted counts compared per article and entity: correct = min of the two. */
  private static Score score(Map<String, Long> gold, Map<String, Long> predicted, String what) {
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
    Score s = new Score(tp, predicted.values().stream().mapToLong(Long::longValue).sum(),
        gold.values().stream().mapToLong(Long::longValue).sum());
    System.out.printf("%s on 50 annotated articles: gold %d, predicted %d, correct %d, precision %.3f, recall %.3f%s%n",
        what, s.gold(), s.predicted(), s.correct(), s.precision(), s.recall(),
        what.startsWith("names") && what.endsWith("0.5") || what.startsWith("gazetteer") ? "; differences:" + errors : "");
    return s;
  }

  /** entity-gold-names.tsv, keyed like the mentions: the id a tagged name of that form gets. */
  private static Map<String, Long> namesGold(Set<String> ids, GazetteerFile g) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (ArabicTextAnalyzer analyzer = new ArabicTextAnalyzer(EntityResources.withGazetteerWords(AnalyzerResources.defaults(), g))) {
      for (String line : Files.readAllLines(Path.of("src/test/resources/entities/entity-gold-names.tsv"))) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] f = line.split("\t");
          assertThat(ids).as("gold article %s is in the sample", f[0]).contains(f[0]);
          String key = analyzer.analyze(f[1]).stream().map(t -> t.key()).collect(java.util.stream.Collectors.joining(" "));
          out.merge(f[0] + " " + TaggedNames.entityId(key), Long.parseLong(f[3]), Long::sum);
        }
      }
    }
    return out;
  }
}
