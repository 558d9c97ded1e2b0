package io.arabicnews.entities.tagger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-tagged sentences in ANERcorp's format: one {@code token TAG} a line (split at the last space,
 * since a few tokens hold one), a blank line between sentences, BIO tags of PERS, LOC, ORG and MISC.
 * The original's few malformed lines are read as its README says: a line without a token is skipped,
 * and a tag that is not a known label is read as {@code O} when it starts with O («Oالإصابة»),
 * otherwise rejected with its file and line.
 */
public final class TaggedSentences {
  private TaggedSentences() {}

  /** A sentence: its tokens as printed and their gold labels (indices into {@link Labels}). */
  public record Sentence(String[] tokens, int[] labels) {}

  public static List<Sentence> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read tagged sentences " + file + ": " + e.getMessage(), e);
    }
    List<Sentence> out = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int n = 0; n <= lines.size(); n++) {
      String line = n < lines.size() ? lines.get(n).strip() : "";
      if (line.isEmpty()) {
        if (!tokens.isEmpty()) {
          out.add(new Sentence(tokens.toArray(String[]::new), labels.stream().mapToInt(Integer::intValue).toArray()));
          tokens.clear();
          labels.clear();
        }
        continue;
      }
      int space = line.lastIndexOf(' ');
      String token = space < 0 ? "" : line.substring(0, space).strip();
      String tag = space < 0 ? line : line.substring(space + 1);
      if (token.isEmpty()) {
        continue;
      }
      int label = Labels.index(tag);
      if (label < 0 && tag.startsWith("O")) {
        label = Labels.OUTSIDE;
      }
      if (label < 0) {
        throw new IllegalArgumentException(file + " line " + (n + 1) + ": unknown tag «" + tag + "»");
      }
      tokens.add(token);
      labels.add(label);
    }
    return out;
  }
}
