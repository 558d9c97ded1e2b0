package io.arabicnews.dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads publication dates written the ways Arabic news prints them: «الثلاثاء 26 سبتمبر 2023 03:50
 * م», «٢٦ سبتمبر ٢٠٢٣», «5 أغسطس/آب 2023», «12 كانون الثاني 2014», «3 جانفي 2020», ISO and numeric
 * day/month/year forms.
 *
 * <p>Text is matched after folding Arabic-Indic digits to ASCII and alef/ya/ta-marbuta variants,
 * so «أبريل», «ابريل» and «إبريل» are one month. Impossible dates («31 فبراير 2013») are reported
 * as a problem, never rolled over into March.
 */
public final class ArabicDateParser {
  private static final Map<String, Integer> MONTHS = new LinkedHashMap<>();

  static {
    // Longest names first so «تشرين الثاني» is tried before «تشرين».
    String[][] names = {
      {"كانون الثاني", "1"}, {"كانون ثاني", "1"}, {"تشرين الاول", "10"}, {"تشرين اول", "10"},
      {"تشرين الثاني", "11"}, {"تشرين ثاني", "11"}, {"كانون الاول", "12"}, {"كانون اول", "12"},
      {"يناير", "1"}, {"فبراير", "2"}, {"مارس", "3"}, {"ابريل", "4"}, {"مايو", "5"}, {"يونيو", "6"},
      {"يونيه", "6"}, {"يوليو", "7"}, {"يوليه", "7"}, {"اغسطس", "8"}, {"سبتمبر", "9"},
      {"اكتوبر", "10"}, {"نوفمبر", "11"}, {"ديسمبر", "12"},
      {"شباط", "2"}, {"اذار", "3"}, {"نيسان", "4"}, {"ايار", "5"}, {"حزيران", "6"}, {"تموز", "7"},
      {"ايلول", "9"}, {"اب", "8"},
      {"جانفي", "1"}, {"فيفري", "2"}, {"افريل", "4"}, {"ماي", "5"}, {"جوان", "6"}, {"جويليه", "7"},
      {"اوت", "8"},
    };
    for (String[] n : names) {
      MONTHS.put(n[0], Integer.parseInt(n[1]));
    }
  }

  private static final String MONTH = "(" + String.join("|", MONTHS.keySet()) + ")";
  private static final Pattern TEXT_DATE =
      Pattern.compile(
          "(?<![0-9])([0-9]{1,2})\\s*(?:من\\s+)?"
              + MONTH
              + "(?![\\p{IsArabic}])(?:\\s*[/\\-–(]\\s*"
              + MONTH
              + "(?![\\p{IsArabic}])\\s*\\)?)?\\s*[,،]?\\s*(?:عام\\s+|سنه\\s+)?([0-9]{4})(?![0-9])");
  private static final Pattern ISO_DATE =
      Pattern.compile("(?<![0-9])([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9])");
  private static final Pattern DMY_DATE =
      Pattern.compile("(?<![0-9])([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})(?![0-9])");

  /** How far into a line a dateline's date may start (room for a weekday and a place name). */
  static final int DATELINE_MAX_START = 30;

  private ArabicDateParser() {}

