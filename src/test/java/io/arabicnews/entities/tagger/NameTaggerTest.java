package io.arabicnews.entities.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arabicnews.entities.GazetteerFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The name tagger trained on ANERcorp's train part and scored on its dev part (never its test span). */
class NameTaggerTest {
  private static final Path ANERCORP = Path.of("..", "shared", "corpora", "anercorp");
  private static final Path NAMES = Path.of("..", "shared", "corpora", "name-transliterations");
  /** Dev F1 over PERS, LOC and ORG that the shipped settings reach (docs/entities.md), less 0.02. */
  private static final double MIN_DEV_F1 = 0.759 - 0.02;

  private static NameFeatures features;
  private static List<TaggedSentences.Sentence> train;
  @TempDir static Path tmp;

  @BeforeAll
  static void lexicons() {
    features = new NameFeatures(
        TaggerLexicons.nameWords(List.of(NAMES.resolve("google-ar2en.tsv"), NAMES.resolve("wikidata-en-ar-name-tokens.tsv"))),
        TaggerLexicons.gazetteerTypes(GazetteerFile.defaults()), TaggerLexicons.titleCues(), TaggerLexicons.clusters(), Map.of());
    train = TaggedSentences.read(ANERCORP.resolve("train.txt"));
  }

  @Test
  void readsAnercorpsQuirks() throws IOException {
    Path f = Files.writeString(tmp.resolve("quirks.txt"), String.join("\n",
        "فرانكفورت B-LOC", " O", "الولايات B-LOC", "المتحدة I-LOC", "الإصابة Oالإصابة", "أ ب O", "", "",
        "اتحاد B-ORG", "العمال I-ORG", "") + "\n", StandardCharsets.UTF_8);
    List<TaggedSentences.Sentence> s = TaggedSentences.read(f);
    assertThat(s).hasSize(2);
    assertThat(s.get(0).tokens()).containsExactly("فرانكفورت", "الولايات", "المتحدة", "الإصابة", "أ ب");
    assertThat(s.get(0).labels()).containsExactly(3, 3, 4, 0, 0);
    assertThatThrownBy(() -> TaggedSentences.read(Files.writeString(tmp.resolve("bad.txt"), "كلمة B-PER\n")))
        .hasMessageContaining("bad.txt line 1").hasMessageContaining("B-PER");
  }

  @Test
  void spansAreScoredWhenTheirClassAndBothEndsAreRight() {
    SpanScores scores = new SpanScores();
    // Gold: PERS over 0-1, LOC at 3. Predicted: PERS over 0 only (wrong end), LOC at 3, ORG at 4.
    scores.add(new int[] {1, 2, 0, 3, 0}, new int[] {1, 0, 0, 3, 5});
    assertThat(scores.of("PERS")).isEqualTo(new SpanScores.Score(0, 1, 1));
    assertThat(scores.of("LOC")).isEqualTo(new SpanScores.Score(1, 1, 1));
    assertThat(scores.of("PERS", "LOC", "ORG").precision()).isEqualTo(1.0 / 3);
    // An I- label after O starts a span (CoNLL).
    assertThat(SpanScores.spans(new int[] {0, 2, 2, 4})).containsExactly(new SpanScores.Span(0, 1, 3), new SpanScores.Span(1, 3, 4));
  }

