package io.arabicnews.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How the gazetteer's matches and the tagger's names of one sentence combine. Names below the
 * confidence threshold are ignored. A bare gazetteer surname inside a longer tagged person of known
 * name words goes («عبدالحليم قنديل» is not Hisham Qandil). A gazetteer match overlapped by a tagged name is the
 * gazetteer's entity, confirmed by the name (the most confident one). A tagged name that overlaps no
 * match is the tagger's own.
 */
public final class SentenceNames {
  private SentenceNames() {}

  /** A gazetteer match and the tagged name that confirms it, or null. */
  public record Linked(Mention mention, TaggedNames.Name confirming) {}

  /** The sentence's gazetteer entities and the names only the tagger found. */
  public record Combined(List<Linked> gazetteer, List<TaggedNames.Name> model) {}

  /**
   * @param isNameWord whether a word (an analyser key) is a known name word: a bare surname gives way
   *     only to a longer tagged person whose other words all are («عبدالحليم قنديل», not «شكري لـRT»)
   */
  public static Combined combine(List<Mention> mentions, List<TaggedNames.Name> names, float minConfidence,
      Predicate<String> isNameWord) {
    List<TaggedNames.Name> sure = new ArrayList<>(names.size());
    for (TaggedNames.Name n : names) {
      if (n.confidence() >= minConfidence) {
        sure.add(n);
      }
    }
    List<Linked> linked = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      if (m.conditional() && insideLongerPerson(m, sure, isNameWord)) {
        continue;
      }
      TaggedNames.Name confirming = null;
      for (TaggedNames.Name n : sure) {
        if (overlaps(n, m) && (confirming == null || n.confidence() > confirming.confidence())) {
          confirming = n;
        }
      }
      linked.add(new Linked(m, confirming));
    }
    List<TaggedNames.Name> model = new ArrayList<>();
    for (TaggedNames.Name n : sure) {
      boolean known = false;
      for (Linked l : linked) {
        known |= overlaps(n, l.mention());
      }
      if (!known) {
        model.add(n);
      }
    }
    return new Combined(linked, model);
  }

  private static boolean insideLongerPerson(Mention m, List<TaggedNames.Name> names, Predicate<String> isNameWord) {
    for (TaggedNames.Name n : names) {
      if ("PERSON".equals(n.type()) && n.start() <= m.start() && m.end() <= n.end()
          && n.words() > m.end() - m.start() + 1) {
        String[] words = n.key().split(" ");
        boolean allNames = true;
        for (int p = n.start(); p <= n.end(); p++) {
          allNames &= (p >= m.start() && p <= m.end()) || isNameWord.test(words[p - n.start()]);
        }
        if (allNames) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean overlaps(TaggedNames.Name n, Mention m) {
    return n.start() <= m.end() && m.start() <= n.end();
  }
}
