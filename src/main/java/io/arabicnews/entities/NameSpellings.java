package io.arabicnews.entities;

import io.arabicnews.entities.tagger.NameFeatures;
import io.arabicnews.entities.tagger.TaggerLexicons;
import io.arabicnews.text.DataFile;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * English labels for Arabic names no gazetteer lists, word by word: the usual English spelling of
 * each word («أحمد شفيق» → Ahmed Shafiq) from the gazetteer's own people (label_ar and label_en word
 * for word) and then the open name word lists of {@code ../shared/corpora/name-transliterations}
 * (count-weighted majority); a word with the article takes «al-» before the spelling of the rest
 * («العريان» → al-Erian); «عبد»/«أبو» compounds written as one word are spelt as two; letter rules are
 * the fallback. ICU4J's Arabic-Latin transform writes consonant skeletons («عصام العريان» → «ʿṣạm
 * ạlʿryạn», ../shared/STACK.md), so the rules here put in the vowels an English reader expects.
 */
public final class NameSpellings implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The shipped spellings, made by {@code jobs/name-spellings.sh} from the two word lists. */
  public static final String SHIPPED = "/io/arabicnews/entities/name-spellings.tsv.gz";

  /** Normalised Arabic word → English spelling (lower case unless the gazetteer's). */
  private final Map<String, String> spellings;

  private NameSpellings(Map<String, String> spellings) {
    this.spellings = spellings;
  }

  private static NameSpellings shipped;

  public static synchronized NameSpellings shipped() {
    if (shipped == null) {
      shipped = read(DataFile.resource(SHIPPED), "name-spellings.tsv.gz (shipped)");
    }
    return shipped;
  }

  /**
   * Spellings from the word lists: {@code google-ar2en.tsv} ({@code arabic TAB english}, each pair
   * counted once) and {@code wikidata-en-ar-name-tokens.tsv} ({@code english TAB spaced arabic TAB
   * count}); each normalised Arabic word gets the spelling with the highest count (ties: the
   * alphabetically first).
   */
  public static NameSpellings fromWordLists(List<Path> files) {
    Map<String, Map<String, Long>> counts = new HashMap<>();
    for (TaggerLexicons.NameListEntry e : TaggerLexicons.readNameLists(files)) {
      String english = e.english().toLowerCase(java.util.Locale.ROOT);
      if (TaggerLexicons.isArabic(e.arabic()) && e.arabic().length() >= 2 && english.matches("[a-z][a-z'-]*")) {
        counts.computeIfAbsent(NameFeatures.normalise(e.arabic()), k -> new TreeMap<>()).merge(english, e.count(), Long::sum);
      }
    }
    Map<String, String> out = new TreeMap<>();
    counts.forEach((arabic, byEnglish) -> {
      String best = null;
      for (Map.Entry<String, Long> e : byEnglish.entrySet()) {
        if (best == null || e.getValue() > byEnglish.get(best)) {
          best = e.getKey();
        }
      }
      out.put(arabic, best);
    });
    return new NameSpellings(out);
  }

  /** These spellings under the word-for-word spellings of the gazetteer's people, which win. */
  public NameSpellings withGazetteer(GazetteerFile gazetteer) {
    Map<String, String> out = new HashMap<>(spellings);
    for (GazetteerFile.Entry e : gazetteer.entries()) {
      String[] ar = e.labelAr().strip().split("\\s+");
      String[] en = e.labelEn().strip().split("\\s+");
      if ("PERSON".equals(e.type()) && ar.length == en.length) {
        for (int i = 0; i < ar.length; i++) {
          out.put(NameFeatures.normalise(ar[i]), en[i]);
        }
      }
    }
    return new NameSpellings(out);
  }

  public int size() {
    return spellings.size();
  }

  /** An English label for an Arabic name (words as printed, clitics removed). */
  public String english(String arabic) {
    StringBuilder out = new StringBuilder();
    for (String word : arabic.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      String spelt = word(NameFeatures.normalise(word), out.length() == 0);
      out.append(out.length() > 0 ? " " : "").append(spelt);
    }
    return out.toString();
  }

  private String word(String w, boolean first) {
    if (!TaggerLexicons.isArabic(w)) {
      return w;
    }
    String known = spellings.get(w);
    if (known != null) {
      String spelt = capitalise(known);
      // «Abdel Fattah el-Sisi»: the article stays lower case inside a name.
      return !first && (spelt.startsWith("El-") || spelt.startsWith("Al-")) ? Character.toLowerCase(spelt.charAt(0))
          + spelt.substring(1) : spelt;
    }
    if (w.startsWith("ال") && w.length() > 3) {
      String rest = w.substring(2);
      String spelt = spellings.containsKey(rest) ? capitalise(spellings.get(rest)) : capitalise(letters(rest));
      return (first ? "Al-" : "al-") + spelt;
    }
    for (String prefix : new String[] {"عبد", "ابو"}) {
      if (w.startsWith(prefix) && w.length() > prefix.length() + 2) {
        return word(prefix, first) + " " + word(w.substring(prefix.length()), false);
      }
    }
    return capitalise(letters(w));
  }

  private static String capitalise(String s) {
    if (s.isEmpty() || Character.isUpperCase(s.charAt(0))) {
      return s;
    }
    int hyphen = s.indexOf('-');
    String head = Character.toUpperCase(s.charAt(0)) + s.substring(1);
    // «el-sisi» → «El-Sisi»
    return hyphen > 0 && hyphen + 1 < head.length()
        ? head.substring(0, hyphen + 1) + Character.toUpperCase(head.charAt(hyphen + 1)) + head.substring(hyphen + 2)
        : head;
  }

  /**
   * Letter rules for a word no list knows: consonants as English writes them for Egyptian and Levantine
   * names, «ا/ى» a, «و» ou between consonants, «ي» i between consonants, «ه» (ta marbuta after
   * normalisation) a at the end, and an «a» between two consonants that have no vowel letter.
   */
  static String letters(String w) {
    StringBuilder out = new StringBuilder();
    boolean previousConsonant = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      boolean last = i == w.length() - 1;
      String vowel = switch (c) {
        case 'ا', 'ى', 'آ', 'ع' -> "a";
        case 'و' -> i > 0 && !last ? "ou" : null;
        case 'ي' -> i > 0 ? "i" : null;
        case 'ه' -> last && i > 0 ? "a" : null;
        default -> null;
      };
      if (vowel != null) {
        out.append(vowel);
        previousConsonant = false;
        continue;
      }
      String consonant = CONSONANTS.getOrDefault(c, "");
      if (consonant.isEmpty()) {
        continue;
      }
      if (previousConsonant && !last) {
        out.append('a');
      }
      out.append(consonant);
      previousConsonant = true;
    }
    return out.toString();
  }

  private static final Map<Character, String> CONSONANTS = Map.ofEntries(
      Map.entry('ب', "b"), Map.entry('ت', "t"), Map.entry('ث', "th"), Map.entry('ج', "g"), Map.entry('ح', "h"),
      Map.entry('خ', "kh"), Map.entry('د', "d"), Map.entry('ذ', "z"), Map.entry('ر', "r"), Map.entry('ز', "z"),
      Map.entry('س', "s"), Map.entry('ش', "sh"), Map.entry('ص', "s"), Map.entry('ض', "d"), Map.entry('ط', "t"),
      Map.entry('ظ', "z"), Map.entry('غ', "gh"), Map.entry('ف', "f"), Map.entry('ق', "k"),
      Map.entry('ك', "k"), Map.entry('ل', "l"), Map.entry('م', "m"), Map.entry('ن', "n"), Map.entry('ه', "h"),
      Map.entry('و', "w"), Map.entry('ي', "y"), Map.entry('ء', ""), Map.entry('ئ', "e"), Map.entry('ؤ', "o"),
      Map.entry('ة', "a"), Map.entry('پ', "p"), Map.entry('ڤ', "v"), Map.entry('گ', "g"));

  /** Writes {@code arabic TAB english} lines, sorted, gzip: the same spellings give the same bytes. */
  public void write(OutputStream out) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(out);
    BufferedWriter w = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8));
    for (Map.Entry<String, String> e : new TreeMap<>(spellings).entrySet()) {
      w.write(e.getKey() + "\t" + e.getValue() + "\n");
    }
    w.flush();
    gz.finish();
  }

  public static NameSpellings read(InputStream in, String name) {
    Map<String, String> out = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          out.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read name spellings " + name + ": " + e.getMessage(), e);
    }
    return new NameSpellings(out);
  }
}