  /** The first date anywhere in {@code s}; offsets refer to {@code s} (folding keeps lengths). */
  public static Optional<ParsedDate> find(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    String f = fold(s);
    ParsedDate best = null;
    Matcher m = TEXT_DATE.matcher(f);
    if (m.find()) {
      int month = MONTHS.get(m.group(2));
      String problem = null;
      if (m.group(3) != null && MONTHS.get(m.group(3)) != month) {
        problem = "month names disagree: «" + m.group(2) + "» and «" + m.group(3) + "»";
      }
      best = make(Integer.parseInt(m.group(4)), month, Integer.parseInt(m.group(1)), m, problem);
    }
    for (Pattern p : new Pattern[] {ISO_DATE, DMY_DATE}) {
      Matcher n = p.matcher(f);
      if (n.find() && (best == null || n.start() < best.start())) {
        boolean iso = p == ISO_DATE;
        int y = Integer.parseInt(n.group(iso ? 1 : 3));
        int mo = Integer.parseInt(n.group(2));
        int d = Integer.parseInt(n.group(iso ? 3 : 1));
        best = make(y, mo, d, n, null);
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * A metadata value: ISO date or date-time, numeric d/m/y, or Arabic text. Empty when the value is
   * blank; a {@link ParsedDate} with a problem when it is present but not a valid date.
   */
  public static Optional<ParsedDate> parseMetadata(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Optional<ParsedDate> found = find(value);
    return Optional.of(
        found.orElse(ParsedDate.problem("unparseable date «" + value.strip() + "»", 0, value.length())));
  }

  /**
   * A dateline near the top of an article: a date starting within the first {@value
   * #DATELINE_MAX_START} characters of the line («الثلاثاء 26 سبتمبر 2023 03:50 م», «القاهرة في ٥
   * مارس ٢٠١٣»). Dates further into a sentence are events, not publication dates.
   */
  public static Optional<ParsedDate> findDateline(String line) {
    // Every date form starts with a digit: most lines have none early enough, and need no pattern.
    if (line == null || !hasDigitWithin(line, DATELINE_MAX_START + 1)) {
      return Optional.empty();
    }
    // Only the line's start is searched: a date that starts early enough ends long before this
    // (paragraphs run to thousands of characters, and the search took 7% of ingest's CPU).
    String head = line.length() <= DATELINE_SEARCH_CHARS ? line : line.substring(0, DATELINE_SEARCH_CHARS);
    return find(head).filter(d -> d.start() <= DATELINE_MAX_START);
  }

  /** Whether one of the first {@code n} characters is a digit {@link #fold} reads (ASCII or Arabic-Indic). */
  private static boolean hasDigitWithin(String s, int n) {
    for (int i = 0; i < Math.min(n, s.length()); i++) {
      char c = asciiDigit(s.charAt(i));
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** Arabic-Indic and Eastern Arabic-Indic digits as ASCII digits; any other character as it is. */
  private static char asciiDigit(char ch) {
    if (ch >= '\u0660' && ch <= '\u0669') {
      return (char) ('0' + (ch - '\u0660'));
    }
    if (ch >= '\u06F0' && ch <= '\u06F9') {
      return (char) ('0' + (ch - '\u06F0'));
    }
    return ch;
  }

  /** How much of a line {@link #findDateline} reads: the latest start plus room for the longest date. */
  static final int DATELINE_SEARCH_CHARS = DATELINE_MAX_START + 200;

  private static ParsedDate make(int y, int m, int d, Matcher at, String problem) {
    if (y < 1900 || y > 2100) {
      return ParsedDate.problem("year out of range: " + y, at.start(), at.end());
    }
    try {
      LocalDate date = LocalDate.of(y, m, d);
      return problem == null
          ? ParsedDate.of(date, at.start(), at.end())
          : new ParsedDate(date, problem, at.start(), at.end());
    } catch (DateTimeException e) {
      return ParsedDate.problem(
          String.format("impossible date %04d-%02d-%02d", y, m, d), at.start(), at.end());
    }
  }

  /** Same length as the input, so match offsets stay valid for the original string. */
  static String fold(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      char ch = c[i];
      char digit = asciiDigit(ch);
      if (digit != ch) {
        c[i] = digit;
      } else if (ch == 'أ' || ch == 'إ' || ch == 'آ') {
        c[i] = 'ا';
      } else if (ch == 'ى') {
        c[i] = 'ي';
      } else if (ch == 'ة') {
        c[i] = 'ه';
      } else if (ch == '\u0640' || (ch >= '\u064B' && ch <= '\u0652')) {
        c[i] = ' '; // tatweel and diacritics: a space keeps offsets; \s* in the patterns absorbs it
      }
    }
    return new String(c);
  }
}
