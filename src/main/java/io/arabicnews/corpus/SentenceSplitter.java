package io.arabicnews.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a paragraph into sentences on Arabic and Latin sentence punctuation (. ! ? ؟ ؛ …), keeping a
 * quotation «…» “…” "…" in one sentence unless it runs on past {@value #MAX_QUOTE_CHARS} characters
 * (an unclosed quote must not swallow the article). Decimal points («3.5») and single-letter
 * abbreviations («د. أحمد») do not end a sentence; a full stop glued to the next word («روسيا.وأفاد»)
 * does. A run of more than {@value #MAX_SENTENCE_CHARS} characters without a sentence end (a table
 * flattened into one line, a text without punctuation) is cut at the last space before that length,
 * so sentence-scope counts (co-mentions) never treat a whole page as one sentence.
 */
public final class SentenceSplitter {
  static final int MAX_QUOTE_CHARS = 400;
  public static final int MAX_SENTENCE_CHARS = 2_000;
  private static final String TERMINALS = ".!?؟؛…";
  private static final String CLOSERS = "»”\")]』";

  private SentenceSplitter() {}

  public static List<String> split(String paragraph) {
    List<String> out = new ArrayList<>();
    int n = paragraph.length();
    int start = 0;
    int guillemets = 0;
    int curly = 0;
    boolean ascii = false;
    int quoteStart = -1;
    for (int i = 0; i < n; i++) {
      char c = paragraph.charAt(i);
      switch (c) {
        case '«' -> guillemets++;
        case '»' -> guillemets = Math.max(0, guillemets - 1);
        case '“' -> curly++;
        case '”' -> curly = Math.max(0, curly - 1);
        case '"' -> ascii = !ascii;
        default -> {}
      }
      boolean quoted = guillemets > 0 || curly > 0 || ascii;
      if (!quoted) {
        quoteStart = -1;
      } else if (quoteStart < 0) {
        quoteStart = i;
      }
      if (TERMINALS.indexOf(c) < 0 || isDecimalPoint(paragraph, i) || isAbbreviation(paragraph, i)) {
        continue;
      }
      if (quoted && i - quoteStart < MAX_QUOTE_CHARS) {
        continue;
      }
      int end = i;
      while (end + 1 < n && (TERMINALS.indexOf(paragraph.charAt(end + 1)) >= 0
          || CLOSERS.indexOf(paragraph.charAt(end + 1)) >= 0)) {
        end++;
        char e = paragraph.charAt(end);
        if (e == '»') {
          guillemets = Math.max(0, guillemets - 1);
        } else if (e == '”') {
          curly = Math.max(0, curly - 1);
        } else if (e == '"') {
          ascii = false;
        }
      }
      add(out, paragraph.substring(start, end + 1));
      start = end + 1;
      i = end;
    }
    if (start < n) {
      add(out, paragraph.substring(start));
    }
    return out;
  }

  private static void add(List<String> out, String piece) {
    String s = piece.strip();
    while (s.length() > MAX_SENTENCE_CHARS) {
      int cut = s.lastIndexOf(' ', MAX_SENTENCE_CHARS);
      if (cut <= 0) {
        cut = MAX_SENTENCE_CHARS; // no space at all: cut the run itself
        if (Character.isHighSurrogate(s.charAt(cut - 1))) {
          cut--;
        }
      }
      addIfWordy(out, s.substring(0, cut).strip());
      s = s.substring(cut).strip();
    }
    addIfWordy(out, s);
  }

  private static void addIfWordy(List<String> out, String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        out.add(s);
        return;
      }
    }
  }

  private static boolean isDecimalPoint(String s, int i) {
    return (s.charAt(i) == '.' || s.charAt(i) == '٫')
        && i > 0
        && i + 1 < s.length()
        && Character.isDigit(s.charAt(i - 1))
        && Character.isDigit(s.charAt(i + 1));
  }

  /** «د.» «م.» «أ.د.»: a lone letter before a full stop is an abbreviation, not a sentence end. */
  private static boolean isAbbreviation(String s, int i) {
    if (s.charAt(i) != '.' || i == 0 || !Character.isLetter(s.charAt(i - 1))) {
      return false;
    }
    return i == 1 || !Character.isLetter(s.charAt(i - 2));
  }
}
