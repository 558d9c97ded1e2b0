package io.arabicnews.jobs;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arabicnews.SparkTestBase;
import io.arabicnews.corpus.CorpusSpec;
import io.arabicnews.corpus.InputFormat;
import io.arabicnews.corpus.SentenceSplitter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestJobTest extends SparkTestBase {
  @TempDir static Path tmp;
  private static Path seedsOut;
  private static IngestReport seedsReport;

  @BeforeAll
  static void ingestSeeds() {
    seedsOut = tmp.resolve("seeds-out");
    seedsReport = IngestJob.run(spark(), config("data", seedsOut, null));
  }

  private static IngestConfig config(String input, Path out, InputFormat format) {
    return IngestConfig.builder()
        .corpus(CorpusSpec.builder().inputPath(input).format(format).build())
        .outputRoot(out.toString())
        .build()
        .validate();
  }

  private static Dataset<Row> table(Path out, String name) {
    return spark().read().parquet(out.resolve(name).toString());
  }

  private static Map<String, Row> byId(Dataset<Row> articles) {
    return articles.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("article_id"), r -> r));
  }

  private static Map<String, String> rejectReasons(Path out) {
    Map<String, String> m = new HashMap<>();
    for (Row r : table(out, "rejects").collectAsList()) {
      String input = r.getAs("input");
      m.put(input.substring(input.lastIndexOf('/') + 1), r.getAs("reason"));
    }
    return m;
  }

  @Test
  void seedCorpusLoadsFiveArticlesAndRejectsNothing() {
    assertThat(seedsReport.read()).isEqualTo(5);
    assertThat(seedsReport.loaded()).isEqualTo(5);
    assertThat(seedsReport.rejected()).isZero();
    assertThat(seedsReport.reconciliation()).startsWith("read 5, loaded 5, rejected 0");
    assertThat(table(seedsOut, "articles").count()).isEqualTo(5);
    assertThat(table(seedsOut, "rejects").count()).isZero();
  }

  @Test
  void onlySeed000HasADateAndItComesFromItsDateline() {
    Map<String, Row> a = byId(table(seedsOut, "articles"));
    Row s0 = a.get("000_31df72e609d04747");
    assertThat((Object) s0.getAs("published_date")).isEqualTo(java.sql.Date.valueOf("2023-09-26"));
    assertThat((String) s0.getAs("date_source")).isEqualTo("text");
    for (String id : List.of("001_d840a8d400466009", "002_da11f2f27d591e95", "003_7e0eab1ba710d1e2", "004_210d6f65e019116a")) {
      assertThat((Object) a.get(id).getAs("published_date")).as(id).isNull();
      assertThat((Object) a.get(id).getAs("date_source")).as(id).isNull();
    }
  }

  @Test
  void articlesHaveDeclaredTypesAndCleanBodies() {
    Dataset<Row> articles = table(seedsOut, "articles");
    StructType schema = articles.schema();
    assertThat(schema.apply("published_date").dataType()).isEqualTo(DataTypes.DateType);
    assertThat(schema.apply("n_tokens").dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(List.of(articles.columns())).containsExactly("article_id", "source", "url", "title", "body",
        "published_date", "date_source", "date_note", "encoding", "n_chars", "n_sentences", "n_tokens",
        "n_removed_lines", "content_hash", "input_path", "dup_cluster_id", "is_canonical", "dup_cluster_size",
        "dup_max_similarity");
    for (Row r : articles.collectAsList()) {
      String body = r.getAs("body");
      assertThat(body).doesNotContain("http", "مقالات ذات صلة", "زر الذهاب", "كلمات مفتاحية", "المصدر |", "\u200F");
      assertThat((Integer) r.getAs("n_chars")).isEqualTo(body.length());
      assertThat((String) r.getAs("encoding")).isEqualTo("UTF-8");
      assertThat((String) r.getAs("content_hash")).hasSize(64);
    }
  }

  @Test
  void sentencesMatchArticlesAndTitlesAreSentenceZero() {
    Dataset<Row> sentences = table(seedsOut, "sentences");
    Map<String, Row> a = byId(table(seedsOut, "articles"));
    for (Row art : a.values()) {
      String id = art.getAs("article_id");
      long body = sentences.filter("article_id = '" + id + "' AND sentence_index > 0").count();
      assertThat(body).as(id).isEqualTo((long) (Integer) art.getAs("n_sentences"));
    }
    // 000, 001 and 002 have headlines; 003 and 004 start with their lead paragraph.
    assertThat(sentences.filter("is_title").count()).isEqualTo(3);
    Row t = sentences.filter("article_id = '001_d840a8d400466009' AND sentence_index = 0").first();
    assertThat((String) t.getAs("text")).isEqualTo("مباحثات روسية مصرية.. هذا أبرز ما جاء فيها");
    Row first = sentences.filter("article_id = '000_31df72e609d04747' AND sentence_index = 1").first();
    assertThat((String) first.getAs("text")).startsWith("أعلنت روسيا عن إجراء مباحثات أمنية مهمة مع مصر في القاهرة");
    assertThat((Integer) first.getAs("paragraph_index")).isZero();
  }

  @Test
  void tablesReadBackWithProperTypesInDuckDb() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      String glob = seedsOut.resolve("articles").toString() + "/*.parquet";
      try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + glob + "')")) {
        Map<String, String> types = new HashMap<>();
        while (rs.next()) {
          types.put(rs.getString("column_name"), rs.getString("column_type"));
        }
        assertThat(types).containsEntry("published_date", "DATE").containsEntry("n_tokens", "INTEGER")
            .containsEntry("body", "VARCHAR");
      }
      try (ResultSet rs = st.executeQuery("SELECT article_id, published_date FROM read_parquet('" + glob
          + "') WHERE published_date IS NOT NULL")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("000_31df72e609d04747");
        assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(2023, 9, 26));
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void textFolderDecodesEveryEncodingAndRejectsWhatItCannotLoad() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("encodings"));
    String article = "السيسي يستقبل لافروف\nاستقبل الرئيس السيسي وزير الخارجية الروسي سيرغي لافروف بالقاهرة.\n";
    Files.writeString(in.resolve("utf8.txt"), article, StandardCharsets.UTF_8);
    Files.write(in.resolve("utf8bom.txt"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, article.getBytes(StandardCharsets.UTF_8)));
    Files.write(in.resolve("utf16le.txt"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, article.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_16LE)));
    Files.write(in.resolve("utf16be.txt"), concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, article.getBytes(StandardCharsets.UTF_16BE)));
    Files.write(in.resolve("cp1256.txt"), article.getBytes(Charset.forName("windows-1256")));
    Files.write(in.resolve("empty.txt"), new byte[0]);
    Files.write(in.resolve("binary.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
    Files.writeString(in.resolve("only-boilerplate.txt"), "مقالات ذات صلة\nزر الذهاب إلى الأعلى\n", StandardCharsets.UTF_8);
    Files.writeString(in.resolve("dup-a.txt"), article, StandardCharsets.UTF_8);
    Files.writeString(in.resolve("dup-b.txt"), article + "فقرة أخرى.\n", StandardCharsets.UTF_8);
    Files.writeString(in.resolve("manifest.csv"),
        "file,article_id,source,url,title,published_date\n"
            + "utf8.txt,a-utf8,youm7,https://example.org/1,,2013-02-14\n"
            + "cp1256.txt,a-cp1256,,,,31 فبراير 2013\n"
            + "dup-a.txt,same-id,,,,\n"
            + "dup-b.txt,same-id,,,,\n"
            + "gone.txt,a-gone,,,,\n", StandardCharsets.UTF_8);
    Path out = tmp.resolve("encodings-out");

    IngestReport report = IngestJob.run(spark(), config(in.toString(), out, null));

    assertThat(report.read()).isEqualTo(11); // 10 files + 1 manifest row without a file
    assertThat(report.loaded() + report.rejected()).isEqualTo(report.read());
    assertThat(rejectReasons(out)).containsOnly(
        Map.entry("empty.txt #empty", "empty"),
        Map.entry("binary.txt #binary", "binary"),
        Map.entry("only-boilerplate.txt #only-boilerplate", "no_body"),
        Map.entry("manifest.csv: gone.txt #a-gone", "missing_file"),
        Map.entry("dup-b.txt #same-id", "duplicate_id"));
    Map<String, Row> a = byId(table(out, "articles"));
    assertThat(a.keySet()).containsExactlyInAnyOrder("a-utf8", "utf8bom", "utf16le", "utf16be", "a-cp1256", "same-id");
    Map<String, String> encodings = a.values().stream().collect(Collectors.toMap(r -> r.getAs("article_id"), r -> r.getAs("encoding")));
    assertThat(encodings).containsEntry("a-utf8", "UTF-8").containsEntry("utf8bom", "UTF-8-BOM")
        .containsEntry("utf16le", "UTF-16LE").containsEntry("utf16be", "UTF-16BE").containsEntry("a-cp1256", "windows-1256");
    for (Row r : a.values()) {
      assertThat((String) r.getAs("title")).isEqualTo("السيسي يستقبل لافروف");
      assertThat((String) r.getAs("body")).startsWith("استقبل الرئيس السيسي وزير الخارجية الروسي سيرغي لافروف بالقاهرة.");
    }
    Row utf8 = a.get("a-utf8");
    assertThat((String) utf8.getAs("source")).isEqualTo("youm7");
    assertThat((Object) utf8.getAs("published_date")).isEqualTo(java.sql.Date.valueOf("2013-02-14"));
    assertThat((String) utf8.getAs("date_source")).isEqualTo("metadata");
    Row cp = a.get("a-cp1256");
    assertThat((Object) cp.getAs("published_date")).isNull();
    assertThat((String) cp.getAs("date_note")).isEqualTo("metadata date rejected: impossible date 2013-02-31");
  }

  @Test
  void outsizedInvalidAndMixedTextIsLoadedOrRejectedWithAReason() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("outsized"));
    String sentence = "وبحث الجانبان سبل تعزيز التعاون العسكري بين القاهرة وموسكو. ";
    // 50 MB of UTF-8 in one article: a dump, not a news article.
    Files.writeString(in.resolve("huge.txt"), "ملف ضخم\n" + sentence.repeat(50_000_000 / sentence.getBytes(StandardCharsets.UTF_8).length),
        StandardCharsets.UTF_8);
    // A 1 MB line of words and no sentence punctuation at all.
    String words = "التعاون العسكري بين مصر وروسيا ";
    Files.writeString(in.resolve("long-line.txt"), "سطر طويل\n" + words.repeat(1_000_000 / words.getBytes(StandardCharsets.UTF_8).length),
        StandardCharsets.UTF_8);
    Files.writeString(in.resolve("mixed.txt"),
        "Gazprom و«روساتوم» في القاهرة\nوقعت شركة Rosatom الروسية عقد محطة الضبعة مع Egypt's Nuclear Power Plants Authority (NPPA) بقيمة 25 مليار دولار.\n",
        StandardCharsets.UTF_8);
    byte[] arabic = "عنوان\nنص عربي صحيح ثم بايتات تالفة ".getBytes(StandardCharsets.UTF_8);
    Files.write(in.resolve("invalid-utf8.txt"), concat(arabic, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1, 'x'}));
    Path out = tmp.resolve("outsized-out");

    IngestReport report = IngestJob.run(spark(), config(in.toString(), out, null));

    assertThat(report.read()).isEqualTo(4);
    assertThat(report.loaded() + report.rejected()).isEqualTo(report.read());
    assertThat(report.reconciliation()).startsWith("read 4, loaded 2, rejected 2 {");
    Map<String, Row> rejects = table(out, "rejects").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("article_id"), r -> r));
    assertThat((String) rejects.get("huge").getAs("reason")).isEqualTo("too_large");
    assertThat((String) rejects.get("huge").getAs("detail")).contains("above the limit of 5,000,000");
    assertThat((String) rejects.get("invalid-utf8").getAs("reason")).isEqualTo("undecodable");

    Map<String, Row> a = byId(table(out, "articles"));
    assertThat(a.keySet()).containsExactlyInAnyOrder("long-line", "mixed");
    List<Row> longLine = table(out, "sentences").filter("article_id = 'long-line' AND sentence_index > 0").collectAsList();
    int bodyChars = ((String) a.get("long-line").getAs("body")).length();
    assertThat(longLine).hasSizeGreaterThanOrEqualTo(bodyChars / SentenceSplitter.MAX_SENTENCE_CHARS);
    assertThat(longLine).allSatisfy(r -> assertThat(((String) r.getAs("text")).length()).isBetween(1, SentenceSplitter.MAX_SENTENCE_CHARS));
    assertThat(longLine.stream().mapToInt(r -> ((String) r.getAs("text")).length() + 1).sum()).isEqualTo(bodyChars + 1);
    Row mixed = a.get("mixed");
    assertThat((String) mixed.getAs("title")).isEqualTo("Gazprom و«روساتوم» في القاهرة");
    assertThat((String) mixed.getAs("body")).contains("Rosatom", "(NPPA)");
    // Latin words, numbers and Arabic all count as tokens: 18 in the body («Egypt's» is one), 5 in
    // the title («و» before a quotation mark stands alone).
    assertThat((Integer) mixed.getAs("n_tokens")).isEqualTo(23);
  }

  @Test
  void jsonLinesWithABrokenLineAndMetadataDates() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("jsonl"));
    Files.writeString(in.resolve("part-1.jsonl"),
        "{\"id\": \"j1\", \"source\": \"shorouk\", \"date\": \"2013-03-05\", \"title\": \"مرسي يلتقي وفدا روسيا\", \"text\": \"التقى الرئيس محمد مرسي وفدا روسيا في القاهرة.\\nوبحث الجانبان التعاون.\"}\n"
            + "{\"id\": \"j2\", \"source\": \"youm7\", \"date\": \"2013-02-31\", \"title\": \"خبر\", \"text\": \"نص الخبر الثاني هنا.\"}\n"
            + "{\"id\": \"j3\", \"source\": \"youm7\", \"title\": \"broken\", \"text\": \n"
            + "{\"id\": 4, \"source\": \"dostor\", \"date\": \"2013-03-06T10:00:00\", \"title\": \"\", \"text\": \"خبر بلا عنوان.\"}\n"
            + "{\"id\": \"j5\", \"source\": \"dostor\", \"title\": \"\", \"text\": \"\"}\n",
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("jsonl-out");

    IngestReport report = IngestJob.run(spark(), config(in.toString(), out, null));

    assertThat(report.read()).isEqualTo(5);
    assertThat(report.rejectsByReason()).containsOnly(Map.entry("malformed", 1L), Map.entry("no_body", 1L));
    Map<String, Row> a = byId(table(out, "articles"));
    assertThat(a.keySet()).containsExactlyInAnyOrder("j1", "j2", "4");
    assertThat((Object) a.get("j1").getAs("published_date")).isEqualTo(java.sql.Date.valueOf("2013-03-05"));
    assertThat((String) a.get("j1").getAs("source")).isEqualTo("shorouk");
    assertThat((Integer) a.get("j1").getAs("n_sentences")).isEqualTo(2);
    assertThat((Object) a.get("j2").getAs("published_date")).isNull();
    assertThat((String) a.get("j2").getAs("date_note")).contains("impossible date 2013-02-31");
    assertThat((Object) a.get("4").getAs("published_date")).isEqualTo(java.sql.Date.valueOf("2013-03-06"));
    assertThat((Object) a.get("4").getAs("title")).isNull();
    Row malformed = table(out, "rejects").filter("reason = 'malformed'").first();
    assertThat((String) malformed.getAs("detail")).contains("\"id\": \"j3\"");
  }

  @Test
  void csvWithEmbeddedNewlinesQuotesAndCustomColumns() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("csv"));
    Files.writeString(in.resolve("news.csv"),
        "doc,headline,content,day,outlet\n"
            + "c1,\"شكري و\"\"لافروف\"\"\",\"قال شكري إن العلاقات قوية.\nوأضاف لافروف أن التعاون مستمر.\",2013-01-30,ahram\n"
            + "c2,خبر,\"نص, بفاصلة.\",30/01/2013,tahrir\n",
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("csv-out");
    IngestConfig cfg = IngestConfig.builder()
        .corpus(CorpusSpec.builder().inputPath(in.toString()).idColumn("doc").titleColumn("headline")
            .textColumn("content").dateColumn("day").sourceColumn("outlet").build())
        .outputRoot(out.toString()).build().validate();

    IngestReport report = IngestJob.run(spark(), cfg);

    assertThat(report.loaded()).isEqualTo(2);
    Map<String, Row> a = byId(table(out, "articles"));
    assertThat((String) a.get("c1").getAs("title")).isEqualTo("شكري و\"لافروف\"");
    assertThat((String) a.get("c1").getAs("body")).isEqualTo("قال شكري إن العلاقات قوية.\nوأضاف لافروف أن التعاون مستمر.");
    assertThat((Object) a.get("c2").getAs("published_date")).isEqualTo(java.sql.Date.valueOf("2013-01-30"));
    assertThat((String) a.get("c2").getAs("source")).isEqualTo("tahrir");
  }

  @Test
  void parquetInputAndAMissingTextColumnIsAClearError() {
    StructType schema = new StructType().add("id", "string").add("title", "string").add("text", "string").add("date", "date");
    Path in = tmp.resolve("parquet-in");
    spark().createDataFrame(List.of(
            RowFactory.create("p1", "عنوان", "نص عن موسكو والقاهرة.", java.sql.Date.valueOf("2013-03-01")),
            RowFactory.create("p2", "عنوان آخر", "نص آخر عن غزة.", null)), schema)
        .write().parquet(in.toString());
    Path out = tmp.resolve("parquet-out");

    IngestReport report = IngestJob.run(spark(), config(in.toString(), out, null));

    assertThat(report.loaded()).isEqualTo(2);
    Map<String, Row> a = byId(table(out, "articles"));
    assertThat((Object) a.get("p1").getAs("published_date")).isEqualTo(java.sql.Date.valueOf("2013-03-01"));
    assertThat((Object) a.get("p2").getAs("published_date")).isNull();

    IngestConfig wrongColumn = IngestConfig.builder()
        .corpus(CorpusSpec.builder().inputPath(in.toString()).textColumn("body").build())
        .outputRoot(tmp.resolve("x").toString()).build();
    assertThatThrownBy(() -> IngestJob.run(spark(), wrongColumn))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no text column «body»")
        .hasMessageContaining("--text-column");
  }

  @Test
  void aMissingInputRootIsAClearError() {
    assertThatThrownBy(() -> IngestJob.run(spark(), config(tmp.resolve("nope").toString(), tmp.resolve("o"), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Input path does not exist");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
