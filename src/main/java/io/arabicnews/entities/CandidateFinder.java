package io.arabicnews.entities;

import io.arabicnews.text.AnalyzedToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds names the gazetteer misses, after title cues: «اللواء عباس كامل», «المتحدث باسم الجيش المصري
 * العقيد تامر الرفاعي», «وزير الخارجية المصري سامح شكري». After a cue it skips role words (words with
 * «ال», stop words, role nouns such as «خارجية», nisba adjectives; a known entity ends the search), then takes 2–3 consecutive
 * words that start without «ال» as the candidate name. A discovery aid: users read the counts and add
 * real names to the gazetteer.
 */
public final class CandidateFinder {
  private static final int MAX_SKIP = 4;
  private static final int MAX_NAME = 3;

  private final Set<String> cues;
  private final Set<String> roleNouns;

  public CandidateFinder(Set<String> cueKeys, Set<String> roleNounKeys) {
    this.cues = cueKeys;
    this.roleNouns = roleNounKeys;
  }

  /** A candidate: its key (normalised words), display form and the cue before it. */
  public record Candidate(String key, String display, String cue, int position) {}

  public List<Candidate> find(String sentence, List<AnalyzedToken> tokens, List<Mention> mentions) {
    boolean[] inMention = new boolean[tokens.size()];
    for (Mention m : mentions) {
      for (int p = m.start(); p <= m.end() && p < inMention.length; p++) {
        inMention[p] = true;
      }
    }
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (!cues.contains(tokens.get(i).key())) {
        continue;
      }
      int j = i + 1;
      int skipped = 0;
      while (j < tokens.size() && skipped < MAX_SKIP && isRoleWord(tokens.get(j), nisbaAt(mentions, j))) {
        j++;
        skipped++;
      }
      if (j < tokens.size() && inMention[j]) {
        continue; // the cue introduces a known entity
      }
      List<AnalyzedToken> name = new ArrayList<>();
      for (int k = j; k < tokens.size() && name.size() < MAX_NAME; k++) {
        AnalyzedToken t = tokens.get(k);
        boolean adjacent = name.isEmpty() || onlySpaceBetween(sentence, name.get(name.size() - 1), t);
        if (inMention[k] || !t.isContent() || !adjacent || !isArabicWord(t.key())
            || (name.isEmpty() && t.key().startsWith("ال")) || cues.contains(t.key())) {
          break;
        }
        name.add(t);
      }
      if (name.size() >= 2) {
        out.add(new Candidate(
            join(name, true), join(name, false), tokens.get(i).display(), name.get(0).position()));
        i = name.get(name.size() - 1).position();
      }
    }
    return out;
  }

  private boolean isRoleWord(AnalyzedToken t, boolean nisba) {
    return nisba || t.stop() || t.key().startsWith("ال") || roleNouns.contains(t.key());
  }

  /** «وزير الدفاع الروسي …»: a nisba after a cue is part of the title, not the name. */
  private static boolean nisbaAt(List<Mention> mentions, int position) {
    for (Mention m : mentions) {
      if (m.nisba() && m.start() <= position && position <= m.end()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isArabicWord(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < '\u0621' || c > '\u064A') {
        return false;
      }
    }
    return key.length() >= 2;
  }

  private static boolean onlySpaceBetween(String s, AnalyzedToken a, AnalyzedToken b) {
    for (int i = a.endOffset(); i < b.startOffset(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String join(List<AnalyzedToken> name, boolean keys) {
    StringBuilder sb = new StringBuilder();
    for (AnalyzedToken t : name) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(keys ? t.key() : t.display());
    }
    return sb.toString();
  }
}
