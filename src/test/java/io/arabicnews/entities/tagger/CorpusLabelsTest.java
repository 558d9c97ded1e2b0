package io.arabicnews.entities.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The corpus label codes: what the tagger made of a word across unlabelled news, and the folds training reads. */
class CorpusLabelsTest {
  @Test
  void aWordsCodeIsItsMainNameClassAndHowOftenItWasInsideSuchNames() {
    // counts: outside names, PERS, LOC, ORG, MISC
    assertThat(CorpusLabels.code(new int[] {1, 1, 0, 0, 0})).isEqualTo(CorpusLabels.UNSEEN);
    assertThat(CorpusLabels.code(new int[] {100, 0, 0, 0, 0})).isEqualTo(0); // PERS, bin 0: never a name
    assertThat(CorpusLabels.code(new int[] {10, 0, 90, 0, 0})).isEqualTo(8 + 5); // LOC in 90%
    assertThat(CorpusLabels.code(new int[] {70, 0, 0, 30, 0})).isEqualTo(16 + 3); // ORG in 30%
    assertThat(CorpusLabels.code(new int[] {97, 0, 0, 1, 2})).isEqualTo(24 + 1); // MISC in 2%
  }

  @Test
  void theFoldsAreConsecutiveBlocksAndEachSentenceIsInOne() {
    List<Integer> sentences = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      sentences.add(i);
    }
    int[] folds = sentences.stream().mapToInt(i -> CorpusLabels.foldOf(i, 12)).toArray();
    assertThat(folds).containsExactly(0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4); // ends at 12·f/5: 2, 4, 7, 9, 12
    assertThat(CorpusLabels.withoutFold(sentences, 1)).containsExactly(0, 1, 4, 5, 6, 7, 8, 9, 10, 11);
  }

  @Test
  void aCounterCodesTheWordsAsTheTaggerTaggedThemAndTheCodesReadBackAsWritten() throws IOException {
    NameTagger tagger = NameModels.shipped();
    CorpusLabels.Counter counter = new CorpusLabels.Counter(tagger);
    String[] sentence = "وقال الرئيس المصري محمد مرسي في القاهرة".split(" ");
    for (int i = 0; i < 3; i++) {
      counter.add(sentence);
    }
    Map<String, Integer> codes = counter.codes();
    int[] labels = tagger.tag(sentence);
    for (int i = 0; i < sentence.length; i++) {
      String word = NameFeatures.lexiconForm(sentence[i]);
      int kind = Labels.classOf(labels[i]);
      // Three times the same tags: inside a name of its class every time (bin 5), or never (PERS, bin 0).
      assertThat(codes.get(word)).as(word).isEqualTo(kind < 0 ? 0 : 8 * kind + 5);
    }
    List<Map<String, Integer>> folds = new ArrayList<>();
    for (int f = 0; f < CorpusLabels.FOLDS; f++) {
      folds.add(f == 2 ? Map.of() : Map.of("قاهره", 8 + f));
    }
    CorpusLabels.Codes written = new CorpusLabels.Codes(codes, folds);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CorpusLabels.write(written, out);
    CorpusLabels.Codes read = CorpusLabels.read(new ByteArrayInputStream(out.toByteArray()), "codes");
    assertThat(read).isEqualTo(written);
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    CorpusLabels.write(read, again);
    assertThat(again.toByteArray()).isEqualTo(out.toByteArray());
  }

  @Test
  void aFileOfAnotherShapeIsOneErrorNamingIt() throws IOException {
    ByteArrayOutputStream bad = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bad)) {
      gz.write("قاهره\t13\t13\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> CorpusLabels.read(new ByteArrayInputStream(bad.toByteArray()), "my-labels.tsv.gz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot read corpus labels my-labels.tsv.gz: line 1 has 3 fields, not 7");
    assertThatThrownBy(() -> CorpusLabels.load(Path.of("no-such-labels.tsv.gz")))
        .hasMessageStartingWith("Cannot read corpus labels no-such-labels.tsv.gz");
  }
}
