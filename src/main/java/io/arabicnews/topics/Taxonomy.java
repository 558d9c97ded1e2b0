package io.arabicnews.topics;

import io.arabicnews.terms.TermHash;
import io.arabicnews.terms.TermHashSet;
import io.arabicnews.text.AnalyzedToken;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import io.arabicnews.text.DataFile;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The curated topic taxonomy ({@code topics/taxonomy.tsv}, or a user's file): topics with weighted
 * keywords, compiled to the analyser's term keys so a keyword matches every spelling and clitic form
 * of itself. Errors name the file and line.
 */
public final class Taxonomy implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String RESOURCE = "/io/arabicnews/topics/taxonomy.tsv";
  public static final String UNASSIGNED = "unassigned";
  static final int MAX_KEYWORD_WORDS = 3;

  /** A topic as written, with each keyword's term key ({@code keys}, in the same order). */
  public record Topic(String id, String labelEn, String labelAr, List<String> keywords, List<String> keys) implements Serializable {}

  /** A keyword of a topic, keyed like the term tables. */
  public record Keyword(int topic, String written, double weight) implements Serializable {}

  private final List<Topic> topics = new ArrayList<>();
  private final Map<String, List<Keyword>> byKey = new HashMap<>();
  /** {@link TermHash}es of the keys: a sentence's n-grams are tested without building strings. */
  private TermHashSet keyHashes = TermHashSet.of();

  public List<Topic> topics() {
    return topics;
  }

  /** The keywords whose term key is {@code key}, or null. */
  public List<Keyword> lookup(String key) {
    return byKey.get(key);
  }

  /** False when no keyword has this key; true for every key that has one (and, rarely, a hash twin). */
  public boolean mayHave(CharSequence key) {
    return keyHashes.contains(key);
  }

  public static Taxonomy defaults(ArabicTextAnalyzer analyzer) {
    return parse(DataFile.resource(RESOURCE), "taxonomy.tsv (shipped)", analyzer);
  }

  public static Taxonomy load(Path file, ArabicTextAnalyzer analyzer) {
    return parse(DataFile.open(file, "taxonomy"), file.toString(), analyzer);
  }

  public static Taxonomy parse(InputStream in, String name, ArabicTextAnalyzer analyzer) {
    Taxonomy t = new Taxonomy();
    Set<String> ids = new HashSet<>();
    List<String> lines = DataFile.lines(in);
    for (int lineNo = 1; lineNo <= lines.size(); lineNo++) {
      String line = lines.get(lineNo - 1);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String where = name + " line " + lineNo;
      String[] f = line.split("\t", -1);
      if (f.length != 4) {
        throw new IllegalArgumentException(where + ": expected 4 tab-separated fields (topic_id, label_en, label_ar, keywords), found " + f.length);
      }
      String id = f[0].strip();
      if (!id.matches("[a-z0-9_]+") || id.equals(UNASSIGNED) || !ids.add(id)) {
        throw new IllegalArgumentException(where + ": topic_id «" + id + "» must be lower_snake_case, unique and not «" + UNASSIGNED + "»");
      }
      List<String> written = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      int topicIndex = t.topics.size();
      for (String kw : f[3].split("\\|")) {
        if (kw.isBlank()) {
          continue;
        }
        int colon = kw.lastIndexOf(':');
        if (colon < 0) {
          throw new IllegalArgumentException(where + ": keyword «" + kw + "» needs a weight, as «term:3»");
        }
        String term = kw.substring(0, colon).strip();
        double weight;
        try {
          weight = Double.parseDouble(kw.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(where + ": keyword «" + kw + "» has a weight that is not a number");
        }
        if (weight <= 0 || weight > 5) {
          throw new IllegalArgumentException(where + ": keyword «" + term + "» weight must be in (0, 5], got " + weight);
        }
        String key = key(term, analyzer, where);
        List<Keyword> same = t.byKey.computeIfAbsent(key, k -> new ArrayList<>());
        // Two spellings of one keyword in a topic («أفريقيا», «إفريقيا»; «المحكمة», «محكمة») share a
        // key: a match counts once, at the higher weight, not once per spelling.
        Keyword earlier = same.stream().filter(k -> k.topic() == topicIndex).findFirst().orElse(null);
        if (earlier == null) {
          same.add(new Keyword(topicIndex, term, weight));
        } else if (weight > earlier.weight()) {
          same.set(same.indexOf(earlier), new Keyword(topicIndex, earlier.written(), weight));
        }
        written.add(term);
        keys.add(key);
      }
      if (written.isEmpty()) {
        throw new IllegalArgumentException(where + ": topic «" + id + "» has no keyword");
      }
      t.topics.add(new Topic(id, f[1].strip(), f[2].strip(), written, keys));
    }
    t.keyHashes = TermHashSet.of(t.byKey.keySet().stream().mapToLong(TermHash::of).toArray());
    return t;
  }

  private static String key(String term, ArabicTextAnalyzer analyzer, String where) {
    List<AnalyzedToken> tokens = analyzer.analyze(term);
    if (tokens.isEmpty() || tokens.size() > MAX_KEYWORD_WORDS) {
      throw new IllegalArgumentException(where + ": keyword «" + term + "» must have 1 to " + MAX_KEYWORD_WORDS + " words");
    }
    StringBuilder sb = new StringBuilder();
    for (AnalyzedToken tok : tokens) {
      if (!tok.isContent()) {
        throw new IllegalArgumentException(where + ": keyword «" + term + "» contains the stop word or number «"
            + tok.surface() + "», which never counts as a term");
      }
      sb.append(sb.length() == 0 ? "" : " ").append(tok.key());
    }
    return sb.toString();
  }
}