  /**
   * The shipped model is what {@code jobs/train-ner.sh} writes (trained on train, its confidence
   * calibrated on dev), it reaches its dev F1, and its confidence orders names by how often they are
   * right.
   */
  @Test
  void theShippedModelIsTheTrainedOneAndReachesItsDevF1() throws IOException {
    List<TaggedSentences.Sentence> dev = TaggedSentences.read(ANERCORP.resolve("dev.txt"));
    NameTagger tagger = NameTaggerTraining.calibrate(
        NameTaggerTraining.train(train, features, CorpusLabels.shipped(), NameTaggerTraining.Settings.defaults()), dev);
    try (java.io.InputStream shipped = NameModels.class.getResourceAsStream(NameModels.SHIPPED)) {
      assertThat(bytes(tagger)).as("the shipped model: rebuild it with jobs/train-ner.sh --model src/main/resources%s",
          NameModels.SHIPPED).isEqualTo(shipped.readAllBytes());
    }
    SpanScores scores = new SpanScores();
    SpanScores confident = new SpanScores();
    for (TaggedSentences.Sentence s : dev) {
      scores.add(s.labels(), tagger.tag(s.tokens()));
      confident.add(s.labels(), tagger.names(s.tokens()).stream().filter(n -> n.confidence() >= 0.9f).toList());
    }
    SpanScores.Score all = scores.of("PERS", "LOC", "ORG");
    assertThat(all.f1()).as("dev F1, PERS+LOC+ORG: %s", all).isGreaterThanOrEqualTo(MIN_DEV_F1);
    // Each reading alone scores below the two together.
    for (boolean backwards : new boolean[] {false, true}) {
      SpanScores one = new SpanScores();
      for (TaggedSentences.Sentence s : dev) {
        one.add(s.labels(), tagger.names(s.tokens(), backwards));
      }
      System.out.printf("dev F1, PERS+LOC+ORG, %s alone: %.3f; both readings: %.3f%n",
          backwards ? "right to left" : "left to right", one.of("PERS", "LOC", "ORG").f1(), all.f1());
      assertThat(one.of("PERS", "LOC", "ORG").f1()).as("one reading (right to left: %s)", backwards).isLessThan(all.f1() - 0.005);
    }
    SpanScores.Score sure = confident.of("PERS", "LOC", "ORG");
    assertThat(sure.precision()).as("dev, confidence >= 0.9: %s", sure).isGreaterThan(all.precision() + 0.1);
    // Tags never break BIO: an I- label only continues a span of its class.
    int[] tags = tagger.tag("وقال الرئيس المصري محمد مرسي في القاهرة إن حزب الحرية والعدالة".split(" "));
    for (int i = 0; i < tags.length; i++) {
      assertThat(Labels.allowed(i == 0 ? 0 : tags[i - 1], tags[i])).isTrue();
    }
  }

  /** Right-to-left labels name the same spans: each begins, read from the right, at its last token. */
  /**
   * The tagger sums a word's own features once and keeps the sum ({@code NameTagger.Word}): its own
   * and its context's features are {@link NameFeatures#extract}'s, split in two, and each reading
   * labels dev.txt as decoding over all of {@code extract}'s features at once does.
   */
  @Test
  void keptWordSumsLabelAsTheWholeFeatureSetDoes() {
    NameTagger tagger = NameModels.load(null);
    NameFeatures f = tagger.features;
    List<TaggedSentences.Sentence> dev = TaggedSentences.read(ANERCORP.resolve("dev.txt"));
    long[] all = new long[NameFeatures.COUNT];
    long[] own = new long[NameFeatures.OWN_COUNT];
    long[] context = new long[NameFeatures.CONTEXT_COUNT];
    int mask = (1 << tagger.bits) - 1;
    float[] scores = new float[Labels.COUNT];
    int tokens = 0;
    for (TaggedSentences.Sentence s : dev) {
      NameFeatures.Prepared p = f.prepare(s.tokens());
      for (int step : new int[] {1, -1}) {
        float[] w = step > 0 ? tagger.weights : tagger.backward;
        int[] labels = new int[p.n];
        for (int k = 0; k < p.n; k++) {
          int i = step > 0 ? k : p.n - 1 - k;
          int previous = k > 0 ? labels[i - step] : -1;
          int previous2 = k > 1 ? labels[i - 2 * step] : -1;
          f.extract(p, i, step, previous, previous2, all);
          NameFeatures.ownFeatures(f.token(s.tokens()[i]), own);
          f.contextFeatures(p, i, step, previous, previous2, context);
          long[] split = java.util.stream.LongStream.concat(java.util.Arrays.stream(own), java.util.Arrays.stream(context))
              .sorted().toArray();
          assertThat(split).isEqualTo(java.util.Arrays.stream(all).sorted().toArray());
          labels[i] = NameTagger.best(w, all, scores, mask, Math.max(previous, 0));
        }
        List<SpanScores.Span> whole = step > 0 ? SpanScores.spans(labels) : Labels.spansRightToLeft(labels);
        List<SpanScores.Span> kept = tagger.names(s.tokens(), step < 0).stream()
            .map(n -> new SpanScores.Span(n.kind(), n.start(), n.end())).toList();
        List<SpanScores.Span> expected = whole.stream()
            .filter(x -> x.end() - x.start() > 1 || !tagger.heads().contains(NameFeatures.lexiconForm(s.tokens()[x.start()])))
            .toList();
        assertThat(kept).as("names of «%s», step %d", String.join(" ", s.tokens()), step).containsExactlyElementsOf(expected);
      }
      tokens += p.n;
    }
    assertThat(tokens).isGreaterThan(10_000);
  }

