package io.arabicnews.entities;

import io.arabicnews.text.AnalyzedToken;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gazetteer compiled for matching: every alias and nisba form turned into analyser keys (so
 * «عبدالفتاح»/«عبد الفتاح», «سيرغي»/«سيرجي» are listed forms and hamza, ta marbuta and clitic variants
 * match by themselves) and stored in a trie over keys, matched longest first.
 */
public final class Gazetteer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, GazetteerFile.Entry> entities = new LinkedHashMap<>();
  private final Node root = new Node();

  /** A trie node: the next key, and the entity ending here (if any). */
  private static final class Node implements Serializable {
    private static final long serialVersionUID = 1L;
    final Map<String, Node> next = new HashMap<>(4);
    String entityId;
    boolean nisba;
    boolean conditional;
    String where;
  }

  /**
   * @param analyzer an analyser whose lexicon knows the gazetteer's words (see {@link
   *     GazetteerFile#words()})
   */
  public static Gazetteer compile(GazetteerFile file, ArabicTextAnalyzer analyzer) {
    Gazetteer g = new Gazetteer();
    for (GazetteerFile.Entry e : file.entries()) {
      g.entities.put(e.entityId(), e);
      for (String alias : e.aliases()) {
        boolean conditional = alias.startsWith("~");
        g.add(keys(analyzer, alias.replace("~", "")), e, false, conditional);
      }
      for (String base : e.nisbaBases()) {
        for (String form : GazetteerFile.nisbaForms(base)) {
          g.add(keys(analyzer, form), e, true, false);
        }
      }
    }
    return g;
  }

  private static List<String> keys(ArabicTextAnalyzer analyzer, String text) {
    List<String> keys = new ArrayList<>();
    for (AnalyzedToken t : analyzer.analyze(text)) {
      keys.add(t.key());
    }
    return keys;
  }

  private void add(List<String> keys, GazetteerFile.Entry e, boolean nisba, boolean conditional) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(e.where() + ": an alias of «" + e.entityId() + "» has no word in it");
    }
    Node n = root;
    for (String k : keys) {
      n = n.next.computeIfAbsent(k, x -> new Node());
    }
    if (n.entityId != null && !n.entityId.equals(e.entityId())) {
      throw new IllegalArgumentException(e.where() + ": «" + String.join(" ", keys) + "» is already an alias of «"
          + n.entityId + "» (" + n.where + "); an alias must name one entity");
    }
    if (n.entityId == null || (n.nisba && !nisba) || (n.conditional && !conditional)) {
      n.entityId = e.entityId();
      n.nisba = nisba;
      n.conditional = conditional;
      n.where = e.where();
    }
  }

  public Map<String, GazetteerFile.Entry> entities() {
    return entities;
  }

  /** Non-overlapping mentions in a sentence's tokens, the longest alias winning at each position. */
  public List<Mention> match(String sentence, List<AnalyzedToken> tokens) {
    List<Mention> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Node n = root;
      Node found = null;
      int foundEnd = -1;
      for (int j = i; j < tokens.size(); j++) {
        n = n.next.get(tokens.get(j).key());
        if (n == null) {
          break;
        }
        if (n.entityId != null) {
          found = n;
          foundEnd = j;
        }
      }
      if (found == null) {
        i++;
        continue;
      }
      String surface = sentence.substring(tokens.get(i).startOffset(), tokens.get(foundEnd).endOffset());
      out.add(new Mention(found.entityId, tokens.get(i).position(), tokens.get(foundEnd).position(),
          surface, found.nisba, found.conditional));
      i = foundEnd + 1;
    }
    return out;
  }
}
