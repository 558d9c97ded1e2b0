package io.arabicnews.corpus;

import io.arabicnews.dates.ArabicDateParser;
import io.arabicnews.dates.ParsedDate;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cleans one article's text: invisible marks and URLs out, white space normalised, the title taken
 * from the first line (skipping a section label such as «الشأن السوري»), the dateline near the top
 * read and removed, boilerplate lines dropped, the tail cut at «مقالات ذات صلة», «كلمات مفتاحية» or
 * the source credit, trailing lists of unrelated headlines removed, and repeated paragraphs (or
 * subheadings echoing an earlier paragraph) kept once.
 */
public final class ArticleCleaner implements Serializable {
  private static final long serialVersionUID = 1L;
  /** A first line longer than this is the lead paragraph, not a headline (seed 004). */
  static final int MAX_TITLE_CHARS = 200;
  /** A dateline line longer than this carries text too, so it stays in the body. */
  static final int MAX_DATELINE_CHARS = 100;
  /** Trailing lines shorter than this, without end punctuation, after a finished paragraph. */
  static final int MAX_RESIDUE_HEADLINE_CHARS = 150;
  private static final int DATELINE_SEARCH_LINES = 3;

  private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[^\\s«»\"“”]+");
  private static final String SENTENCE_END = ".!?؟:…»\"”')،,؛";

  private final BoilerplatePatterns boilerplate;

  public ArticleCleaner(BoilerplatePatterns boilerplate) {
    this.boilerplate = boilerplate;
  }

  /**
   * @param text the article text (for .txt inputs the whole file, title line included)
   * @param metadataTitle a title from metadata, or null
   * @param titleInText whether the first line of {@code text} is the title
   */
  public CleanedArticle clean(String text, String metadataTitle, boolean titleInText) {
    List<String> lines = new ArrayList<>();
    int removed = 0;
    // Lines end at \n, \r or \r\n; the empty piece between \r and \n is dropped with the blank lines.
    for (int start = 0, end; start <= text.length(); start = end + 1) {
      end = start;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      String line = normalizeLine(text.substring(start, end));
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    String title = metadataTitle == null ? null : emptyToNull(normalizeLine(metadataTitle));
    int i = 0;
    if (titleInText) {
      while (i < lines.size() && boilerplate.classify(lines.get(i)) == BoilerplatePatterns.Kind.SECTION) {
        i++;
        removed++;
      }
      if (i < lines.size() && looksLikeTitle(lines.get(i)) && boilerplate.classify(lines.get(i)) == null) {
        if (title == null) {
          title = lines.get(i);
        }
        i++;
      }
    }
    // A body that repeats the metadata title as its first line.
    if (title != null && i < lines.size() && lines.get(i).equals(title)) {
      i++;
      removed++;
    }

    ParsedDate dateline = null;
    for (int j = i; j < Math.min(lines.size(), i + DATELINE_SEARCH_LINES); j++) {
      Optional<ParsedDate> d = ArabicDateParser.findDateline(lines.get(j));
      if (d.isPresent()) {
        dateline = d.get();
        if (lines.get(j).length() <= MAX_DATELINE_CHARS) {
          lines.remove(j);
          removed++;
        }
        break;
      }
    }

    List<String> body = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int j = i; j < lines.size(); j++) {
      String line = lines.get(j);
      if (line.contains("http") || line.contains("www.")) {
        // A normalised line has no other white space to fold: only a URL taken out leaves some.
        line = normalizeLine(URL.matcher(line).replaceAll(" "));
      }
      BoilerplatePatterns.Kind kind = boilerplate.classify(lines.get(j));
      if (kind == BoilerplatePatterns.Kind.CUT && !body.isEmpty()) {
        removed += lines.size() - j;
        break;
      }
      if (kind != null || line.isEmpty() || !hasLetter(line) || isRepeat(line, body, seen)) {
        removed++;
        continue;
      }
      body.add(line);
    }
    // A run of short unpunctuated lines after a finished paragraph is a list of unrelated
    // headlines (seed 003 ends with three), not the article's last words.
    int runStart = body.size();
    while (runStart > 1 && isResidueHeadline(body.get(runStart - 1))) {
      runStart--;
    }
    if (runStart < body.size() && runStart > 0 && endsSentence(body.get(runStart - 1))) {
      removed += body.size() - runStart;
      body.subList(runStart, body.size()).clear();
    }
    return new CleanedArticle(title, body, dateline, removed);
  }

  /**
   * A paragraph printed twice, or a subheading that only echoes a phrase of an earlier paragraph
   * (seed 002: «تعزيز الروابط الاستراتيجية والدفاعية»), would count its words twice.
   */
  private static boolean isRepeat(String line, List<String> earlier, Set<String> seen) {
    if (!seen.add(line)) {
      return true;
    }
    if (line.length() > MAX_RESIDUE_HEADLINE_CHARS || line.split(" ").length < 3) {
      return false; // a two-word subheading can occur in the text by chance
    }
    for (String p : earlier) {
      if (p.contains(line)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Invisible marks ({@link #isInvisible}) out, each run of white space ({@link #isSpace}) one space,
   * stripped; in one pass over the characters (two regular expressions took a tenth of ingest's CPU).
   */
  static String normalizeLine(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    boolean inSpace = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (isInvisible(c)) {
        continue;
      }
      if (isSpace(c)) {
        if (!inSpace) {
          out.append(' ');
          inSpace = true;
        }
        continue;
      }
      out.append(c);
      inSpace = false;
    }
    return out.toString().strip();
  }

  /** RLM/LRM, zero-width, bidi embeddings and isolates, BOM, soft hyphen. */
  static boolean isInvisible(char c) {
    return (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2060' && c <= '\u2064')
        || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF' || c == '\u00AD';
  }

  /** ASCII white space (space, tab, line breaks, vertical tab, form feed), no-break and typographic spaces. */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || (c >= '\u2000' && c <= '\u200A')
        || c == '\u202F' || c == '\u205F' || c == '\u3000';
  }

  static boolean looksLikeTitle(String line) {
    return line.length() <= MAX_TITLE_CHARS && !(line.endsWith(".") && !line.endsWith(".."));
  }

  private static boolean isResidueHeadline(String line) {
    return line.length() <= MAX_RESIDUE_HEADLINE_CHARS && !endsSentence(line);
  }

  private static boolean endsSentence(String line) {
    return !line.isEmpty() && SENTENCE_END.indexOf(line.charAt(line.length() - 1)) >= 0;
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
