package io.arabicnews.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arabicnews.SparkTestBase;
import io.arabicnews.TableRows;
import io.arabicnews.corpus.CorpusSpec;
import io.arabicnews.dates.Period;
import io.arabicnews.terms.TermsConfig;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import io.arabicnews.topics.LearnedTopics;
import io.arabicnews.topics.Taxonomy;
import io.arabicnews.topics.TopicsConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicsJobTest extends SparkTestBase {
  @TempDir static Path tmp;
  private static AnalyzerResources resources;
  private static Taxonomy taxonomy;

  @BeforeAll
  static void setUp() {
    resources = AnalyzerResources.defaults();
    try (ArabicTextAnalyzer a = new ArabicTextAnalyzer(resources)) {
      taxonomy = Taxonomy.defaults(a);
    }
  }

  private static Path runAll(String input, String name, TopicsConfig cfg) {
    Path out = tmp.resolve(name);
    IngestJob.run(spark(), IngestConfig.builder()
        .corpus(CorpusSpec.builder().inputPath(input).build()).outputRoot(out.toString()).build());
    TermsJob.run(spark(), out.toString(), out.toString(), TermsConfig.builder().period(cfg.getPeriod()).build(), resources);
    TopicsJob.run(spark(), out.toString(), out.toString(), cfg, resources, taxonomy);
    return out;
  }

  private static Dataset<Row> table(Path out, String name) {
    return spark().read().parquet(out.resolve(name).toString());
  }

  /** Every article of the run has curated and learned weights, each kind summing to 1. */
  private static void assertEveryArticlesWeightsSumToOne(Path out) {
    long articles = table(out, "articles").count();
    for (String kind : List.of("curated", "learned")) {
      List<Row> sums = table(out, "article_topics").filter("kind = '" + kind + "'").groupBy("article_id")
          .agg(org.apache.spark.sql.functions.sum("weight")).collectAsList();
      assertThat(sums).as("%s articles", kind).hasSize((int) articles);
      for (Row r : sums) {
        assertThat(r.getDouble(1)).as("%s weights of %s", kind, r.getString(0)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
      }
    }
  }

  /** Curated topics of an article, strongest first. */
  private static Map<String, Double> curated(Path out, String article) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Row r : table(out, "article_topics").filter("kind = 'curated' AND article_id = '" + article + "'")
        .orderBy(org.apache.spark.sql.functions.col("weight").desc()).collectAsList()) {
      m.put(r.getAs("topic_id"), r.getAs("weight"));
    }
    return m;
  }

  @Test
  void curatedAssignmentsOnTheSeedsMatchWhatTheyAreAbout() {
    Path out = runAll("data", "seeds", TopicsConfig.builder().ldaTopics(3).ldaIterations(5).build());
    // 000: Patrushev's security talks in Cairo and Egypt's refusal to arm Ukraine.
    assertThat(List.copyOf(curated(out, "000_31df72e609d04747").keySet()).subList(0, 2))
        .containsExactlyInAnyOrder("intelligence_security", "ukraine_war");
    // 001: the 2+2 talks in Moscow: Syria among the regional files, and diplomacy.
    assertThat(curated(out, "001_d840a8d400466009")).hasEntrySatisfying("syria", w -> assertThat(w).isGreaterThan(0.1))
        .hasEntrySatisfying("diplomacy_summits", w -> assertThat(w).isGreaterThan(0.15));
    // 002: Naryshkin and Sisi on Gaza.
    assertThat(curated(out, "002_da11f2f27d591e95").keySet().iterator().next()).isEqualTo("gaza_palestine");
    // 003 and 004: Shoigu in Cairo: military cooperation and counter-terrorism.
    assertThat(List.copyOf(curated(out, "003_7e0eab1ba710d1e2").keySet()).subList(0, 2))
        .containsExactly("military_cooperation", "counter_terrorism");
    Map<String, Double> s4 = curated(out, "004_210d6f65e019116a");
    assertThat(s4.keySet().iterator().next()).isEqualTo("military_cooperation");
    assertThat(s4.get("counter_terrorism")).isGreaterThan(0.15);
    // «القضية الفلسطينية» is not also a court case.
    assertThat(curated(out, "002_da11f2f27d591e95")).doesNotContainKey("courts_trials");

    Row matched = table(out, "article_topics")
        .filter("article_id = '002_da11f2f27d591e95' AND topic_id = 'gaza_palestine'").first();
    assertThat(matched.<String>getList(matched.fieldIndex("matched_terms"))).contains("القضية الفلسطينية", "قطاع غزة");
    assertEveryArticlesWeightsSumToOne(out);
    // Three learned topics and the learned «unassigned».
    assertThat(table(out, "topics").filter("kind = 'learned'").count()).isEqualTo(4);
    assertTopicsReadInEnglishWithoutRepeats(out);
  }

  /**
   * Every learned topic's English label is English (no Arabic letter) and at least one names a
   * curated topic; no topic lists a phrase beside one of its own words.
   */
  static void assertTopicsReadInEnglishWithoutRepeats(Path out) {
    List<Row> topics = table(out, "topics").collectAsList();
    List<Row> learned = topics.stream().filter(r -> "learned".equals(r.getAs("kind"))).toList();
    assertThat(learned).isNotEmpty().allSatisfy(r -> assertThat((String) r.getAs("label_en"))
        .as("label_en of %s", (Object) r.getAs("topic_id")).doesNotContainPattern("\\p{IsArabic}").isNotBlank());
    assertThat(learned).anySatisfy(r -> {
      assertThat((String) r.getAs("label_en")).startsWith("≈ ");
      assertThat((Double) r.getAs("label_overlap")).isBetween(0.1, 1.0);
    });
    for (Row r : topics) {
      List<String> top = r.getList(r.fieldIndex("top_terms"));
      for (String phrase : top) {
        for (String other : top) {
          if (!phrase.equals(other)) {
            assertThat(io.arabicnews.topics.TopTerms.pick(List.of(phrase, other), 2))
                .as("%s lists «%s» with its part «%s»", (Object) r.getAs("topic_id"), phrase, other).hasSize(2);
          }
        }
      }
    }
  }

  @Test
  void unassignedArticlesAndAFullTimelineGrid() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("weeks-in"));
    Files.writeString(in.resolve("news.jsonl"), String.join("\n",
        "{\"id\":\"a1\",\"date\":\"2013-03-04\",\"title\":\"الأهلي يفوز\",\"text\":\"فاز الأهلي على الزمالك في مباراة الدوري. وسجل اللاعب هدفين في المباراة.\"}",
        "{\"id\":\"a2\",\"date\":\"2013-03-05\",\"title\":\"مليونية في التحرير\",\"text\":\"تظاهر المتظاهرين في ميدان التحرير واندلعت اشتباكات وأطلقت قنابل الغاز.\"}",
        "{\"id\":\"a3\",\"date\":\"2013-03-12\",\"title\":\"يوم هادئ\",\"text\":\"مر اليوم هادئا في أغلب الأنحاء ولم يحدث جديد يذكر.\"}",
        "{\"id\":\"a4\",\"date\":\"2013-03-13\",\"title\":\"الزمالك يتعادل\",\"text\":\"تعادل الزمالك في مباراة الدوري وغاب اللاعب المصاب عن المباراة.\"}") + "\n",
        StandardCharsets.UTF_8);
    Path out = runAll(in.toString(), "weeks", TopicsConfig.builder().period(Period.WEEK).ldaTopics(0).smoothingWindow(3).build());

    assertThat(curated(out, "a3")).containsExactly(Map.entry(Taxonomy.UNASSIGNED, 1.0));
    assertThat(curated(out, "a1").keySet()).containsExactly("sport");
    assertThat(curated(out, "a2").keySet()).containsExactly("protests");
    Dataset<Row> timeline = table(out, "topic_timeline");
    long topics = table(out, "topics").count();
    assertThat(timeline.count()).isEqualTo(2 * topics); // two weeks × every topic
    Row sport1 = timeline.filter("topic_id = 'sport' AND period_start = '2013-03-04'").first();
    assertThat((Double) sport1.getAs("share")).isEqualTo(0.5);
    Row sport2 = timeline.filter("topic_id = 'sport' AND period_start = '2013-03-11'").first();
    assertThat((Double) sport2.getAs("share")).isEqualTo(0.5);
    assertThat((Double) sport2.getAs("share_smoothed")).isEqualTo(0.5);
    Row protests2 = timeline.filter("topic_id = 'protests' AND period_start = '2013-03-11'").first();
    assertThat((Long) protests2.getAs("article_count")).isZero();
    assertThat((Double) protests2.getAs("share_smoothed")).isEqualTo(0.25); // (0.5 + 0) / 2 at the edge
  }

  @Test
  void ldaIsReproducibleWithTheSameSeed() {
    TopicsConfig cfg = TopicsConfig.builder().ldaTopics(3).ldaIterations(5).ldaSeed(7).build();
    Path first = runAll("data", "lda-1", cfg);
    Path second = runAll("data", "lda-2", cfg);
    assertThat(table(first, "topics").filter("kind = 'learned'").orderBy("topic_id").collectAsList())
        .isEqualTo(table(second, "topics").filter("kind = 'learned'").orderBy("topic_id").collectAsList());
  }

  /**
   * Every article gets learned weights summing to 1, also those LDA cannot place: an English wire
   * story (as egypt-news-2013 has four), whose terms are in no other article and so not in the LDA
   * vocabulary (an empty document), and an item of figures and stop words, which has no term row at
   * all (not a document). Both get the learned «unassigned».
   */
  @Test
  void everyArticleGetsLearnedWeightsEvenWithoutVocabularyTerms() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("no-terms-in"));
    try (Stream<Path> seeds = Files.list(Path.of("data"))) {
      for (Path seed : seeds.filter(f -> f.toString().endsWith(".txt")).toList()) {
        Files.copy(seed, in.resolve(seed.getFileName()));
      }
    }
    Files.writeString(in.resolve("wire_en.txt"), "WP: Egypt raises customs on luxury imports\n"
        + "Egypt raised customs duties on dozens of imported goods on Saturday.\n", StandardCharsets.UTF_8);
    Files.writeString(in.resolve("figures.txt"), "2013 / 2 / 14\nفي 10 من 20 إلى 30 و 40 على 50.\n", StandardCharsets.UTF_8);
    Path out = runAll(in.toString(), "no-terms", TopicsConfig.builder().ldaTopics(3).ldaIterations(5).build());

    assertThat(table(out, "articles").count()).isEqualTo(7);
    Dataset<Row> english = table(out, "articles").filter("title LIKE 'WP:%'").select("article_id");
    Dataset<Row> figures = table(out, "articles").filter("title LIKE '2013%'").select("article_id");
    assertThat(table(out, "article_terms").join(english, "article_id").count()).isGreaterThan(3);
    assertThat(table(out, "article_terms").join(figures, "article_id").count()).isZero();
    assertEveryArticlesWeightsSumToOne(out);
    for (Dataset<Row> unplaced : List.of(english, figures)) {
      List<Row> learned = table(out, "article_topics").join(unplaced, "article_id").filter("kind = 'learned'").collectAsList();
      assertThat(learned).hasSize(1);
      assertThat((String) learned.get(0).getAs("topic_id")).isEqualTo(LearnedTopics.UNASSIGNED);
      assertThat((Double) learned.get(0).getAs("weight")).isEqualTo(1.0);
    }
    assertThat(table(out, "topics").filter("topic_id = 'lda_unassigned' AND kind = 'learned'").count()).isEqualTo(1);
  }

  /**
   * The LDA documents are built from numbered rows, not by CountVectorizer over each article's terms
   * repeated: the vectors, their partitions and their order must be what CountVectorizer gave, on the
   * seeds' terms plus an article with 100 vocabulary terms and one with none.
   */
  @Test
  void ldaDocumentsAreTheCountVectorizerVectors() {
    Path out = tmp.resolve("lda-docs");
    IngestJob.run(spark(), IngestConfig.builder()
        .corpus(CorpusSpec.builder().inputPath("data").build()).outputRoot(out.toString()).build());
    TermsJob.run(spark(), out.toString(), out.toString(), TermsConfig.builder().build(), resources);
    List<Row> extra = new java.util.ArrayList<>();
    List<String> vocabulary = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      extra.add(org.apache.spark.sql.RowFactory.create("fx_many", "t" + i, (long) i + 1));
      vocabulary.add("t" + i);
    }
    extra.add(org.apache.spark.sql.RowFactory.create("fx_none", "zzz", 2L));
    Dataset<Row> articleTerms = table(out, "article_terms").select("article_id", "term_key", "term_count")
        .unionByName(spark().createDataFrame(extra, new org.apache.spark.sql.types.StructType()
            .add("article_id", "string").add("term_key", "string").add("term_count", "long")));
    table(out, "term_frequencies").orderBy(org.apache.spark.sql.functions.col("doc_count").desc(),
        org.apache.spark.sql.functions.col("term_key")).limit(50).collectAsList()
        .forEach(r -> vocabulary.add(r.getAs("term_key")));
    String[] vocab = vocabulary.toArray(String[]::new);

    List<Row> expected = new org.apache.spark.ml.feature.CountVectorizerModel(vocab)
        .setInputCol("terms").setOutputCol("features")
        .transform(articleTerms.groupBy("article_id")
            .agg(org.apache.spark.sql.functions.flatten(org.apache.spark.sql.functions.collect_list(
                org.apache.spark.sql.functions.array_repeat(org.apache.spark.sql.functions.col("term_key"),
                    org.apache.spark.sql.functions.col("term_count").cast("int")))).as("terms"))
            .repartition(3, org.apache.spark.sql.functions.col("article_id"))
            .sortWithinPartitions("article_id"))
        .select("article_id", "features").collectAsList();
    List<Row> actual = io.arabicnews.topics.LearnedTopics.documents(spark(), articleTerms, vocab, 3).collectAsList();

    assertThat(actual).hasSize(7).isEqualTo(expected);
    Row none = actual.stream().filter(r -> r.getString(0).equals("fx_none")).findFirst().orElseThrow();
    assertThat(((org.apache.spark.ml.linalg.Vector) none.get(1)).numNonzeros()).isZero();
    Row many = actual.stream().filter(r -> r.getString(0).equals("fx_many")).findFirst().orElseThrow();
    assertThat(((org.apache.spark.ml.linalg.Vector) many.get(1)).apply(99)).isEqualTo(100.0);
  }

  @Test
  void taxonomyErrorsNameTheFileAndLine() {
    try (ArabicTextAnalyzer an = new ArabicTextAnalyzer(resources)) {
      assertThatThrownBy(() -> Taxonomy.parse(in("t1\tA\tأ\tفي غزة:3\n"), "tax.tsv", an))
          .hasMessageContaining("tax.tsv line 1").hasMessageContaining("stop word or number «في»");
      assertThatThrownBy(() -> Taxonomy.parse(in("t1\tA\tأ\tغزة\n"), "tax.tsv", an))
          .hasMessageContaining("needs a weight");
      assertThatThrownBy(() -> Taxonomy.parse(in("# c\nt1\tA\tأ\tغزة:9\n"), "tax.tsv", an))
          .hasMessageContaining("tax.tsv line 2").hasMessageContaining("weight must be in (0, 5]");
    }
  }

  private static ByteArrayInputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Curated topic weights do not depend on how Spark splits the sentence files: articles cut by a
   * reader split are weighed again from all their sentences, so each article has one set of weights
   * summing to 1 (see TermsJobTest#tablesInTwelveFiles for the files).
   */
  @Test
  void curatedWeightsDoNotDependOnHowTheSentenceFilesAreSplit() throws java.io.IOException {
    Path tables = TermsJobTest.tablesInTwelveFiles(tmp.resolve("splits"));
    TopicsConfig cfg = TopicsConfig.builder().ldaTopics(0).build();
    try {
      Path whole = tmp.resolve("splits-whole");
      TopicsJob.run(spark(), tables.toString(), whole.toString(), cfg, resources, taxonomy);
      TermsJobTest.readInSmallSplits();
      Path cut = tmp.resolve("splits-cut");
      TopicsJob.run(spark(), tables.toString(), cut.toString(), cfg, resources, taxonomy);

      Dataset<Row> a = table(whole, "article_topics");
      Dataset<Row> b = table(cut, "article_topics");
      assertThat(b.groupBy("article_id").agg(org.apache.spark.sql.functions.sum("weight").as("w"))
          .filter("abs(w - 1) > 1e-9").count()).as("articles whose weights do not sum to 1").isZero();
      assertThat(a.count()).isGreaterThanOrEqualTo(240);
      TableRows.assertSameRows("article_topics", a, "when read a file per split", b, "when read in small splits");
      Dataset<Row> ta = table(whole, "topic_timeline");
      Dataset<Row> tb = table(cut, "topic_timeline");
      assertThat(ta.select("period_start", "topic_id", "article_count").exceptAll(
          tb.select("period_start", "topic_id", "article_count")).count()).isZero();
    } finally {
      TermsJobTest.readWhole();
    }
  }
}