  @Test
  void rightToLeftLabelsNameTheSameSpans() {
    // «محمد مرسي» PERS, «القاهرة» LOC: B-PERS I-PERS O B-LOC read right to left is I-PERS B-PERS O B-LOC.
    assertThat(Labels.rightToLeft(new int[] {1, 2, 0, 3})).containsExactly(2, 1, 0, 3);
    for (TaggedSentences.Sentence s : train) {
      assertThat(Labels.spansRightToLeft(Labels.rightToLeft(s.labels()))).isEqualTo(SpanScores.spans(s.labels()));
    }
  }

  @Test
  void twoReadingsKeepWhatBothFindAndWhatOneIsSureOf() {
    NameTagger.Name both = new NameTagger.Name(0, 0, 2, 0.875f);
    NameTagger.Name bothAgain = new NameTagger.Name(0, 0, 2, 0.625f);
    NameTagger.Name unsure = new NameTagger.Name(1, 3, 4, 0.3f);
    NameTagger.Name sure = new NameTagger.Name(2, 5, 7, 0.8f);
    NameTagger.Name overlapping = new NameTagger.Name(1, 1, 3, 0.99f);
    assertThat(NameTagger.combine(List.of(both, unsure), List.of(overlapping, bothAgain, sure))).containsExactly(
        new NameTagger.Name(0, 0, 2, 0.75f), new NameTagger.Name(2, 5, 7, 0.4f));
    assertThat(NameTagger.combine(List.of(), List.of())).isEmpty();
  }

  @Test
  void theSameDataGiveTheSameModelBytesAndAModelReadsBackAsItWasWritten() throws IOException {
    List<TaggedSentences.Sentence> part = train.subList(0, 400);
    NameTaggerTraining.Settings small = new NameTaggerTraining.Settings(16, 2, 7);
    byte[] a = bytes(NameTaggerTraining.train(part, features, small));
    byte[] b = bytes(NameTaggerTraining.train(part, features, small));
    assertThat(a).isEqualTo(b);
    NameTagger read = NameTagger.read(new ByteArrayInputStream(a), "model");
    NameTagger trained = NameTaggerTraining.train(part, features, small);
    NameTagger broadcast = roundTrip(trained);
    for (TaggedSentences.Sentence s : train.subList(400, 500)) {
      assertThat(read.tag(s.tokens())).isEqualTo(trained.tag(s.tokens()));
      assertThat(broadcast.names(s.tokens())).isEqualTo(trained.names(s.tokens()));
    }
  }

  @Test
  void aMissingCorruptOrOtherFormatModelIsOneClearErrorNamingIt() throws IOException {
    assertThatThrownBy(() -> NameTagger.read(new ByteArrayInputStream("not a model".getBytes(StandardCharsets.UTF_8)), "my.bin.gz"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Name tagger model my.bin.gz cannot be read");
    Path missing = tmp.resolve("missing.bin.gz");
    assertThatThrownBy(() -> NameModels.load(missing.toString())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Name tagger model " + missing + " does not exist (or is not a file)");
    byte[] shipped;
    try (java.io.InputStream in = NameModels.class.getResourceAsStream(NameModels.SHIPPED)) {
      shipped = in.readAllBytes();
    }
    Path truncated = Files.write(tmp.resolve("truncated.bin.gz"), java.util.Arrays.copyOf(shipped, shipped.length / 2));
    assertThatThrownBy(() -> NameModels.load(truncated.toString())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Name tagger model " + truncated + " cannot be read");
    ByteArrayOutputStream otherFormat = new ByteArrayOutputStream();
    try (java.io.DataOutputStream d = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(otherFormat))) {
      d.writeInt(0x41524e54);
      d.writeInt(1);
    }
    Path old = Files.write(tmp.resolve("old.bin.gz"), otherFormat.toByteArray());
    assertThatThrownBy(() -> NameModels.load(old.toString())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Name tagger model " + old + " has format 1; this version reads format 4 (retrain it with jobs/train-ner.sh)");
    assertThat(NameModels.load("none")).isNull();
  }

  /** Through Java serialisation, as Spark broadcasts it. */
  private static NameTagger roundTrip(NameTagger tagger) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(out)) {
      o.writeObject(tagger);
    }
    assertThat(out.size()).isLessThan(2 * Float.BYTES * tagger.weights.length); // the model file, not the weight arrays
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      return (NameTagger) in.readObject();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(NameTagger tagger) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    tagger.write(out);
    return out.toByteArray();
  }
}
