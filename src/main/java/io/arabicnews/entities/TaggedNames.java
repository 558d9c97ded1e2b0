package io.arabicnews.entities;

import io.arabicnews.entities.tagger.NameTagger;
import io.arabicnews.text.AnalyzedToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The name tagger run over a sentence the analyser has read: the tagger sees the sentence as
 * ANERcorp prints it (words as printed, each punctuation mark a token), and its names come back in
 * the analyser's word positions, with the keys and display forms the entity tables use.
 */
public final class TaggedNames {
  /** Entity type of each tagger class (MISC is not an entity of these tables). */
  public static final List<String> TYPES = List.of("PERSON", "PLACE", "ORGANIZATION");

  private TaggedNames() {}

  /**
   * A name in analyser positions.
   *
   * @param type PERSON, PLACE or ORGANIZATION
   * @param start first word (analyser position)
   * @param end last word (analyser position, inclusive)
   * @param key the words' normalised, clitic-free keys, space-separated («عصام العريان»)
   * @param display the words without clitics, as printed («عصام العريان»)
   * @param surface the text as printed, clitics included («وعصام العريان»)
   */
  public record Name(String type, int start, int end, float confidence, String key, String display, String surface) {
    public int words() {
      return end - start + 1;
    }
  }

  /**
   * The sentence as the tagger reads it: the analyser's words as printed and each punctuation mark
   * between them (ANERcorp splits punctuation), with each word's analyser position (-1 for a mark).
   */
  public record TaggerWords(String[] words, int[] positions) {}

  public static TaggerWords taggerWords(String text, List<AnalyzedToken> tokens) {
    List<String> words = new ArrayList<>(tokens.size() * 5 / 4 + 2);
    List<Integer> positions = new ArrayList<>(tokens.size() * 5 / 4 + 2);
    int at = 0;
    for (AnalyzedToken t : tokens) {
      addPunctuation(text, at, t.startOffset(), words, positions);
      words.add(t.surface());
      positions.add(t.position());
      at = t.endOffset();
    }
    addPunctuation(text, at, text.length(), words, positions);
    return new TaggerWords(words.toArray(String[]::new), positions.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The tagger's person, place and organisation names in a sentence. */
  public static List<Name> find(NameTagger tagger, String text, List<AnalyzedToken> tokens) {
    TaggerWords in = taggerWords(text, tokens);
    List<Name> out = new ArrayList<>();
    for (NameTagger.Name n : tagger.names(in.words())) {
      if (n.kind() >= TYPES.size()) {
        continue;
      }
      int first = -1;
      int last = -1;
      for (int i = n.start(); i < n.end(); i++) {
        int p = in.positions()[i];
        if (p >= 0) {
          first = first < 0 ? p : first;
          last = p;
        }
      }
      if (first >= 0) {
        out.add(name(TYPES.get(n.kind()), first, last, n.confidence(), text, tokens));
      }
    }
    return out;
  }

  private static Name name(String type, int first, int last, float confidence, String text, List<AnalyzedToken> tokens) {
    StringBuilder key = new StringBuilder();
    StringBuilder display = new StringBuilder();
    for (int p = first; p <= last; p++) {
      AnalyzedToken t = tokens.get(p);
      key.append(p > first ? " " : "").append(t.key());
      display.append(p > first ? " " : "").append(t.display());
    }
    String surface = text.substring(tokens.get(first).startOffset(), tokens.get(last).endOffset());
    return new Name(type, first, last, confidence, key.toString(), display.toString(), surface);
  }

  /** Each non-space character between two words is a token of its own, as ANERcorp splits punctuation. */
  private static void addPunctuation(String text, int from, int to, List<String> words, List<Integer> positions) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        words.add(String.valueOf(c));
        positions.add(-1);
      }
    }
  }

  /**
   * The id of a name no gazetteer lists: {@code ar-} and 12 hex digits of the SHA-256 of its key
   * without spaces, so spellings that differ only in spacing («عبد الرحمن» / «عبدالرحمن»), hamza,
   * alef or ta marbuta (normalised in the key) are one entity.
   */
  public static String entityId(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(key.replace(" ", "").getBytes(StandardCharsets.UTF_8));
      return "ar-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JVM has SHA-256
    }
  }
}
